"""Daily tallies of the calls: per local day, hour, person, department and queue, the sums every metric
needs, so that a year's metrics read a few tens of thousands of small rows instead of every call.

Tallies are derived: the call records stay the truth. Every change to calls recounts the days it touched
(import, queue_log, CTI hangups, first-contact marks, linked cases, extensions mapped later) and
`chinjeol call-tallies` recounts any range. A day without a `CallTallyDay` row is read from the calls
themselves, so figures are right even before the first recount. Call-backs are counted live (few rows)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import rules
from .conf import contact_settings
from .models import CallRecord, CallTally, CallTallyDay

# The sums of the metrics: name of the aggregate → field of the tally.
FIELDS = {
    "offered": "offered",
    "answered": "answered",
    "judged_n": "judged",
    "within": "within_standard",
    "over": "over_3_min",
    "hung_up": "hung_up_first",
    "missed_n": "missed",
    "abandoned_n": "abandoned",
    "short_abandoned": "short_abandoned",
    "abandoned_after_t": "abandoned_after_t",
    "answered_in_t": "answered_within_t",
    "wait_total": "wait_total_s",
    "talk_total": "talk_total_s",
    "fcr_n": "fcr",
    "outside": "outside_hours",
}
GROUP_FIELDS = {"staff": "staff_id", "department": "department_id", "queue": "queue_id"}


def call_aggregates(t: int) -> dict:
    """The metrics of a group of calls (annotated with `w`, the wait) as conditional aggregates."""
    inbound = Q(direction=CallRecord.Direction.INBOUND)
    answered = inbound & Q(answered_at__isnull=False)
    fcr = answered & Q(repeat_7d=False) & (Q(case__isnull=True) | Q(resolved_first_contact=True))
    return {
        "offered": Count("id", filter=inbound),
        "answered": Count("id", filter=answered),
        "judged_n": Count("id", filter=Q(judged=True)),
        "within": Count("id", filter=Q(judged=True, within_standard=True)),
        "over": Count("id", filter=answered & Q(over_3_min=True)),
        "hung_up": Count("id", filter=Q(customer_hung_up_first=True)),
        "missed_n": Count("id", filter=Q(missed=True)),
        "abandoned_n": Count("id", filter=Q(abandoned=True)),
        "short_abandoned": Count("id", filter=Q(abandoned=True, w__lt=rules.SHORT_ABANDON_S)),
        "abandoned_after_t": Count("id", filter=Q(abandoned=True, w__gt=t)),
        "answered_in_t": Count("id", filter=answered & Q(w__lte=t)),
        "wait_total": Coalesce(Sum("w", filter=answered), 0),
        "talk_total": Coalesce(Sum("billsec", filter=answered), 0),
        "fcr_n": Count("id", filter=fcr),
        "outside": Count("id", filter=inbound & Q(in_hours=False)),
        "longest": Max("w", filter=inbound),
    }


def with_wait(calls: QuerySet) -> QuerySet:
    return calls.annotate(w=Coalesce("wait_s", "ring_s"))


def merge(a: dict | None, b: dict) -> dict:
    """Two groups' aggregates added up (the longest wait is the larger)."""
    out = {name: (b.get(name) or 0) + ((a or {}).get(name) or 0) for name in FIELDS}
    waits = [w for w in ((a or {}).get("longest"), b.get("longest")) if w is not None]
    out["longest"] = max(waits) if waits else None
    return out


# --- counting ------------------------------------------------------------------------------------------
def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


SUM_COLUMNS = (*FIELDS.values(), "longest_wait_s")


@transaction.atomic
def tallies_recount(first: date, last: date, *, now: datetime | None = None) -> int:
    """Recount the tallies of the local days first..last from the call records (two INSERT … SELECT … GROUP
    BY: per person, department and queue; per hour, department and queue). Returns the rows written."""
    from .services.imports import insert_select

    if last < first:
        return 0
    now = now or timezone.now()
    days = _days(first, last)
    CallTallyDay.objects.bulk_create([CallTallyDay(day=d) for d in days], ignore_conflicts=True)
    # The day rows are the lock: a second recount of the same days waits here (PostgreSQL).
    list(CallTallyDay.objects.select_for_update().filter(day__gte=first, day__lte=last).order_by("day"))
    CallTally.objects.filter(day__gte=first, day__lte=last).delete()
    aggregates = call_aggregates(contact_settings().service_level_t)
    calls = with_wait(CallRecord.objects.filter(local_date__gte=first, local_date__lte=last))
    written = 0
    for keys, columns in (
        (
            ("local_date", "staff_id", "department_id", "queue_id"),
            ("day", "staff_id", "department_id", "queue_id"),
        ),
        (
            ("local_date", "local_hour", "department_id", "queue_id"),
            ("day", "hour", "department_id", "queue_id"),
        ),
    ):
        ordered = {name: aggregates[name] for name in (*FIELDS, "longest")}  # the order of SUM_COLUMNS
        select = calls.values(*keys).annotate(**ordered).order_by()
        written += insert_select(CallTally, (*columns, *SUM_COLUMNS), select)
    CallTallyDay.objects.filter(day__gte=first, day__lte=last).update(counted_at=now)
    return written


def tallies_refresh(first: datetime, last: datetime) -> int:
    """Recount the local days between two moments."""
    tz = contact_settings().tz
    return tallies_recount(first.astimezone(tz).date(), last.astimezone(tz).date())


def tallies_refresh_days(days) -> int:
    """Recount the days of changed calls (a contiguous range from the first to the last)."""
    days = sorted({d for d in days if d is not None})
    if not days:
        return 0
    return tallies_recount(days[0], days[-1])


def tallies_refresh_calls(calls: QuerySet) -> int:
    """Recount the days of these calls."""
    return tallies_refresh_days(calls.values_list("local_date", flat=True).distinct().order_by())


# --- reading -------------------------------------------------------------------------------------------
def counted_days(first: date, last: date) -> set[date]:
    return set(CallTallyDay.objects.filter(day__gte=first, day__lte=last).values_list("day", flat=True))


def tally_groups(tallies: QuerySet, field: str) -> dict:
    """key → the aggregates `call_aggregates` gives, summed from the tallies."""
    sums = {name: Sum(f) for name, f in FIELDS.items()}
    rows = tallies.values(field).annotate(**sums, longest=Max("longest_wait_s")).order_by()
    return {r[field]: r for r in rows}


def tally_field(group_by: str) -> str:
    return GROUP_FIELDS.get(group_by) or {"day": "day", "hour": "hour"}[group_by]


def tally_rows(group_by: str) -> QuerySet:
    """The rows to sum for `group_by`: per hour for the hours, the others per person."""
    return CallTally.objects.filter(hour__isnull=group_by != "hour")
