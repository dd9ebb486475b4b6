"""Charter compliance from the counter and the field visits, plugged into `charter.compliance` (the page,
its API and the half-year report show them beside the 민원 and phone standards):

- VISIT_GUIDE, once per visitor: met when brought to the person in charge by the promised moment (arrival
  + the version's minutes, the last second included), counted when brought; missed at the promised moment
  when nobody had been brought by then. A visit cancelled before that moment is not judged.
- FIELD_VISIT_NOTICE, once per field visit: met when the citizen was told (the SMS sent, or a phone call
  recorded) before the end of the notice day; judged at that moment. A visit cancelled before it is not judged.

The yearly count of stakeholder meetings (STAKEHOLDER_MEETINGS) is a count provider."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Count, F, Q

from chinjeol.charter.compliance.rules import Tally
from chinjeol.core.periods import Period


def _range(field: str, start, end) -> Q:
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def visit_met_q(now: datetime) -> Q:
    return Q(guided_at__isnull=False, guided_at__lte=F("deadline")) & Q(guided_at__lte=now)


def visits_judged(start: datetime, end: datetime, now: datetime, *, departments=None):
    """Visits whose VISIT_GUIDE judgement became final in [start, end) as they stand at `now`."""
    from .models import Visit

    met = visit_met_q(now)
    not_cancelled_in_time = ~Q(status=Visit.Status.CANCELLED, cancelled_at__lte=F("deadline"))
    qs = Visit.objects.filter(version__isnull=False).filter(
        (met & _range("guided_at", start, end))
        | (~met & not_cancelled_in_time & _range("deadline", start, end) & Q(deadline__lt=now))
    )
    if departments is not None:
        qs = qs.filter(department_id__in=departments)
    return qs


def notice_met_q(now: datetime) -> Q:
    by_sms = Q(notice_message__sent_at__lt=F("notice_due_at"), notice_message__sent_at__lte=now)
    by_phone = Q(notice_called_at__lt=F("notice_due_at"), notice_called_at__lte=now)
    return by_sms | by_phone


def field_visits_judged(start: datetime, end: datetime, now: datetime, *, departments=None):
    from .models import FieldVisit

    cancelled_in_time = Q(status=FieldVisit.Status.CANCELLED, closed_at__lte=F("notice_due_at"))
    qs = (
        FieldVisit.objects.filter(version__isnull=False, notice_due_at__lte=now)
        .filter(_range("notice_due_at", start, end))
        .exclude(cancelled_in_time)
    )
    if departments is not None:
        qs = qs.filter(department_id__in=departments)
    return qs


def visit_tallies(period: Period, now: datetime, *, departments: set[int] | None = None) -> dict:
    from chinjeol.charter.compliance.providers import bounds

    start, end = bounds(period)
    out: dict = {}
    rows = (
        visits_judged(start, end, now, departments=departments)
        .values_list("department_id", "version_id")
        .annotate(n=Count("id"), met=Count("id", filter=visit_met_q(now)))
        .order_by()
    )
    for department, version, n, met in rows:
        out[(department, version)] = Tally(n, met)
    rows = (
        field_visits_judged(start, end, now, departments=departments)
        .values_list("department_id", "version_id")
        .annotate(n=Count("id", distinct=True), met=Count("id", filter=notice_met_q(now), distinct=True))
        .order_by()
    )
    for department, version, n, met in rows:
        key = (department, version)
        out[key] = out.get(key, Tally()) + Tally(n, met)
    return out


def meetings_count(start: date, end: date, departments: set[int] | None) -> int:
    from .models import Meeting

    qs = Meeting.objects.filter(held_on__gte=start, held_on__lt=end)
    if departments is not None:
        qs = qs.filter(department_id__in=departments)
    return qs.count()


def register_compliance() -> None:
    from chinjeol.charter.compliance.providers import register_count_provider, register_provider

    register_provider(
        visit_tallies, standards={"VISIT_GUIDE": "visits:log", "FIELD_VISIT_NOTICE": "visits:field_list"}
    )
    register_count_provider("STAKEHOLDER_MEETINGS", meetings_count)
