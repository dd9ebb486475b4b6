"""Period scores from the ledger: one aggregate query for the whole organisation, the pure rules for
every person and department, and a memo keyed by the state of the ledger so a repeated page view does
not recompute what has not changed (any new entry, deduction, rule or staff change makes a new key)."""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from chinjeol.core.memo import register_clear
from chinjeol.core.models import DataVersion
from chinjeol.organization.models import Department, Staff

from .. import rules
from ..models import DepartmentDeduction, MileageEntry
from .config import Config, config_for_period, item_codes


@dataclass(frozen=True)
class StaffResult:
    staff_id: int
    department_id: int
    score: rules.StaffScore
    signal: rules.Signal
    rank: int | None = None


@dataclass
class DepartmentResult:
    id: int
    name: str
    parent_id: int | None
    score: Decimal | None
    signal: rules.Signal | None
    members: int
    members_mean: Decimal | None
    deduction: Decimal
    note: str
    rank: int | None = None
    kind: str = (
        "division"  # the department's level (organization.Department.Kind): ranks compare like with like
    )


@dataclass
class PeriodResults:
    period: rules.Period
    config: Config
    staff: dict[int, StaffResult]
    departments: list[DepartmentResult]
    distribution: dict[rules.Signal, int]
    mean: Decimal | None
    ranked_staff: list[int] = field(default_factory=list)  # staff ids, best first

    def department(self, department_id: int) -> DepartmentResult | None:
        return next((d for d in self.departments if d.id == department_id), None)

    def members_of(self, department_id: int) -> list[StaffResult]:
        return [self.staff[s] for s in self.ranked_staff if self.staff[s].department_id == department_id]


def item_totals(
    period: rules.Period, staff_ids: Iterable[int] | None = None
) -> dict[int, dict[str, Decimal]]:
    """staff id → item code → the period's sum of ledger points, from one GROUP BY query."""
    qs = MileageEntry.objects.in_period(period)
    if staff_ids is not None:
        qs = qs.filter(staff_id__in=list(staff_ids))
    rows = list(qs.values_list("staff_id", "item_id").annotate(Sum("points")).order_by())
    codes = item_codes({item_id for _s, item_id, _t in rows})
    totals: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for staff_id, item_id, total in rows:
        totals[staff_id][codes[item_id]] = total
    return totals


def score_people(
    totals: dict[int, dict[str, Decimal]], staff_ids: Iterable[int], config: Config
) -> dict[int, tuple[rules.StaffScore, rules.Signal]]:
    """Score and colour per person; everyone without entries shares the base score."""
    base = rules.staff_score({}, config.score_rules)
    base_signal = rules.traffic_light(base.score, config.thresholds)
    out = {}
    for staff_id in staff_ids:
        mine = totals.get(staff_id)
        if not mine:
            out[staff_id] = (base, base_signal)
            continue
        score = rules.staff_score(mine, config.score_rules)
        out[staff_id] = (score, rules.traffic_light(score.score, config.thresholds))
    return out


def department_deductions(period: rules.Period) -> dict[int, Decimal]:
    rows = (
        DepartmentDeduction.objects.in_period(period)
        .values_list("department_id")
        .annotate(total=Sum("points"))
        .order_by()
        .values_list("department_id", "total")
    )
    return {department_id: total for department_id, total in rows}


