"""Reads behind the first page and the access log."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from chinjeol.core.models import PersonalDataAccess, RoleAssignment, User
from chinjeol.core.roles import Role
from chinjeol.organization import queries as org_queries
from chinjeol.organization.models import Department, Staff


def agency_figures(today: date) -> dict[str, int]:
    """The four figures at the top of the CS officer's and the auditor's first page."""
    return {
        "departments": Department.objects.active().count(),
        "staff": Staff.objects.active().count(),
        "accounts": User.objects.filter(is_active=True).count(),
        "access_today": PersonalDataAccess.objects.filter(at__date=today).count(),
    }


def role_counts() -> list[tuple[str, int]]:
    """(role label, accounts holding it), in the order of the roles' codes."""
    rows = RoleAssignment.objects.values_list("role").annotate(n=Count("id")).order_by("role")
    return [(Role(role).label, n) for role, n in rows]


def recent_access(limit: int = 8) -> list[PersonalDataAccess]:
    return list(PersonalDataAccess.objects.select_related("user__staff__department")[:limit])


def departments_by_id(ids: set[int]) -> QuerySet[Department]:
    """The given departments with their active staff counted (a head's or a CS leader's own)."""
    return org_queries.departments_with_counts().filter(pk__in=ids)


def evaluated_departments() -> QuerySet[Department]:
    """The divisions and offices an evaluator scores, with their active staff counted."""
    return org_queries.departments_with_counts().filter(
        Q(kind=Department.Kind.DIVISION) | Q(kind=Department.Kind.OFFICE)
    )


def staff_card(staff_id: int) -> Staff | None:
    """The signed-in person's own record for the 내 정보 card."""
    return Staff.objects.select_related("department", "department__parent").filter(pk=staff_id).first()


def access_log_entries(
    *,
    username: str = "",
    subject: str = "",
    action: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[PersonalDataAccess]:
    """The access log, newest first, narrowed by the search form's fields (the dates are whole local days)."""
    entries = PersonalDataAccess.objects.select_related("user__staff__department")
    if username:
        entries = entries.filter(Q(username__icontains=username) | Q(user__staff__name__icontains=username))
    if subject:
        entries = entries.filter(Q(subject_label__contains=subject) | Q(subject_id=subject))
    if action:
        entries = entries.filter(action=action)
    tz = timezone.get_current_timezone()
    if date_from:
        entries = entries.filter(at__gte=datetime.combine(date_from, time.min, tz))
    if date_to:
        entries = entries.filter(at__lt=datetime.combine(date_to + timedelta(days=1), time.min, tz))
    return entries
