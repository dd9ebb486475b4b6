"""Reading call figures: who may see which calls, and the KPI rows of the metrics API, the wallboard
and the 333 dashboard — summed from the daily tallies (`tallies.py`) for the days they cover, and with
one GROUP BY over the stored per-call measurements for the others (and for another service-level T)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, ClassVar, get_type_hints

from django.db.models import Count, F, Max, Q, QuerySet
from django.db.models.functions import ExtractHour, TruncDate

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import NotFound
from chinjeol.core.roles import Role

from . import rules, tallies
from .conf import contact_settings
from .models import CallbackObligation, CallRecord, Queue

ALL_READERS = (Role.CS_OFFICER, Role.AUDITOR)
SCOPED = frozenset({Role.DEPT_HEAD, Role.CS_LEADER})
READERS = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
WRITERS = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)
GROUPS = ("staff", "department", "queue", "day", "hour", "month")
UNASSIGNED = "미배정"


@dataclass(frozen=True)
class Scope:
    """What a user may read: everything, some departments, or only their own calls."""

    all: bool = False
    departments: frozenset[int] = frozenset()
    staff_id: int | None = None

    @property
    def empty(self) -> bool:
        return not self.all and not self.departments and self.staff_id is None


def scope_of(user) -> Scope:
    if has_role(user, *ALL_READERS):
        return Scope(all=True)
    departments = scoped_department_ids(user, roles=SCOPED) or set()
    staff_id = user.staff_id if has_role(user, Role.STAFF) else None
    return Scope(departments=frozenset(departments), staff_id=staff_id)


def _scoped(qs: QuerySet, scope: Scope, *, staff_field: str = "staff_id") -> QuerySet:
    if scope.all:
        return qs
    q = Q(department_id__in=scope.departments) if scope.departments else Q(pk__in=[])
    if scope.staff_id is not None:
        q |= Q(**{staff_field: scope.staff_id})
    return qs.filter(q)


def calls_for(scope: Scope) -> QuerySet:
    return _scoped(CallRecord.objects.all(), scope)


def callbacks_for(scope: Scope) -> QuerySet:
    return _scoped(CallbackObligation.objects.all(), scope)


def call_list(
    scope: Scope,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    staff: int | None = None,
    department: int | None = None,
    queue: int | None = None,
    direction: str | None = None,
    disposition: str | None = None,
) -> QuerySet:
    """The calls in `scope` narrowed by the API's filters (local days inclusive), newest first."""
    qs = calls_for(scope)
    if date_from:
        qs = qs.filter(local_date__gte=date_from)
    if date_to:
        qs = qs.filter(local_date__lte=date_to)
    for name, value in (("staff", staff), ("department", department), ("queue", queue)):
        if value is not None:
            qs = qs.filter(**{f"{name}_id": value})
    if direction:
        qs = qs.filter(direction=direction)
    if disposition:
        qs = qs.filter(disposition=disposition)
    return qs.order_by("-started_at", "-id")


def call_in(scope: Scope, pk: int) -> CallRecord:
    """A call in `scope`; one outside it answers like an absent one."""
    call = calls_for(scope).filter(pk=pk).first()
    if call is None:
        raise NotFound("통화를 찾을 수 없습니다.", field="call")
    return call


def callback_list(scope: Scope, *, status: str | None = None, overdue_at: datetime | None = None) -> QuerySet:
    """The call-backs in `scope` (of one status, or still open past their due time at `overdue_at`), by due time."""
    qs = callbacks_for(scope)
    if status:
        qs = qs.filter(status=status)
    if overdue_at is not None:
        qs = qs.filter(status=CallbackObligation.Status.OPEN, due_at__lt=overdue_at)
    return qs.order_by("due_at", "id")


def check_callback_in(scope: Scope, pk: int) -> None:
    """Refuse a call-back outside `scope` like an absent one."""
    if not callbacks_for(scope).filter(pk=pk).exists():
        raise NotFound("콜백을 찾을 수 없습니다.")


def day_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    tz = contact_settings().tz
    return datetime.combine(date_from, time.min, tz), datetime.combine(
        date_to + timedelta(days=1), time.min, tz
    )


@dataclass
class MetricsRow:
    key: int | str | None
    label: str
    offered: int
    answered: int
    answered_within_standard: int
    within_standard_rate: Decimal | None
    over_3_min: int
    customer_hung_up_first: int
    missed: int
    abandoned: int
    callbacks_due: int
    callbacks_met: int
    service_level: Decimal | None
    asa_s: Decimal | None
    aht_s: Decimal | None
    fcr_rate: Decimal | None
    judged: int = 0
    short_abandoned: int = 0
    outside_hours: int = 0
    longest_wait_s: int = 0

    # Kept for the wallboard and the 333 dashboard, not published by the API.
    INTERNAL: ClassVar[tuple[str, ...]] = ("judged", "short_abandoned", "outside_hours", "longest_wait_s")

    def as_api(self) -> dict:
        data = asdict(self)
        for name in self.INTERNAL:
            data.pop(name)
        return data

    @classmethod
    def api_fields(cls) -> dict[str, Any]:
        """Name → type of the fields the API publishes (its response schema is built from them)."""
        hints = get_type_hints(cls)
        return {f.name: hints[f.name] for f in fields(cls) if f.name not in cls.INTERNAL}


