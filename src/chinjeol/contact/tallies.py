"""Daily tallies of the calls: per local day, hour, person, department and queue, the sums every metric
needs, so that a year's metrics read a few tens of thousands of small rows instead of every call.

Tallies are derived: the call records stay the truth. Every change to calls recounts the days it touched
(import, queue_log, CTI hangups, first-contact marks, linked cases, extensions mapped later) and
`chinjeol call-tallies` recounts any range. A day without a `CallTallyDay` row is read from the calls
themselves, so figures are right even before the first recount. Call-backs are counted live (few rows)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import CharField, Count, DateField, Max, Q, QuerySet, Sum, Value
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
DAY, HOUR, MONTH = CallTally.Kind.DAY, CallTally.Kind.HOUR, CallTally.Kind.MONTH


def _month_starts(first: date, last: date) -> list[date]:
    months, m = [], first.replace(day=1)
    while m <= last:
        months.append(m)
        m = (m + timedelta(days=32)).replace(day=1)
    return months


def _month_end(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def complete_months(first: date, last: date, counted: set[date]) -> list[date]:
    """The months lying wholly inside first..last whose every day is counted."""
    out = []
    for m in _month_starts(first, last):
        end = _month_end(m)
        if m >= first and end <= last and all(d in counted for d in _days(m, end)):
            out.append(m)
    return out


@transaction.atomic
def tallies_recount(first: date, last: date, *, now: datetime | None = None) -> int:
    """Recount the tallies of the local days first..last from the call records (INSERT … SELECT … GROUP BY:
    per person, department and queue; per hour, department and queue), then the month rows of the months
    touched once all their days are counted. Returns the rows written."""
    from .services.imports import insert_select

    if last < first:
        return 0
    now = now or timezone.now()
    days = _days(first, last)
    CallTallyDay.objects.bulk_create([CallTallyDay(day=d) for d in days], ignore_conflicts=True)
    # The day rows are the lock: a second recount of the same days waits here (PostgreSQL).
    list(CallTallyDay.objects.select_for_update().filter(day__gte=first, day__lte=last).order_by("day"))
    months = _month_starts(first, last)
    CallTally.objects.filter(kind__in=[DAY, HOUR], day__gte=first, day__lte=last).delete()
    CallTally.objects.filter(kind=MONTH, day__in=months).delete()
    aggregates = call_aggregates(contact_settings().service_level_t)
    ordered = {name: aggregates[name] for name in (*FIELDS, "longest")}  # the order of SUM_COLUMNS
    calls = with_wait(CallRecord.objects.filter(local_date__gte=first, local_date__lte=last))
    written = 0
    for kind, keys, columns in (
        (
            DAY,
            ("local_date", "staff_id", "department_id", "queue_id"),
            ("day", "staff_id", "department_id", "queue_id"),
        ),
        (
            HOUR,
            ("local_date", "local_hour", "department_id", "queue_id"),
            ("day", "hour", "department_id", "queue_id"),
        ),
    ):
        select = calls.values(*keys).annotate(t_kind=Value(kind, CharField()), **ordered).order_by()
        written += insert_select(CallTally, (*columns, "kind", *SUM_COLUMNS), select)
    CallTallyDay.objects.filter(day__gte=first, day__lte=last).update(counted_at=now)
    counted = counted_days(months[0], _month_end(months[-1]))
    sums = {name: Sum(f) for name, f in FIELDS.items()}
    for month in complete_months(months[0], _month_end(months[-1]), counted):
        select = (
            CallTally.objects.filter(kind=DAY, day__gte=month, day__lte=_month_end(month))
            .values("staff_id", "department_id", "queue_id")
            .annotate(t_day=Value(month, DateField()), t_kind=Value(MONTH, CharField()), **sums)
            .annotate(longest=Max("longest_wait_s"))
            .order_by()
        )
        columns = ("staff_id", "department_id", "queue_id", "day", "kind", *SUM_COLUMNS)
        written += insert_select(CallTally, columns, select)
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
    return GROUP_FIELDS.get(group_by) or {"day": "day", "month": "day", "hour": "hour"}[group_by]


def tally_rows(group_by: str, first: date, last: date, counted: set[date]) -> tuple[QuerySet, set[date]]:
    """The tally rows to sum for `group_by` over the counted days of first..last, and the days they cover:
    per hour for the hours; per month for the whole months (not for the figures by day) and per day for
    the rest."""
    if group_by == "hour":
        return CallTally.objects.filter(kind=HOUR, day__in=sorted(counted)), counted
    months = [] if group_by == "day" else complete_months(first, last, counted)
    in_months = {d for m in months for d in _days(m, _month_end(m))}
    rest = sorted(counted - in_months)
    q = Q(kind=DAY, day__in=rest) if len(rest) < len(counted) else Q(kind=DAY, day__gte=first, day__lte=last)
    if months:
        q |= Q(kind=MONTH, day__in=months)
    return CallTally.objects.filter(q), counted
