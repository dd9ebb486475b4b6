"""Kindness evaluation rules (pure): periods, a person's 0–100 score from the period's mileage, the
traffic light, department scores and rankings. Explained for officials in docs/kindness-score.md.

Score: every item's period total is multiplied by its weight, rounded to 0.01 and held within its cap
(a negative item can only lower the score); the score is base + the sum of those contributions,
held within [min_score, max_score].
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import total_ordering
from typing import TypeVar

from .signals import (  # noqa: F401 - the traffic light is part of the kindness rules
    DEFAULT_THRESHOLDS,
    SIGNAL_LABELS,
    SIGNALS_BEST_FIRST,
    Number,
    Signal,
    SignalLabel,
    Thresholds,
    _d,
    traffic_light,
)

TWO = Decimal("0.01")
ZERO = Decimal(0)
K = TypeVar("K")


def _two(value: Decimal) -> Decimal:
    return value.quantize(TWO, ROUND_HALF_UP)


# ── Periods ──────────────────────────────────────────────────────────────────────────────────────────

MONTH, HALF, YEAR = "month", "half", "year"
PERIOD_KINDS = (MONTH, HALF, YEAR)
MIN_YEAR, MAX_YEAR = 1900, 2999
_CODE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})|-H([0-9]))?$")


@total_ordering
@dataclass(frozen=True)
class Period:
    """A reporting period: a month (`2026-11`), a half-year (`2026-H2`) or a year (`2026`).
    `number` is the month 1–12, the half 1–2, or 1 for a year. Periods sort by start, shorter first."""

    kind: str
    year: int
    number: int

    def __post_init__(self) -> None:
        limit = {MONTH: 12, HALF: 2, YEAR: 1}.get(self.kind)
        if limit is None:
            raise ValueError(f"기간 종류는 month, half, year 중 하나여야 합니다: {self.kind!r}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"연도는 {MIN_YEAR}년부터 {MAX_YEAR}년까지입니다: {self.year}")
        if not 1 <= self.number <= limit:
            raise ValueError(f"{self.kind} 기간의 번호는 1부터 {limit}까지입니다: {self.number}")

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _CODE.match((text or "").strip().upper())
        if match is not None:
            year, month, half = match.groups()
            kind, number = (MONTH, month) if month else (HALF, half) if half else (YEAR, "1")
            try:
                return cls(kind, int(year), int(number))
            except ValueError:
                pass
        raise ValueError(f"기간 형식이 올바르지 않습니다: '{text}' (예: 2026-11, 2026-H2, 2026)")

    @classmethod
    def containing(cls, day: date, kind: str) -> Period:
        """The period of `kind` that contains `day` (pass the local date, not a UTC timestamp)."""
        if kind == MONTH:
            return cls(MONTH, day.year, day.month)
        if kind == HALF:
            return cls(HALF, day.year, 1 if day.month <= 6 else 2)
        if kind == YEAR:
            return cls(YEAR, day.year, 1)
        raise ValueError(f"기간 종류는 month, half, year 중 하나여야 합니다: {kind!r}")

    def __str__(self) -> str:
        if self.kind == MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind == HALF:
            return f"{self.year}-H{self.number}"
        return str(self.year)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    @property
    def start(self) -> date:
        """The first day of the period."""
        if self.kind == MONTH:
            return date(self.year, self.number, 1)
        if self.kind == HALF:
            return date(self.year, 6 * self.number - 5, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        """The first day after the period (exclusive)."""
        if self.kind == MONTH:
            return date(self.year + (self.number == 12), self.number % 12 + 1, 1)
        if self.kind == HALF and self.number == 1:
            return date(self.year, 7, 1)
        return date(self.year + 1, 1, 1)

    @property
    def label_ko(self) -> str:
        if self.kind == MONTH:
            return f"{self.year}년 {self.number}월"
        if self.kind == HALF:
            return f"{self.year}년 {'상' if self.number == 1 else '하'}반기"
        return f"{self.year}년"

    def half(self) -> Period:
        """The half-year containing this month (a half-year is its own half)."""
        if self.kind == YEAR:
            raise ValueError(f"연도 기간은 한 반기 안에 들지 않습니다: {self}")
        return Period.containing(self.start, HALF)

    def previous(self) -> Period:
        if self.kind == MONTH:
            return Period(MONTH, self.year - (self.number == 1), (self.number - 2) % 12 + 1)
        if self.kind == HALF:
            return Period(HALF, self.year - (self.number == 1), 3 - self.number)
        return Period(YEAR, self.year - 1, 1)

    def months(self) -> list[Period]:
        """The month periods inside, in order."""
        first = self.start.month
        count = {MONTH: 1, HALF: 6, YEAR: 12}[self.kind]
        return [Period(MONTH, self.year, first + i) for i in range(count)]


# ── Items and the personal score ─────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ItemRule:
    """One evaluation item. Ledger points carry the item's sign (an unkind case is −10); `cap` bounds
    the absolute contribution in one period; `weight` multiplies the period total."""

    code: str
    name: str
    sign: int
    points_per_event: Decimal
    cap: Decimal | None = None
    weight: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        if self.sign not in (1, -1):
            raise ValueError(f"평가 항목 부호는 +1 또는 -1입니다: {self.code} {self.sign}")
        for name in ("points_per_event", "weight"):
            value = _d(getattr(self, name))
            if value < 0:
                raise ValueError(f"평가 항목의 건당 점수와 가중치는 0 이상입니다: {self.code}")
            object.__setattr__(self, name, value)
        if self.cap is not None:
            cap = _d(self.cap)
            if cap < 0:
                raise ValueError(f"평가 항목 상한은 0 이상입니다: {self.code}")
            object.__setattr__(self, "cap", cap)

    @property
    def event_points(self) -> Decimal:
        """The signed ledger points of one event."""
        return self.points_per_event * self.sign


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

    def __post_init__(self) -> None:
        for name in ("base", "min_score", "max_score"):
            object.__setattr__(self, name, _d(getattr(self, name)))
        object.__setattr__(self, "items", tuple(self.items))
        if not self.min_score <= self.base <= self.max_score:
            raise ValueError("기본 점수는 최저 점수와 최고 점수 사이여야 합니다.")
        codes = [i.code for i in self.items]
        if len(set(codes)) != len(codes):
            raise ValueError("평가 항목 코드가 겹칩니다.")

    def item(self, code: str) -> ItemRule | None:
        return next((i for i in self.items if i.code == code), None)


@dataclass(frozen=True)
class StaffScore:
    """`score` = clamp(base + Σ contributions); `capped` names the items held at their cap."""

    score: Decimal
    contributions: dict[str, Decimal]
    base: Decimal
    unclamped: Decimal
    capped: frozenset[str] = frozenset()


def contribution(total: Number, rule: ItemRule) -> Decimal:
    """weight × period total, rounded to 0.01, within [−cap, +cap]; a negative item within [−cap, 0]."""
    value = _two(_d(total) * rule.weight)
    if rule.sign < 0 and value > 0:
        value = ZERO
    if rule.cap is not None:
        value = max(-rule.cap, min(rule.cap, value))
    return value


def staff_score(item_totals: Mapping[str, Number], rules: ScoreRules) -> StaffScore:
    """The score from the period's sum of ledger points per item code. Codes without a rule are ignored;
    items without entries contribute 0 (a person without entries scores the base)."""
    contributions: dict[str, Decimal] = {}
    capped = []
    total = rules.base
    for item in rules.items:
        raw = item_totals.get(item.code)
        value = ZERO if raw is None else contribution(raw, item)
        if item.cap and abs(value) == item.cap:
            capped.append(item.code)
        contributions[item.code] = value
        total += value
    score = _two(max(rules.min_score, min(rules.max_score, total)))
    return StaffScore(score, contributions, rules.base, total, frozenset(capped))


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


def reversal(points: Number) -> Decimal:
    """The points of the entry that corrects a ledger entry: its negation (entries are never edited)."""
    return -_d(points)


# ── Departments and rankings ─────────────────────────────────────────────────────────────────────────

UNKIND_DEPARTMENT_DEDUCTION = Decimal("2")
MAX_DEPARTMENT_DEDUCTION = Decimal("10")


def department_deduction(
    substantiated_unkind_reports: int,
    per_report: Number = UNKIND_DEPARTMENT_DEDUCTION,
    *,
    cap: Number = MAX_DEPARTMENT_DEDUCTION,
) -> Decimal:
    """A department's half-year deduction: `per_report` for each substantiated unkind report, at most `cap`."""
    if substantiated_unkind_reports < 0:
        raise ValueError("불친절 신고 건수는 0 이상입니다.")
    return min(_d(per_report) * substantiated_unkind_reports, _d(cap))


