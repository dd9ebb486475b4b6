"""One person's results: score, colour, items against the department, weakest item, trend, entries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone

from chinjeol.organization.models import Staff

from .. import rules
from ..models import MileageEntry, PeriodSnapshot, SnapshotStaff
from .config import Config, config_at, config_for_period, item_codes, period_bounds
from .scores import item_totals, score_people

TREND_MONTHS = 12


@dataclass(frozen=True)
class ItemLine:
    code: str
    name: str
    sign: int
    total: Decimal
    contribution: Decimal
    cap: Decimal | None
    department_average: Decimal | None
    capped: bool
    advice: str

    @property
    def headroom(self) -> Decimal | None:
        """What this item can still add in the period (positive items with a cap)."""
        if self.sign < 0 or self.cap is None:
            return None
        return max(Decimal(0), self.cap - self.contribution)


@dataclass(frozen=True)
class TrendPoint:
    period: rules.Period
    score: Decimal
    signal: rules.Signal
    change: Decimal | None
    entries: int


@dataclass
class Breakdown:
    staff: Staff
    period: rules.Period
    config: Config
    score: Decimal
    signal: rules.Signal
    items: list[ItemLine]
    weakest: ItemLine | None
    department_mean: Decimal | None
    department_rank: int | None
    department_size: int
    trend: list[TrendPoint]
    entries: list[MileageEntry]
    published: SnapshotStaff | None
    snapshot: PeriodSnapshot | None
    reversed_ids: frozenset[int] = frozenset()  # entries corrected by a reversal (in the same period)


def _mean(values: list[Decimal]) -> Decimal | None:
    return (sum(values, Decimal(0)) / len(values)).quantize(rules.TWO) if values else None


def monthly_trend(staff_id: int, last: rules.Period, months: int = TREND_MONTHS) -> list[TrendPoint]:
    """The monthly scores of one person for `months` months up to `last`, from one grouped query.
    Each month is scored by the rules in force at its end."""
    periods = [last]
    while len(periods) < months:
        periods.insert(0, periods[0].previous())
    start, _e = period_bounds(periods[0])
    _s, end = period_bounds(periods[-1])
    totals: dict[tuple[int, int], dict[str, Decimal]] = defaultdict(dict)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    rows = list(
        MileageEntry.objects.filter(staff_id=staff_id, occurred_at__gte=start, occurred_at__lt=end)
        .values_list("year", "month", "item_id")
        .annotate(Sum("points"), n=Count("id"))
        .order_by()
    )
    codes = item_codes({item_id for _y, _m, item_id, _t, _n in rows})
    for year, month, item_id, total, n in rows:
        totals[(year, month)][codes[item_id]] = total
        counts[(year, month)] += n
    now = timezone.now()
    scores: dict[rules.Period, tuple[Decimal, rules.Signal]] = {}
    for p in periods:
        config = config_for_period(p, now)
        (score, signal) = score_people({0: totals.get((p.year, p.number), {})}, [0], config)[0]
        scores[p] = (score.score, signal)
    changes = rules.trend({p: s for p, (s, _sig) in scores.items()})
    return [
        TrendPoint(p, scores[p][0], scores[p][1], changes[p], counts.get((p.year, p.number), 0))
        for p in periods
    ]


def staff_breakdown(staff: Staff, period: rules.Period, *, now: datetime | None = None) -> Breakdown:
    now = now or timezone.now()
    config = config_for_period(period, now)
    colleagues = list(
        Staff.objects.active().filter(department_id=staff.department_id).values_list("id", flat=True)
    )
    people = set(colleagues) | {staff.pk}
    totals = item_totals(period, people)
    scored = score_people(totals, people, config)
    mine, signal = scored[staff.pk]
    others = [scored[sid][0] for sid in colleagues]
    averages = {
        item.code: _mean([s.contributions.get(item.code, Decimal(0)) for s in others])
        for item in config.score_rules.items
    }
    lines = [
        ItemLine(
            code=item.code,
            name=item.name,
            sign=item.sign,
            total=totals.get(staff.pk, {}).get(item.code, Decimal(0)),
            contribution=mine.contributions[item.code],
            cap=item.cap,
            department_average=averages.get(item.code),
            capped=item.code in mine.capped,
            advice=config.items[item.code].advice,
        )
        for item in config.score_rules.items
    ]
    weakest_code = rules.weakest_item(
        mine.contributions, config.score_rules, {k: v for k, v in averages.items() if v is not None}
    )
    ranks = dict(rules.rank([(sid, scored[sid][0].score) for sid in colleagues]))

    today = timezone.localtime(now).date()
    this_month = rules.Period.containing(today, rules.MONTH)
    last_month = (
        min(period.months()[-1], this_month) if period.kind != rules.MONTH else min(period, this_month)
    )
    entries = list(
        MileageEntry.objects.of_staff(staff.pk)
        .in_period(period)
        .select_related("item", "registered_by", "registered_by__staff")
        .order_by("-occurred_at", "-id")
    )
    snapshot = PeriodSnapshot.objects.latest_for(str(period))
    published = (
        SnapshotStaff.objects.filter(snapshot=snapshot, staff=staff).first() if snapshot is not None else None
    )
    return Breakdown(
        staff=staff,
        period=period,
        config=config,
        score=mine.score,
        signal=signal,
        items=lines,
        weakest=next((line for line in lines if line.code == weakest_code), None),
        department_mean=_mean([s.score for s in others]),
        department_rank=ranks.get(staff.pk),
        department_size=len(colleagues),
        trend=monthly_trend(staff.pk, last_month),
        entries=entries,
        published=published,
        snapshot=snapshot,
        reversed_ids=frozenset(e.reverses_id for e in entries if e.reverses_id),
    )


__all__ = ["Breakdown", "ItemLine", "TrendPoint", "config_at", "monthly_trend", "staff_breakdown"]