def _group_field(group_by: str, prefix: str = "") -> str:
    return {
        "staff": "staff_id",
        "department": "department_id",
        "queue": f"{prefix}queue_id",
        "day": "local_date",
        "month": "local_date",  # days, added up into months (`_by_month`)
        "hour": "local_hour",
    }[group_by]


def _labels(group_by: str, keys) -> dict:
    from chinjeol.organization.models import Department, Staff

    ids = [k for k in keys if k is not None]
    if group_by == "staff":
        return dict(Staff.objects.filter(pk__in=ids).values_list("pk", "name"))
    if group_by == "department":
        return dict(Department.objects.filter(pk__in=ids).values_list("pk", "name"))
    if group_by == "queue":
        return {q.pk: str(q) for q in Queue.objects.filter(pk__in=ids)}
    if group_by == "day":
        return {k: f"{k.year}. {k.month}. {k.day}." for k in ids}
    if group_by == "month":
        return {k: f"{int(k[:4])}년 {int(k[5:])}월" for k in ids}
    return {k: f"{k:02d}시" for k in ids}


def month_key(day: date) -> str:
    """The key of a month in the figures by month: "2026-12"."""
    return f"{day.year}-{day.month:02d}"


def _by_month(found: dict) -> dict:
    """Day keys → month keys, the sums added up (`tallies.merge`)."""
    out: dict = {}
    for day, sums in found.items():
        key = month_key(day) if day is not None else None
        out[key] = tallies.merge(out.get(key), sums)
    return out


def _callback_counts(scope: Scope, group_by: str, start: datetime, end: datetime) -> dict:
    tz = contact_settings().tz
    qs = callbacks_for(scope).filter(missed_at__gte=start, missed_at__lt=end)
    if group_by in ("day", "month"):
        qs = qs.annotate(g=TruncDate("missed_at", tzinfo=tz))
    elif group_by == "hour":
        qs = qs.annotate(g=ExtractHour("missed_at", tzinfo=tz))
    elif group_by == "queue":
        qs = qs.annotate(g=F("call__queue_id"))
    else:
        qs = qs.annotate(g=F(_group_field(group_by)))
    rows = (
        qs.values("g")
        .annotate(due=Count("id"), met=Count("id", filter=Q(status=CallbackObligation.Status.MET)))
        .order_by()
    )
    if group_by != "month":
        return {r["g"]: (r["due"], r["met"]) for r in rows}
    months: dict = {}
    for r in rows:
        key = month_key(r["g"])
        due, met = months.get(key, (0, 0))
        months[key] = (due + r["due"], met + r["met"])
    return months


def call_groups(
    scope: Scope, *, date_from: date, date_to: date, group_by: str, t: int, use_tallies: bool = True
) -> dict:
    """key of `group_by` → the sums of `tallies.call_aggregates`: from the tallies for the days they
    cover (when `t` is the configured T they were counted with), from the calls for the rest."""
    field = _group_field(group_by)
    days = (date_to - date_from).days + 1
    counted: set[date] = set()
    # Hour rows have no person: a scope that includes one's own calls reads the calls by hour.
    by_person = group_by == "hour" and scope.staff_id is not None
    if use_tallies and not by_person and t == contact_settings().service_level_t and days > 0:
        counted = tallies.counted_days(date_from, date_to)
    found: dict = {}
    if counted:
        rows, _covered = tallies.tally_rows(group_by, date_from, date_to, counted)
        found = tallies.tally_groups(_scoped(rows, scope), tallies.tally_field(group_by))
    if len(counted) < days:
        calls = calls_for(scope).filter(local_date__gte=date_from, local_date__lte=date_to)
        if counted:
            calls = calls.exclude(local_date__in=sorted(counted))
        rows = tallies.with_wait(calls).values(field).annotate(**tallies.call_aggregates(t)).order_by(field)
        for r in rows:
            found[r[field]] = tallies.merge(found.get(r[field]), r)
    return _by_month(found) if group_by == "month" else found