@dataclass(frozen=True)
class DepartmentScore:
    score: Decimal | None
    members: int
    deduction: Decimal
    note: str = ""
    members_mean: Decimal | None = None


def department_score(
    member_scores: Sequence[Number],
    deductions: Number,
    *,
    min_members: int = 3,
    organisation_mean: Number | None = None,
    max_deduction: Number = MAX_DEPARTMENT_DEDUCTION,
) -> DepartmentScore:
    """Members' mean minus the department's deductions (held within [0, max_deduction]), within 0–100.

    A department with n < `min_members` scored members counts the organisation mean as
    (min_members − n) extra members: (n × mean + (min_members − n) × organisation mean) / min_members,
    so one lucky person cannot top the ranking and the adjustment fades out at min_members."""
    deduction = max(ZERO, min(_d(deductions), _d(max_deduction)))
    notes = []
    if deduction == _d(max_deduction) and _d(deductions) > deduction:
        notes.append(f"감점 상한 {deduction.quantize(Decimal('0.1'), ROUND_HALF_UP)}점 적용")
    n = len(member_scores)
    if n == 0:
        return DepartmentScore(None, 0, deduction, "평가 대상 직원 없음")
    members_mean = sum((_d(s) for s in member_scores), ZERO) / n
    mean = members_mean
    if n < min_members and organisation_mean is not None:
        prior = _d(organisation_mean)
        mean = (members_mean * n + prior * (min_members - n)) / min_members
        notes.insert(
            0,
            f"인원 {n}명(기준 {min_members}명 미만): 기관 평균 {prior.quantize(Decimal('0.1'), ROUND_HALF_UP)}점 쪽으로 보정",
        )
    elif n < min_members:
        notes.insert(0, f"인원 {n}명(기준 {min_members}명 미만): 기관 평균이 없어 보정하지 않음")
    score = _two(max(ZERO, min(Decimal(100), mean - deduction)))
    return DepartmentScore(score, n, deduction, "; ".join(notes), _two(members_mean))


