"""Kindness score rules (pure): from a period's mileage to a 0–100 score, a traffic light and ranks.

Formula (docs/kindness-score.md): score = clamp(base + Σ contribution_i, 0, 100), where for each
evaluation item i, contribution_i = clamp(weight_i × Σ points_i, −cap_i, +cap_i). Positive items raise
the score up to their cap; negative items (불친절 사례) lower it down to theirs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

TWO = Decimal("0.01")


def _d(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


@dataclass(frozen=True)
class ItemRule:
    code: str
    name: str
    sign: int  # +1 or −1
    points_per_event: Decimal
    cap: Decimal | None  # largest absolute contribution in a period
    weight: Decimal = Decimal("1")


DEFAULT_ITEMS: tuple[ItemRule, ...] = (
    ItemRule("phone", "전화응대 점검", +1, Decimal("2"), Decimal("8")),
    ItemRule("survey", "고객만족도 조사", +1, Decimal("1"), Decimal("6")),
    ItemRule("praise", "친절 사례", +1, Decimal("3"), Decimal("6")),
    ItemRule("unkind", "불친절 사례", -1, Decimal("10"), Decimal("30")),
    ItemRule("smile", "스마일 직원 선정", +1, Decimal("5"), Decimal("5")),
    ItemRule("training", "교육 이수·암행 평가", +1, Decimal("2"), Decimal("5")),
)


@dataclass(frozen=True)
class ScoreRules:
    base: Decimal = Decimal("75")
    items: tuple[ItemRule, ...] = DEFAULT_ITEMS
    min_score: Decimal = Decimal("0")
    max_score: Decimal = Decimal("100")

    def item(self, code: str) -> ItemRule | None:
        return next((i for i in self.items if i.code == code), None)


@dataclass(frozen=True)
class StaffScore:
    score: Decimal
    contributions: dict[str, Decimal] = field(default_factory=dict)


def contribution(total, rule: ItemRule) -> Decimal:
    value = _d(total) * rule.weight
    if rule.cap is not None:
        value = max(-rule.cap, min(rule.cap, value))
    return value


def staff_score(item_totals: Mapping[str, object], rules: ScoreRules) -> StaffScore:
    """`item_totals` is the period's sum of ledger points per item code (signs already applied)."""
    contributions = {}
    total = rules.base
    for item in rules.items:
        value = contribution(item_totals.get(item.code, 0), item)
        contributions[item.code] = value.quantize(TWO, ROUND_HALF_UP)
        total += value
    score = max(rules.min_score, min(rules.max_score, total)).quantize(TWO, ROUND_HALF_UP)
    return StaffScore(score, contributions)


class Signal(StrEnum):
    BLUE = "blue"
    GREEN = "green"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"


SIGNAL_LABELS = {
    Signal.BLUE: ("파랑", "매우 우수"),
    Signal.GREEN: ("초록", "우수"),
    Signal.YELLOW: ("노랑", "보통"),
    Signal.ORANGE: ("주황", "주의"),
    Signal.RED: ("빨강", "개선 필요"),
}


@dataclass(frozen=True)
class Thresholds:
    blue: Decimal = Decimal("90")
    green: Decimal = Decimal("80")
    yellow: Decimal = Decimal("70")
    orange: Decimal = Decimal("65")

    def __post_init__(self):
        if not (self.blue > self.green > self.yellow > self.orange):
            raise ValueError("신호등 기준은 파랑 > 초록 > 노랑 > 주황 순으로 내려가야 합니다.")


DEFAULT_THRESHOLDS = Thresholds()


def traffic_light(score, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Signal:
    """Lower bound inclusive: 90.0 is blue, 89.99 green, 65.0 orange, 64.99 red."""
    value = _d(score)
    if value >= thresholds.blue:
        return Signal.BLUE
    if value >= thresholds.green:
        return Signal.GREEN
    if value >= thresholds.yellow:
        return Signal.YELLOW
    if value >= thresholds.orange:
        return Signal.ORANGE
    return Signal.RED


HAPPY_CALL_POINTS = {
    5: Decimal("1"),
    4: Decimal("0.5"),
    3: Decimal("0"),
    2: Decimal("-0.5"),
    1: Decimal("-1"),
}


def happy_call_points(score: int) -> Decimal:
    """A customer's 1–5 satisfaction with a closed case, as 고객만족도 조사 mileage for its handler."""
    if score not in HAPPY_CALL_POINTS:
        raise ValueError("만족도는 1점부터 5점까지입니다.")
    return HAPPY_CALL_POINTS[score]


UNKIND_DEPARTMENT_DEDUCTION = Decimal("2")
MAX_DEPARTMENT_DEDUCTION = Decimal("10")


@dataclass(frozen=True)
class DepartmentScore:
    score: Decimal | None
    members: int
    deduction: Decimal
    note: str = ""


def department_score(
    member_scores: Sequence, deductions, *, min_members: int = 3, organisation_mean=None
) -> DepartmentScore:
    """Members' mean minus the department's deductions (capped at MAX_DEPARTMENT_DEDUCTION). A
    department with fewer than `min_members` scored members is pulled toward the organisation mean in
    proportion to what it lacks, so one lucky person cannot top the ranking."""
    deduction = min(_d(deductions), MAX_DEPARTMENT_DEDUCTION)
    if not member_scores:
        return DepartmentScore(None, 0, deduction, "평가 대상 직원 없음")
    n = len(member_scores)
    mean = sum((_d(s) for s in member_scores), Decimal(0)) / n
    note = ""
    if n < min_members and organisation_mean is not None:
        mean = (mean * n + _d(organisation_mean) * (min_members - n)) / min_members
        note = f"인원 {n}명: 기관 평균 쪽으로 보정"
    score = max(Decimal(0), min(Decimal(100), mean - deduction)).quantize(TWO, ROUND_HALF_UP)
    return DepartmentScore(score, n, deduction, note)


def rank(scores: Sequence[tuple[object, object]]) -> list[tuple[object, int | None]]:
    """Competition ranking ("1224"), highest first; None scores unranked, last."""
    scored = sorted((s for s in scores if s[1] is not None), key=lambda s: (-_d(s[1]), str(s[0])))
    out: list[tuple[object, int | None]] = []
    previous, position = None, 0
    for index, (key, value) in enumerate(scored, start=1):
        if value != previous:
            position, previous = index, value
        out.append((key, position))
    out.extend((key, None) for key, value in scores if value is None)
    return out


def weakest_item(
    contributions: Mapping[str, Decimal], rules: ScoreRules, department_avg: Mapping[str, Decimal]
) -> str | None:
    """The item where the person trails the department average the most, relative to the item's cap."""
    worst, gap_worst = None, Decimal(0)
    for item in rules.items:
        cap = item.cap or Decimal(1)
        gap = (_d(department_avg.get(item.code, 0)) - _d(contributions.get(item.code, 0))) / cap
        if gap > gap_worst:
            worst, gap_worst = item.code, gap
    return worst
