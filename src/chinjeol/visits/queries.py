"""Reads of the counter, the field visits, the expert room and the meetings, with who may see what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from chinjeol.core.access import has_role, may_write, scoped_department_ids
from chinjeol.core.errors import NotFound
from chinjeol.core.roles import Role

from . import rules
from .models import Booking, Expert, ExpertSlot, FieldVisit, Meeting, PriorityGroup, Visit

PEOPLE = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)
READERS = (*PEOPLE, Role.AUDITOR)
MEETING_WRITERS = (Role.CS_OFFICER, Role.DEPT_HEAD, Role.CS_LEADER)
OFFICE = (Role.CS_OFFICER, Role.AUDITOR)


def writes(user) -> bool:
    return has_role(user, *PEOPLE) and may_write(user)


# --- counter ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Waiting:
    visit: Visit
    seconds: int
    limit: int

    @property
    def clock(self) -> str:
        return rules.clock_label(self.seconds)

    @property
    def level(self) -> str:
        return rules.waiting_level(self.seconds, self.limit)


def waiting_now(now: datetime) -> list[Waiting]:
    """Today's visitors still waiting, the longest first."""
    day = timezone.localtime(now).date()
    visits = (
        Visit.objects.waiting().filter(local_date=day).select_related("department").order_by("arrived_at")
    )
    return [
        Waiting(v, rules.waited_seconds(v.arrived_at, now), int((v.deadline - v.arrived_at).total_seconds()))
        for v in visits
    ]


def guided_today(now: datetime, limit: int = 12) -> list[Visit]:
    day = timezone.localtime(now).date()
    return list(
        Visit.objects.filter(local_date=day, status=Visit.Status.GUIDED)
        .select_related("department", "guided_to")
        .order_by("-guided_at")[:limit]
    )


def today_figures(now: datetime) -> dict:
    day = timezone.localtime(now).date()
    visits = list(Visit.objects.filter(local_date=day).values_list("status", "guided_at", "deadline"))
    guided = [(g, d) for s, g, d in visits if s == Visit.Status.GUIDED and g is not None]
    met = sum(1 for g, d in guided if g <= d)
    return {
        "arrived": len(visits),
        "waiting": sum(1 for s, _g, _d in visits if s == Visit.Status.WAITING),
        "guided": len(guided),
        "met": met,
        "rate": round(met * 100 / len(guided), 1) if guided else None,
    }


def visit_for_update(pk: int) -> Visit:
    visit = Visit.objects.filter(pk=pk).first()
    if visit is None:
        raise NotFound("방문 기록을 찾을 수 없습니다.")
    return visit


def visits_in(start: date, end: date, *, department: int | None = None, result: str | None = None, now=None):
    """The log: visits that arrived on days in [start, end)."""
    qs = Visit.objects.filter(local_date__gte=start, local_date__lt=end)
    if department:
        qs = qs.filter(department_id=department)
    now = now or timezone.now()
    if result == "met":
        qs = qs.filter(guided_at__isnull=False, guided_at__lte=F("deadline"))
    elif result == "missed":
        qs = qs.filter(Q(guided_at__gt=F("deadline")) | Q(guided_at__isnull=True, deadline__lt=now)).exclude(
            status=Visit.Status.CANCELLED, cancelled_at__lte=F("deadline")
        )
    return qs.select_related("department", "guided_to", "version").order_by("-arrived_at", "-id")


def frequent_departments(now: datetime, limit: int = 12) -> list:
    """The departments visitors asked for most in the last 60 days (the counter's big buttons)."""
    from datetime import timedelta

    from django.db.models import Count

    from chinjeol.organization.models import Department

    since = timezone.localtime(now).date() - timedelta(days=60)
    top = list(
        Visit.objects.filter(local_date__gte=since)
        .values_list("department_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("department_id", flat=True)[:limit]
    )
    found = {d.pk: d for d in Department.objects.filter(pk__in=top, is_active=True)}
    chosen = [found[pk] for pk in top if pk in found]
    if len(chosen) < limit:
        extra = departments().filter(parent__isnull=False).exclude(pk__in=[d.pk for d in chosen])
        chosen += list(extra[: limit - len(chosen)])
    return chosen


def departments():
    from chinjeol.organization.models import Department

    return Department.objects.filter(is_active=True).order_by("sort_order", "name")


# --- field visits -----------------------------------------------------------------------------------------
def field_scope(user) -> set[int] | None:
    """Departments whose field visits the user sees (None = all); staff see their own department's."""
    if has_role(user, *OFFICE):
        return None
    scope = set(scoped_department_ids(user) or set())
    staff = getattr(user, "staff", None)
    if staff is not None and staff.is_active:
        scope.add(staff.department_id)
    return scope


def field_visits_for(user) -> QuerySet:
    scope = field_scope(user)
    qs = FieldVisit.objects.select_related("official", "department", "notice_message")
    return qs if scope is None else qs.filter(department_id__in=scope)


def get_field_visit_for_user(user, pk: int) -> FieldVisit:
    visit = field_visits_for(user).filter(pk=pk).first()
    if visit is None:
        raise NotFound("현장 방문을 찾을 수 없습니다.")
    return visit


def officials_for(user):
    from chinjeol.organization.models import Staff

    scope = field_scope(user)
    qs = (
        Staff.objects.filter(is_active=True).select_related("department").order_by("department__name", "name")
    )
    return qs if scope is None else qs.filter(department_id__in=scope)


# --- expert room ------------------------------------------------------------------------------------------
def open_slots(now: datetime, *, days: int = 60) -> QuerySet:
    from datetime import timedelta

    return (
        ExpertSlot.objects.filter(
            starts_at__gt=now, starts_at__lte=now + timedelta(days=days), expert__is_active=True
        )
        .select_related("expert")
        .order_by("starts_at", "expert__field")
    )


def slots_with_bookings(now: datetime, *, past_days: int = 14):
    from datetime import timedelta

    return (
        ExpertSlot.objects.filter(starts_at__gte=now - timedelta(days=past_days))
        .select_related("expert")
        .prefetch_related("bookings__group")
        .order_by("starts_at")[:200]
    )


def get_booking(pk: int) -> Booking:
    booking = Booking.objects.select_related("slot__expert", "group").filter(pk=pk).first()
    if booking is None:
        raise NotFound("상담 예약을 찾을 수 없습니다.")
    return booking


def get_slot(pk: int) -> ExpertSlot:
    slot = ExpertSlot.objects.select_related("expert").filter(pk=pk).first()
    if slot is None:
        raise NotFound("상담 시간을 찾을 수 없습니다.")
    return slot


def priority_groups():
    return PriorityGroup.objects.filter(is_active=True).order_by("rank", "name")


def experts():
    return Expert.objects.filter(is_active=True).order_by("field", "name")


def satisfaction_figures() -> dict:
    from django.db.models import Avg, Count

    row = Booking.objects.filter(satisfaction__isnull=False).aggregate(n=Count("id"), avg=Avg("satisfaction"))
    return {"count": row["n"], "average": round(row["avg"], 2) if row["avg"] is not None else None}


# --- meetings ---------------------------------------------------------------------------------------------
def meetings_of_year(year: int):
    return Meeting.objects.filter(held_on__year=year).select_related("department").order_by("-held_on", "-id")


def meeting_target() -> int:
    from chinjeol.charter.models import ServiceStandard

    standard = ServiceStandard.objects.filter(code="STAKEHOLDER_MEETINGS").first()
    version = standard.version_at(timezone.now()) if standard else None
    return int(version.target) if version else 3
