"""Pure rules of the quality programmes: weighted totals with N/A and critical items, grading bands,
the conversion of a total into mileage, a fair monthly sampling plan, calibration variance and drift,
and the service-quality index. No ORM, no clock: everything they need is an argument."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

TWO = Decimal("0.01")
HUNDRED = Decimal("100")

# Default grading bands (issue: ≥ 90 매우우수, ≥ 80 우수, ≥ 70 보통, below 미흡) and their mileage:
# the points one evaluation adds to the kindness ledger's item (docs/quality.md, "환산").
DEFAULT_BANDS: tuple[dict, ...] = (
    {"min": 90, "label": "매우우수", "mileage": 3},
    {"min": 80, "label": "우수", "mileage": 2},
    {"min": 70, "label": "보통", "mileage": 1},
    {"min": 0, "label": "미흡", "mileage": -1},
)


class ScoreError(ValueError):
    """A score sheet that cannot be totalled; `field` names the item (or "scores")."""

    def __init__(self, message: str, field: str = "scores"):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class ItemSpec:
    code: str
    name: str
    max_points: Decimal
    critical: bool = False
    allow_na: bool = False
    bonus: bool = False  # 가점: added on top of the base items, never negative


@dataclass(frozen=True)
class Total:
    total: Decimal  # 0–100
    base: Decimal  # the base items' points scaled to 100 (before bonus and critical)
    critical_failed: bool
    na: tuple[str, ...] = ()


def _q(value: Decimal) -> Decimal:
    return value.quantize(TWO, rounding=ROUND_HALF_UP)


def check_points(item: ItemSpec, points) -> Decimal | None:
    """The points of one item as a Decimal (None = 해당 없음), or ScoreError naming the item."""
    if points is None:
        if not item.allow_na:
            raise ScoreError(f"'{item.name}' 항목은 해당 없음으로 둘 수 없습니다. 점수를 주세요.", item.code)
        return None
    try:
        value = points if isinstance(points, Decimal) else Decimal(str(points).strip())
    except ArithmeticError:
        raise ScoreError(f"'{item.name}' 점수가 숫자가 아닙니다: {points}", item.code) from None
    if not value.is_finite():
        raise ScoreError(f"'{item.name}' 점수가 숫자가 아닙니다: {points}", item.code)
    if value < 0:
        if item.bonus:
            raise ScoreError(f"'{item.name}'은(는) 가점 항목이라 음수를 넣을 수 없습니다.", item.code)
        raise ScoreError(f"'{item.name}' 점수는 0점 이상이어야 합니다.", item.code)
    if value > item.max_points:
        raise ScoreError(
            f"'{item.name}' 점수는 배점 {item.max_points.normalize():f}점을 넘을 수 없습니다.", item.code
        )
    return value


def weighted_total(items: Sequence[ItemSpec], scores: Mapping[str, object]) -> Total:
    """The sheet's total out of 100. Base items weigh by their points (배점); an N/A item leaves the
    sheet and the rest are scaled back to 100; bonus items (가점) add their points on top; a critical
    item scored below half its points makes the total 0. The result is clamped to 0–100."""
    known = {i.code for i in items}
    unknown = sorted(set(scores) - known)
    if unknown:
        raise ScoreError(f"평가표에 없는 항목입니다: {', '.join(unknown)}", unknown[0])
    got = Decimal(0)
    possible = Decimal(0)
    bonus = Decimal(0)
    failed = False
    na: list[str] = []
    for item in items:
        if item.code not in scores:
            if item.allow_na:
                na.append(item.code)
                continue
            raise ScoreError(f"'{item.name}' 항목의 점수가 없습니다.", item.code)
        value = check_points(item, scores[item.code])
        if value is None:
            na.append(item.code)
            continue
        if item.bonus:
            bonus += value
            continue
        got += value
        possible += item.max_points
        if item.critical and value * 2 < item.max_points:
            failed = True
    if possible <= 0:
        raise ScoreError("채점한 기본 항목이 없습니다. 한 항목 이상 점수를 주세요.")
    base = got * HUNDRED / possible
    total = Decimal(0) if failed else min(HUNDRED, base + bonus)
    return Total(total=_q(total), base=_q(base), critical_failed=failed, na=tuple(na))


def _sorted_bands(bands: Iterable[Mapping]) -> list[Mapping]:
    return sorted(bands, key=lambda b: Decimal(str(b["min"])), reverse=True)


def grade(total: Decimal, bands: Iterable[Mapping] = DEFAULT_BANDS) -> str:
    """The band a total falls in (lower bound inclusive); the lowest band below every bound."""
    ordered = _sorted_bands(bands)
    for band in ordered:
        if total >= Decimal(str(band["min"])):
            return str(band["label"])
    return str(ordered[-1]["label"])


def mileage_points(total: Decimal, bands: Iterable[Mapping] = DEFAULT_BANDS) -> Decimal:
    """The documented conversion: the mileage of the band the total falls in."""
    ordered = _sorted_bands(bands)
    chosen = next((b for b in ordered if total >= Decimal(str(b["min"]))), ordered[-1])
    return _q(Decimal(str(chosen.get("mileage", 0))))


def check_bands(bands: Sequence[Mapping]) -> None:
    """Bands need labels, distinct bounds within 0–100, and one starting at 0."""
    if not bands:
        raise ScoreError("등급 구간이 없습니다.", "bands")
    bounds = [Decimal(str(b.get("min", -1))) for b in bands]
    if any(not 0 <= m <= HUNDRED for m in bounds) or len(set(bounds)) != len(bounds):
        raise ScoreError("등급 하한은 0~100 사이의 서로 다른 값이어야 합니다.", "bands")
    if Decimal(0) not in bounds:
        raise ScoreError("0점에서 시작하는 등급이 있어야 합니다.", "bands")
    if any(not str(b.get("label", "")).strip() for b in bands):
        raise ScoreError("등급마다 이름이 있어야 합니다.", "bands")


# --- sampling plan [Q3] ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    staff_id: int
    department_id: int
    contact_point: str  # "phone" or "visit": how the person meets citizens


def sampling_plan(
    candidates: Sequence[Candidate], history: Mapping[int, int], size: int, *, seed: int
) -> list[Candidate]:
    """Pick `size` people for the month: always those evaluated the fewest times so far (so nobody is
    taken twice before everyone was taken once), and among equals spread round-robin over departments
    and contact points, in an order shuffled by `seed` (the plan is reproducible)."""
    rng = random.Random(seed)
    pool = list(candidates)
    rng.shuffle(pool)
    by_count: dict[int, list[Candidate]] = defaultdict(list)
    for c in pool:
        by_count[history.get(c.staff_id, 0)].append(c)
    chosen: list[Candidate] = []
    for count in sorted(by_count):
        if len(chosen) >= size:
            break
        chosen.extend(_spread(by_count[count], size - len(chosen)))
    return chosen


def _spread(people: list[Candidate], wanted: int) -> list[Candidate]:
    """Round-robin over (department, contact point) groups, the groups in first-seen order."""
    groups: dict[tuple[int, str], list[Candidate]] = defaultdict(list)
    for c in people:
        groups[(c.department_id, c.contact_point)].append(c)
    queues = list(groups.values())
    out: list[Candidate] = []
    while len(out) < wanted and queues:
        for queue in list(queues):
            if len(out) >= wanted:
                break
            out.append(queue.pop(0))
            if not queue:
                queues.remove(queue)
    return out


def due_dates(first: date, count: int) -> list[date]:
    """`count` due dates spread evenly over the month starting `first` (never past its last day)."""
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    days = last.day
    return [first + timedelta(days=min(days - 1, ((i + 1) * days) // (count + 1) + days // (2 * (count + 1))))
            for i in range(count)]  # fmt: skip


# --- calibration [issue 13.6] --------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemSpread:
    code: str
    mean: Decimal
    variance: Decimal  # population variance of the evaluators' points
    spread: Decimal  # max − min


@dataclass(frozen=True)
class EvaluatorDeviation:
    evaluator: str
    deviation: Decimal  # mean of (own points − the item's mean) over the items scored
    abs_deviation: Decimal


@dataclass
class Calibration:
    items: list[ItemSpread] = field(default_factory=list)
    evaluators: list[EvaluatorDeviation] = field(default_factory=list)
    total_variance: Decimal = Decimal(0)


def _mean(values: Sequence[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def _variance(values: Sequence[Decimal]) -> Decimal:
    m = _mean(values)
    return sum(((v - m) ** 2 for v in values), Decimal(0)) / len(values)


def calibration(
    sheets: Mapping[str, Mapping[str, Decimal | None]], totals: Mapping[str, Decimal]
) -> Calibration:
    """Variance per item (over the evaluators who scored it, N/A left out) and each evaluator's mean
    deviation from the others' consensus (the item mean)."""
    codes: list[str] = []
    for sheet in sheets.values():
        codes.extend(c for c in sheet if c not in codes)
    result = Calibration()
    means: dict[str, Decimal] = {}
    for code in codes:
        values: list[Decimal] = [v for s in sheets.values() if (v := s.get(code)) is not None]
        if not values:
            continue
        means[code] = _mean(values)
        result.items.append(
            ItemSpread(code, _q(means[code]), _q(_variance(values)), _q(max(values) - min(values)))
        )
    for name, sheet in sheets.items():
        diffs = [v - means[c] for c, v in sheet.items() if v is not None and c in means]
        if diffs:
            result.evaluators.append(
                EvaluatorDeviation(name, _q(_mean(diffs)), _q(_mean([abs(d) for d in diffs])))
            )
    if totals:
        result.total_variance = _q(_variance(list(totals.values())))
    return result


