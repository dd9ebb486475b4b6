"""Reads of counsellor protection shared by pages and the console."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q

from chinjeol.organization.models import Staff

from . import rules
from .models import CallerFlag, Incident
from .permissions import sees_all, supervised_departments

SEOUL = ZoneInfo("Asia/Seoul")


def incidents_for(user):
    qs = Incident.objects.select_related("staff", "department", "conversation")
    if sees_all(user):
        return qs
    departments = supervised_departments(user)
    own = Q(staff_id=user.staff_id) if getattr(user, "staff_id", None) else Q(pk__in=[])
    return qs.filter(own | Q(department_id__in=departments))


def incident_for_user(user, pk: int) -> Incident | None:
    return incidents_for(user).filter(pk=pk).first()


def flag_for(number_hash: str) -> CallerFlag | None:
    if not number_hash:
        return None
    return CallerFlag.objects.filter(number_hash=number_hash, active=True).first()


def exposure(user, year: int) -> dict:
    """Each counsellor's incidents per month of `year` (in the user's reach): rows of
    {staff, department, months: [12 cells], total}."""
    start = datetime(year, 1, 1, tzinfo=SEOUL)
    end = datetime(year + 1, 1, 1, tzinfo=SEOUL)
    rows = (
        incidents_for(user)
        .filter(occurred_at__gte=start, occurred_at__lt=end, staff__isnull=False)
        .values_list("staff_id", "occurred_at", "category", "ended")
    )
    table = rules.exposure_table((s, at.astimezone(SEOUL), c, e) for s, at, c, e in rows)
    staff_ids = {key[0] for key in table}
    people = {s.pk: s for s in Staff.objects.filter(pk__in=staff_ids).select_related("department")}
    result = []
    for staff_id in sorted(staff_ids, key=lambda pk: (people[pk].department.name, people[pk].name)):
        months = []
        for month in range(1, 13):
            cell = dict(table.get((staff_id, f"{year:04d}-{month:02d}")) or {"total": 0})
            cell["serious"] = cell.get("threat", 0) + cell.get("sexual", 0)
            months.append(cell)
        result.append(
            {
                "staff": people[staff_id],
                "months": months,
                "total": sum(m["total"] for m in months),
                "serious": sum(m["serious"] for m in months),
            }  # fmt: skip
        )
    return {"year": year, "rows": result, "months": list(range(1, 13))}


def this_year(now: datetime) -> int:
    return now.astimezone(SEOUL).year


def flags_active() -> int:
    return CallerFlag.objects.filter(active=True).count()


def call_number(key: str) -> tuple[str, str] | None:
    """(number hash, masked number) of a call by its key: the call record, else the CTI events of a live call."""
    from chinjeol.contact.models import CallRecord, CtiEvent

    record = CallRecord.objects.filter(key=key).values_list("number_hash", "number_masked").first()
    return record or CtiEvent.objects.filter(call_id=key).values_list("number_hash", "number_masked").first()


def recorded_call(user, pk: int) -> tuple[str, str, str] | None:
    """(key, number hash, masked number) of a call record the user may see."""
    from chinjeol.contact import queries as contact_queries

    calls = contact_queries.calls_for(contact_queries.scope_of(user))
    return calls.filter(pk=pk).values_list("key", "number_hash", "number_masked").first()
