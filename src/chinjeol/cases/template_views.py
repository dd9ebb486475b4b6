"""답변 서식 pages: the CS officer keeps the replies handlers start from; the auditor reads them."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render

from chinjeol.core.access import has_role, role_required
from chinjeol.core.roles import Role

from . import answer_templates

KEEPERS = (Role.CS_OFFICER,)
READERS = (Role.CS_OFFICER, Role.AUDITOR)


def _page(request, form, template=None, status=200):
    request.area = "cases"
    return render(
        request,
        "cases/answer_templates.html",
        {
            "form": form,
            "editing": template,
            "templates": answer_templates.all_templates(),
            "may_edit": has_role(request.user, *KEEPERS),
        },
        status=status,
    )


def _save(request, form, template=None):
    if not has_role(request.user, *KEEPERS):
        return render(
            request, "core/forbidden.html", {"message": "감사는 조회만 할 수 있습니다."}, status=403
        )
    if form.is_valid():
        saved = answer_templates.answer_template_save(form, by=request.user)
        messages.success(request, f"답변 서식 ‘{saved.title}’을 저장했습니다.")
        return redirect("cases:answer_templates")
    return _page(request, form, template, status=400)


@role_required(*READERS)
def template_list(request):
    if request.method == "POST":
        return _save(request, answer_templates.AnswerTemplateForm(request.POST))
    return _page(request, answer_templates.AnswerTemplateForm())


@role_required(*READERS)
def template_edit(request, pk: int):
    template = answer_templates.get_template(pk)
    if request.method == "POST":
        return _save(request, answer_templates.AnswerTemplateForm(request.POST, instance=template), template)
    return _page(request, answer_templates.AnswerTemplateForm(instance=template), template)