def drift(deviations: Sequence[tuple[date, Decimal]]) -> Decimal:
    """An evaluator's drift: the least-squares slope of their deviation per session over the sessions
    in order (points per session; 0 with fewer than two sessions)."""
    if len(deviations) < 2:
        return Decimal(0)
    ys = [d for _day, d in sorted(deviations)]
    n = len(ys)
    xm = Decimal(n - 1) / 2
    ym = _mean(ys)
    num = sum(((Decimal(i) - xm) * (y - ym) for i, y in enumerate(ys)), Decimal(0))
    den = sum(((Decimal(i) - xm) ** 2 for i in range(n)), Decimal(0))
    return _q(num / den)


# --- service-quality index [Q4] --------------------------------------------------------------------------
CONTACT_POINTS = {"phone": "전화", "visit": "방문", "web": "인터넷", "callcenter": "콜센터"}
# Weights of the components (docs/quality.md): evaluations (scorecards), satisfaction surveys and
# charter compliance. A component without data for a cell is left out and the others re-weighted.
SQI_WEIGHTS: dict[str, Decimal] = {
    "evaluation": Decimal("0.5"),
    "survey": Decimal("0.2"),
    "compliance": Decimal("0.3"),
}


def sqi(
    components: Mapping[str, Decimal | None], weights: Mapping[str, Decimal] = SQI_WEIGHTS
) -> Decimal | None:
    """The index (0–100): the weighted mean of the components present (each 0–100), the weights of the
    missing ones spread over the rest; None when nothing is present."""
    present = {k: v for k, v in components.items() if v is not None and weights.get(k, 0) > 0}
    weight = sum((weights[k] for k in present), Decimal(0))
    if not present or weight <= 0:
        return None
    value = sum((Decimal(v) * weights[k] for k, v in present.items()), Decimal(0)) / weight
    return _q(max(Decimal(0), min(HUNDRED, value)))


def evaluation_contact_point(kind: str) -> str:
    """phone/mystery_call → 전화, recording → 콜센터, visit/mystery_visit → 방문."""
    return {"recording": "callcenter", "visit": "visit", "mystery_visit": "visit"}.get(kind, "phone")


STANDARD_CONTACT_POINTS = {
    "PHONE_RINGS": "phone",
    "CALLBACK_ABSENT": "callcenter",
    "VISIT_GUIDE": "visit",
    "FIELD_VISIT_NOTICE": "visit",
    "WEB_REPLY": "web",
    "EPEOPLE_REPLY": "web",
    "DISCLOSURE_DECISION": "web",
}


def trend(values: Sequence[Decimal | None]) -> str:
    """ "up", "down" or "flat" between the last two known values (a change under 0.5 is flat)."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return "flat"
    change = known[-1] - known[-2]
    return "up" if change >= Decimal("0.5") else "down" if change <= Decimal("-0.5") else "flat"