def compute_period(period: rules.Period, *, now: datetime | None = None) -> PeriodResults:
    """Every active person's score, colour and rank and every department's score and rank for `period`."""
    config = config_for_period(period, now)
    people = list(Staff.objects.active().values_list("id", "department_id"))
    scored = score_people(item_totals(period), (sid for sid, _d in people), config)
    staff_rows = {sid: (did, *scored[sid]) for sid, did in people}

    ranks = rules.rank([(sid, row[1].score) for sid, row in staff_rows.items()])
    staff = {
        sid: StaffResult(sid, staff_rows[sid][0], staff_rows[sid][1], staff_rows[sid][2], position)
        for sid, position in ranks
    }
    distribution = {signal: 0 for signal in rules.SIGNALS_BEST_FIRST}
    for result in staff.values():
        distribution[result.signal] += 1
    scores = [r.score.score for r in staff.values()]
    mean = (sum(scores, Decimal(0)) / len(scores)).quantize(rules.TWO) if scores else None

    members: dict[int, list[Decimal]] = defaultdict(list)
    for result in staff.values():
        members[result.department_id].append(result.score.score)
    deductions = department_deductions(period)
    departments = []
    for department_id, name, parent_id, kind in (
        Department.objects.active().order_by("name").values_list("id", "name", "parent_id", "kind")
    ):
        if not members.get(department_id):
            continue
        d = rules.department_score(
            members[department_id],
            deductions.get(department_id, Decimal(0)),
            min_members=config.min_members,
            organisation_mean=mean,
            max_deduction=config.deduction_cap,
        )
        departments.append(
            DepartmentResult(
                id=department_id,
                name=name,
                parent_id=parent_id,
                score=d.score,
                signal=None if d.score is None else rules.traffic_light(d.score, config.thresholds),
                members=d.members,
                members_mean=d.members_mean,
                deduction=d.deduction,
                note=d.note,
                kind=kind,
            )
        )
    department_ranks = rules.rank_within([(d.id, rules.rank_group(d.kind), d.score) for d in departments])
    for d in departments:
        d.rank = department_ranks[d.id]
    departments.sort(
        key=lambda d: (
            rules.RANK_GROUP_ORDER.index(rules.rank_group(d.kind)),
            d.rank is None,
            d.rank or 0,
            d.name,
        )
    )
    return PeriodResults(
        period=period,
        config=config,
        staff=staff,
        departments=departments,
        distribution=distribution,
        mean=mean,
        ranked_staff=[sid for sid, _p in ranks],
    )


LEDGER_VERSION = "kindness.ledger"  # DataVersion bumped with every ledger write

# ── Memo ────────────────────────────────────────────────────────────────────────────────────────────

_MEMO: OrderedDict = OrderedDict()
_MEMO_SIZE = 4
_LOCK = threading.Lock()


def _ledger_stamp() -> tuple:
    """A cheap fingerprint of everything a period's results depend on besides the rules."""
    tables = {
        "v": DataVersion._meta.db_table,
        "s": Staff._meta.db_table,
        "p": Department._meta.db_table,
    }
    # The ledger's version is bumped in the transaction of every write to it (services.ledger): unlike
    # MAX(id), which misses a row committed after one with a higher id (PostgreSQL hands ids out at insert).
    sql = (  # noqa: S608 — table names come from the models, nothing from the user
        "SELECT (SELECT version FROM {v} WHERE name = %s), "
        "(SELECT MAX(updated_at) FROM {s}), (SELECT COUNT(*) FROM {s}), "
        "(SELECT MAX(updated_at) FROM {p}), (SELECT COUNT(*) FROM {p})"
    ).format(**tables)
    with connection.cursor() as cursor:
        cursor.execute(sql, [LEDGER_VERSION])
        return tuple(cursor.fetchone())


def period_results(period: rules.Period, *, now: datetime | None = None) -> PeriodResults:
    """compute_period, reused while neither the ledger, the staff, nor the rules in force changed."""
    now = now or timezone.now()
    config = config_for_period(period, now)
    key = (connection.alias, str(period), config.key, _ledger_stamp())
    with _LOCK:
        hit = _MEMO.get(key)
        if hit is not None:
            _MEMO.move_to_end(key)
            return hit
    results = compute_period(period, now=now)
    with _LOCK:
        _MEMO[key] = results
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return results


def clear_memo() -> None:
    with _LOCK:
        _MEMO.clear()


register_clear(clear_memo)
