from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from . import exports, inbox, navigation
from .access import has_role, primary_role, role_required, roles_of
from .forms import AccessLogFilterForm, LoginForm
from .models import PersonalDataAccess, RoleAssignment, User
from .privacy import accessor_label
from .roles import Role

HOME_TEMPLATES = {
    Role.CS_OFFICER: "office",
    Role.AUDITOR: "office",
    Role.DEPT_HEAD: "department",
    Role.CS_LEADER: "department",
    Role.EVALUATOR: "evaluator",
    Role.STAFF: "staff",
}


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def home(request):
    from chinjeol.organization import queries as org_queries
    from chinjeol.organization.models import Department, Staff

    role = primary_role(request.user)
    context: dict = {"role": role, "areas": navigation.areas_for(request.user)}
    mine = roles_of(request.user)
    if role in (Role.CS_OFFICER, Role.AUDITOR):
        context["stats"] = {
            "departments": Department.objects.active().count(),
            "staff": Staff.objects.active().count(),
            "accounts": User.objects.filter(is_active=True).count(),
            "access_today": PersonalDataAccess.objects.filter(at__date=timezone.localdate()).count(),
        }
        context["role_counts"] = [
            (Role(r).label, n)
            for r, n in RoleAssignment.objects.values_list("role").annotate(n=Count("id")).order_by("role")
        ]
        context["recent_access"] = PersonalDataAccess.objects.select_related("user__staff__department")[:8]
    if role in (Role.DEPT_HEAD, Role.CS_LEADER):
        scoped = {d for r in (Role.DEPT_HEAD, Role.CS_LEADER) for d in mine.get(r, ()) if d}
        context["my_departments"] = org_queries.departments_with_counts().filter(pk__in=scoped)
    if role == Role.EVALUATOR:
        context["departments"] = org_queries.departments_with_counts().filter(
            Q(kind=Department.Kind.DIVISION) | Q(kind=Department.Kind.OFFICE)
        )
    if request.user.staff_id:
        context["me"] = Staff.objects.select_related("department", "department__parent").get(
            pk=request.user.staff_id
        )
    context["role_labels"] = sorted({r.label for r in mine})
    context["work"] = inbox.work_for(request.user, now=timezone.now())
    return render(request, f"core/home_{HOME_TEMPLATES.get(role, 'none')}.html", context)


@login_required
def area(request, slug: str):
    found = navigation.area(slug)
    if found is None:
        raise Http404
    if not has_role(request.user, *found.roles):
        from .access import forbidden

        return forbidden(request)
    groups = navigation.grouped_menus_for(request.user, slug)
    if not groups:
        raise Http404
    request.area = slug
    return render(request, "core/area.html", {"area": found, "groups": groups})


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
    entries = PersonalDataAccess.objects.select_related("user__staff__department")
    if form.is_valid():
        data = form.cleaned_data
        if data["username"]:
            entries = entries.filter(
                Q(username__icontains=data["username"]) | Q(user__staff__name__icontains=data["username"])
            )
        if data["subject"]:
            entries = entries.filter(
                Q(subject_label__contains=data["subject"]) | Q(subject_id=data["subject"])
            )
        if data["action"]:
            entries = entries.filter(action=data["action"])
        tz = timezone.get_current_timezone()
        if data["date_from"]:
            entries = entries.filter(at__gte=datetime.combine(data["date_from"], time.min, tz))
        if data["date_to"]:
            entries = entries.filter(
                at__lt=datetime.combine(data["date_to"] + timedelta(days=1), time.min, tz)
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
    return render(request, "core/access_log.html", {"form": form, "page": page, "query": query.urlencode()})