def rank(scores: Sequence[tuple[K, Number | None]]) -> list[tuple[K, int | None]]:
    """Standard competition ranking ("1224"), highest first. Equal scores share a rank and keep their
    input order; entries without a score are unranked (None) at the end, in input order."""
    scored = sorted(((key, _d(value)) for key, value in scores if value is not None), key=lambda s: -s[1])
    out: list[tuple[K, int | None]] = []
    previous: Decimal | None = None
    position = 0
    for index, (key, value) in enumerate(scored, start=1):
        if value != previous:
            position, previous = index, value
        out.append((key, position))
    out.extend((key, None) for key, value in scores if value is None)
    return out


def weakest_item(
    contributions: Mapping[str, Number], rules: ScoreRules, department_avg: Mapping[str, Number]
) -> str | None:
    """The item where the person trails the department average the most, measured in shares of the
    item's cap (or of one event's points when it has no cap), so a 2-point gap on a 5-point item
    outweighs a 3-point gap on a 30-point one. None when they trail nowhere; ties go to the first item."""
    worst, worst_gap = None, ZERO
    for item in rules.items:
        scale = item.cap or item.points_per_event or Decimal(1)
        gap = (_d(department_avg.get(item.code, 0)) - _d(contributions.get(item.code, 0))) / scale
        if gap > worst_gap:
            worst, worst_gap = item.code, gap
    return worst


def trend(scores_by_period: Mapping[Period, Number | None]) -> dict[Period, Decimal | None]:
    """Each period's change from the period before it; None when either score is missing."""
    out: dict[Period, Decimal | None] = {}
    for period, score in scores_by_period.items():
        before = scores_by_period.get(period.previous())
        out[period] = None if score is None or before is None else _two(_d(score) - _d(before))
    return out


# --- like with like: departments rank among departments of their own level -------------------------------
RANK_GROUPS = {"bureau": "bureau", "division": "division", "office": "division", "team": "team"}
RANK_GROUP_LABELS = {"division": "과·사업소", "team": "팀", "bureau": "실·국"}
RANK_GROUP_ORDER = ("division", "team", "bureau")


def rank_group(department_kind: str) -> str:
    """The level a department is ranked at: 과 with 과 (and 사업소), 팀 with 팀, 국 with 국."""
    return RANK_GROUPS.get(department_kind, "division")


def rank_within(scores: Sequence[tuple[K, str, Number | None]]) -> dict[K, int | None]:
    """Standard competition ranking inside each group (`rank` per group): a 과 is never ranked against its own
    팀s, nor a 국 with its one 국장 beside the 팀s."""
    groups: dict[str, list[tuple[K, Number | None]]] = {}
    for key, group, value in scores:
        groups.setdefault(group, []).append((key, value))
    out: dict[K, int | None] = {}
    for members in groups.values():
        out.update(rank(members))
    return out
