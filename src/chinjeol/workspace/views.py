from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from chinjeol.core import exports, inbox, navigation
from chinjeol.core.access import primary_role, role_required, roles_of
from chinjeol.core.privacy import accessor_label
from chinjeol.core.roles import Role

from . import queries
from .forms import AccessLogFilterForm

HOME_TEMPLATES = {
    Role.CS_OFFICER: "office",
    Role.AUDITOR: "office",
    Role.DEPT_HEAD: "department",
    Role.CS_LEADER: "department",
    Role.EVALUATOR: "evaluator",
    Role.STAFF: "staff",
}


@login_required
def home(request):
    role = primary_role(request.user)
    context: dict = {"role": role, "areas": navigation.areas_for(request.user)}
    mine = roles_of(request.user)
    if role in (Role.CS_OFFICER, Role.AUDITOR):
        context["stats"] = queries.agency_figures(timezone.localdate())
        context["role_counts"] = queries.role_counts()
        context["recent_access"] = queries.recent_access()
    if role in (Role.DEPT_HEAD, Role.CS_LEADER):
        scoped = {d for r in (Role.DEPT_HEAD, Role.CS_LEADER) for d in mine.get(r, ()) if d}
        context["my_departments"] = queries.departments_by_id(scoped)
    if role == Role.EVALUATOR:
        context["departments"] = queries.evaluated_departments()
    if request.user.staff_id:
        context["me"] = queries.staff_card(request.user.staff_id)
    context["role_labels"] = sorted({r.label for r in mine})
    context["work"] = inbox.work_for(request.user, now=timezone.now())
    return render(request, f"workspace/home_{HOME_TEMPLATES.get(role, 'none')}.html", context)


ACCESS_LOG_HEADERS = [
    "시각",
    "접속자",
    "아이디",
    "행위",
    "정보주체 유형",
    "정보주체",
    "항목",
    "건수",
    "접속 IP",
    "경로",
]


def _access_row(entry) -> list:
    return [entry.at, accessor_label(entry), entry.username, entry.get_action_display(), entry.get_subject_type_display(),
            entry.subject_label, entry.fields, entry.count, entry.ip or "", entry.path]  # fmt: skip


@role_required(Role.CS_OFFICER, Role.AUDITOR)
def access_log(request):
    form = AccessLogFilterForm(request.GET or None)
    entries = (
        queries.access_log_entries(**form.cleaned_data) if form.is_valid() else queries.access_log_entries()
    )
    download = exports.download(
        request,
        name=f"access-log-{timezone.localdate():%Y%m%d}",
        title="개인정보 접속기록",
        headers=ACCESS_LOG_HEADERS,
        rows=lambda: [_access_row(entry) for entry in exports.limit(entries)],
        personal=exports.PersonalData("access_log", "개인정보 접속기록 내려받기", "접속자, 접속 IP", 1),
    )
    if download is not None:
        return download
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    request.area = "admin"
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "workspace/access_log.html", {"form": form, "page": page, "query": query.urlencode()}
    )