def metrics(
    scope: Scope,
    *,
    date_from: date,
    date_to: date,
    group_by: str,
    t: int | None = None,
    use_tallies: bool = True,
) -> list[MetricsRow]:
    """The KPI rows of `group_by` for the days date_from..date_to (inclusive, local dates)."""
    if group_by not in GROUPS:
        raise ValueError(group_by)
    t = contact_settings().service_level_t if t is None else t
    start, end = day_bounds(date_from, date_to)
    found = call_groups(
        scope, date_from=date_from, date_to=date_to, group_by=group_by, t=t, use_tallies=use_tallies
    )
    callbacks = _callback_counts(scope, group_by, start, end)
    keys = sorted(set(found) | set(callbacks), key=lambda k: (k is None, k if k is not None else 0))
    labels = _labels(group_by, keys)
    out = []
    for key in keys:
        r = found.get(key) or {}
        answered = r.get("answered", 0)
        due, met = callbacks.get(key, (0, 0))
        out.append(
            MetricsRow(
                key=key.isoformat() if isinstance(key, date) else key,
                label=labels.get(key, UNASSIGNED) if key is not None else UNASSIGNED,
                offered=r.get("offered", 0),
                answered=answered,
                answered_within_standard=r.get("within", 0),
                within_standard_rate=rules.percent(r.get("within", 0), r.get("judged_n", 0)),
                over_3_min=r.get("over", 0),
                customer_hung_up_first=r.get("hung_up", 0),
                missed=r.get("missed_n", 0),
                abandoned=r.get("abandoned_n", 0),
                callbacks_due=due,
                callbacks_met=met,
                service_level=rules.service_level(
                    r.get("answered_in_t", 0), answered, r.get("abandoned_after_t", 0)
                ),
                asa_s=rules.asa_s(r.get("wait_total") or 0, answered),
                aht_s=rules.aht_s(r.get("talk_total") or 0, answered),
                fcr_rate=rules.percent(r.get("fcr_n", 0), answered),
                judged=r.get("judged_n", 0),
                short_abandoned=r.get("short_abandoned", 0),
                outside_hours=r.get("outside", 0),
                longest_wait_s=r.get("longest") or 0,
            )
        )
    return out


def unmapped_extensions(limit: int = 200) -> list[dict]:
    """Extensions that received or made calls but belong to no one, busiest first."""
    rows = (
        CallRecord.objects.filter(staff__isnull=True)
        .exclude(extension="")
        .values("extension")
        .annotate(calls=Count("id"), last=Max("started_at"))
        .order_by("-calls")[:limit]
    )
    return list(rows)


def wallboard(now: datetime, scope: Scope) -> dict:
    """Live figures for the wall screen: waiting and answering calls (CTI), today's service level and
    abandons, call-backs due."""
    from .models import CtiEvent

    tz = contact_settings().tz
    today = now.astimezone(tz).date()
    since = now - timedelta(hours=4)
    events = CtiEvent.objects.filter(at__gte=since)
    ended = events.filter(event=CtiEvent.Kind.HANGUP).values("call_id")
    answered = events.filter(event=CtiEvent.Kind.ANSWER).values("call_id")
    waiting = (
        events.filter(event=CtiEvent.Kind.NEW_CALL, direction="in")
        .exclude(call_id__in=ended)
        .exclude(call_id__in=answered)
        .count()
    )
    answering = events.filter(event=CtiEvent.Kind.ANSWER).exclude(call_id__in=ended).count()
    totals = metrics(scope, date_from=today, date_to=today, group_by="day")
    row = totals[0] if totals else None
    due = callbacks_for(scope).filter(status=CallbackObligation.Status.OPEN)
    return {
        "waiting": waiting,
        "answering": answering,
        "today": row,
        "callbacks_open": due.count(),
        "callbacks_overdue": due.filter(due_at__lt=now).count(),
        "now": now,
    }


def volumes(scope: Scope, *, date_from: date, date_to: date, unit: str) -> list[dict]:
    """Offered / answered / abandoned / missed per day, month or year (H5)."""
    rows = metrics(scope, date_from=date_from, date_to=date_to, group_by="day")
    out: dict[str, dict] = {}
    for r in rows:
        day = date.fromisoformat(r.key)
        key = {"day": day.isoformat(), "month": f"{day.year}-{day.month:02d}", "year": str(day.year)}[unit]
        label = {"day": r.label, "month": f"{day.year}년 {day.month}월", "year": f"{day.year}년"}[unit]
        acc = out.setdefault(key, {"key": key, "label": label, "offered": 0, "answered": 0, "abandoned": 0,
                                   "missed": 0, "outside_hours": 0, "within": 0, "judged": 0})  # fmt: skip
        acc["offered"] += r.offered
        acc["answered"] += r.answered
        acc["abandoned"] += r.abandoned
        acc["missed"] += r.missed
        acc["outside_hours"] += r.outside_hours
        acc["within"] += r.answered_within_standard
        acc["judged"] += r.judged
    for acc in out.values():
        acc["answer_rate"] = rules.percent(acc["answered"], acc["offered"])
        acc["within_rate"] = rules.percent(acc["within"], acc["judged"])
    return list(out.values())
