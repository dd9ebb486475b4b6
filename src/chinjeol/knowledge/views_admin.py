"""The CS officer's knowledge pages: the everyday-words table and the usage lists."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core import exports
from chinjeol.core.access import role_required
from chinjeol.core.pages import form_errors
from chinjeol.core.roles import Role

from . import queries, services
from .forms import SynonymForm
from .models import Synonym


@role_required(Role.CS_OFFICER)
def synonyms(request):
    request.area = "knowledge"
    form = SynonymForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with form_errors(form):
            services.synonym_save(**form.cleaned_data, by=request.user, now=timezone.now())
            messages.success(request, "생활 용어를 저장했습니다.")
            return redirect("knowledge:synonyms")
    rows = Synonym.objects.all()
    return render(request, "knowledge/synonyms.html", {"form": form, "rows": rows})


@require_POST
@role_required(Role.CS_OFFICER)
def synonym_delete(request, pk: int):
    services.synonym_delete(synonym_id=pk)
    messages.success(request, "생활 용어를 지웠습니다.")
    return redirect("knowledge:synonyms")


@role_required(Role.CS_OFFICER)
def report_uses(request):
    request.area = "knowledge"
    rows = queries.resolving_articles()
    download = exports.download(
        request,
        name="knowledge-uses",
        title="해결에 쓰인 문서",
        headers=["문서 코드", "문서", "해결", "사용"],
        rows=lambda: [[a.code, a.title, a.resolved, a.used] for a in rows],
    )
    return download or render(request, "knowledge/report_uses.html", {"rows": rows})


@role_required(Role.CS_OFFICER)
def report_misses(request):
    request.area = "knowledge"
    rows = queries.missed_searches()
    download = exports.download(
        request,
        name="knowledge-misses",
        title="답을 못 찾은 검색",
        headers=["검색어", "횟수"],
        rows=lambda: [[r["query_masked"], r["times"]] for r in rows],
    )
    return download or render(request, "knowledge/report_misses.html", {"rows": rows})


@role_required(Role.CS_OFFICER, Role.CS_LEADER, Role.DEPT_HEAD)
def overdue(request):
    request.area = "knowledge"
    today = timezone.localdate()
    rows = queries.overdue_articles(request.user, today)
    download = exports.download(
        request,
        name=f"knowledge-overdue-{today:%Y%m%d}",
        title="검토 기한 지난 문서",
        headers=["문서 코드", "문서", "담당 부서", "검토 기한"],
        rows=lambda: [
            [a.code, a.title, a.owner_department.name if a.owner_department else "", a.review_due]
            for a in rows
        ],
    )
    return download or render(request, "knowledge/overdue.html", {"rows": rows})
