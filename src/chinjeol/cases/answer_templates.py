"""답변 서식: the replies a handler starts from, chosen by the case's kind and department; the CS officer
keeps them (`answer_template_save`)."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet

from chinjeol.core.errors import NotFound
from chinjeol.organization.models import Department

from .models import AnswerTemplate, Case


def for_case(case: Case) -> list[AnswerTemplate]:
    """The active templates that fit the case: its kind or any kind, its department or any department; the
    most specific first."""
    rows = AnswerTemplate.objects.filter(is_active=True).filter(
        Q(kind="") | Q(kind=case.kind), Q(department__isnull=True) | Q(department_id=case.department_id)
    )
    return sorted(rows, key=lambda t: (t.department_id is None, t.kind == "", t.title))


def all_templates() -> QuerySet[AnswerTemplate]:
    return AnswerTemplate.objects.select_related("department", "updated_by").order_by("-is_active", "title")


def get_template(pk: int) -> AnswerTemplate:
    found = AnswerTemplate.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound("답변 서식을 찾을 수 없습니다.")
    return found


class AnswerTemplateForm(forms.ModelForm):
    """No "---------" in the choice lists: 모든 종류 / 모든 부서 say what a blank means."""

    class Meta:
        model = AnswerTemplate
        fields = ["title", "kind", "department", "body", "is_active"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"body": "민원인 이름, 전화번호 같은 개인정보는 넣지 마세요. 넣으면 가려서 저장합니다."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "모든 종류"), *Case.Kind.choices]
        self.fields["department"].empty_label = "모든 부서"
        self.fields["department"].queryset = Department.objects.filter(is_active=True).order_by("name")


def answer_template_save(form: AnswerTemplateForm, *, by) -> AnswerTemplate:
    template = form.save(commit=False)
    template.updated_by = by
    template.save()
    return template
