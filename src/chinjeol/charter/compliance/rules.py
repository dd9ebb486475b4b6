"""Pure rules of charter compliance [C10]: which cases are judged, whether each met its promise, and
how the figures are summed, compared and ranked. No ORM, no clock: `now` is an argument.

- A case is judged once its deadline has passed or it is closed (answered), whichever comes first.
- It met the promise when it was closed at or before the deadline.
- The deadline is the charter promise stored on the case (`promise_due_at`, computed with the standard
  version in force when the case was received). A case without a promise for its channel is judged
  against its legal deadline (`due_at`, including lawful extensions) — the basis is reported.
- Transferred (이송) and withdrawn (취하) cases are not judged.
- A judgement belongs to the period in which it became final (`judged_at`): the closing moment when
  the case met its deadline, the deadline itself when it missed it. A finished period's figures are
  therefore final: no later event moves a case into or out of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

EXCLUDED_STATUSES = frozenset({"transferred", "withdrawn"})


class Basis(StrEnum):
    PROMISE = "promise"
    LEGAL = "legal"


BASIS_LABELS = {
    Basis.PROMISE: "서비스헌장 약속 기한",
    Basis.LEGAL: "법정 처리기한 (채널에 헌장 약속이 없는 민원)",
}


@dataclass(frozen=True)
class Judgement:
    judged: bool
    met: bool
    basis: Basis | None
    deadline: datetime | None
    judged_at: datetime | None

    @property
    def missed(self) -> bool:
        return self.judged and not self.met


NOT_JUDGED = Judgement(False, False, None, None, None)


def deadline_of(*, promise_due_at: datetime | None, due_at: datetime) -> tuple[datetime, Basis]:
    """The deadline a case is judged against, and on which basis."""
    if promise_due_at is not None:
        return promise_due_at, Basis.PROMISE
    return due_at, Basis.LEGAL


def judgement_moment(
    *, closed_at: datetime | None, promise_due_at: datetime | None, due_at: datetime
) -> datetime:
    """When a case's judgement is (or will be) final, whatever its status: the closing moment when it was
    closed on time, else its deadline. The SQL twin is `expressions.judged_at_expression()`."""
    deadline, _basis = deadline_of(promise_due_at=promise_due_at, due_at=due_at)
    if closed_at is not None and closed_at <= deadline:
        return closed_at
    return deadline


def judge(
    *,
    status: str,
    closed_at: datetime | None,
    promise_due_at: datetime | None,
    due_at: datetime,
    now: datetime,
) -> Judgement:
    """The judgement of one case as it stands at `now` (the rule the aggregate queries follow). A closing
    moment after `now` counts as not closed yet."""
    if status in EXCLUDED_STATUSES:
        return NOT_JUDGED
    if closed_at is not None and closed_at > now:  # not closed yet at `now`
        closed_at = None
    deadline, basis = deadline_of(promise_due_at=promise_due_at, due_at=due_at)
    moment = judgement_moment(closed_at=closed_at, promise_due_at=promise_due_at, due_at=due_at)
    if closed_at is not None and closed_at <= deadline:
        return Judgement(True, True, basis, deadline, moment)
    if closed_at is not None or now > deadline:
        return Judgement(True, False, basis, deadline, moment)
    return Judgement(False, False, basis, deadline, None)


def in_period(judgement: Judgement, start: datetime, end: datetime) -> bool:
    """Whether the judgement counts in the period [start, end)."""
    return judgement.judged and judgement.judged_at is not None and start <= judgement.judged_at < end


def rate(met: int, judged: int) -> Decimal | None:
    """Compliance rate in percent with one decimal (half up); None when nothing was judged."""
    if judged <= 0:
        return None
    if not 0 <= met <= judged:
        raise ValueError("이행 건수는 0 이상, 판정 건수 이하여야 합니다.")
    return (Decimal(met) * 100 / Decimal(judged)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def change(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Difference in percentage points from the previous period (None when either is missing)."""
    if current is None or previous is None:
        return None
    return current - previous


@dataclass(frozen=True)
class Tally:
    judged: int = 0
    met: int = 0

    def __post_init__(self):
        if self.judged < 0 or not 0 <= self.met <= self.judged:
            raise ValueError("판정·이행 건수가 올바르지 않습니다.")

    @property
    def missed(self) -> int:
        return self.judged - self.met

    @property
    def rate(self) -> Decimal | None:
        return rate(self.met, self.judged)

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.judged + other.judged, self.met + other.met)


def tally(judgements: Iterable[Judgement]) -> Tally:
    judged = met = 0
    for j in judgements:
        if j.judged:
            judged += 1
            met += j.met
    return Tally(judged, met)


def total(tallies: Iterable[Tally]) -> Tally:
    result = Tally()
    for t in tallies:
        result = result + t
    return result


def ranks(rates: Sequence[Decimal | None]) -> list[int | None]:
    """Competition ranking (1, 2, 2, 4) of rates, highest first; None (nothing judged) is unranked."""
    ordered = sorted((r for r in rates if r is not None), reverse=True)
    first: dict[Decimal, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return [None if r is None else first[r] for r in rates]


def rank_order(rows: Iterable, *, tally, label) -> list:
    """Rows by rate (highest first; nothing judged last), then by the number judged, then by name."""

    def key(row):
        t = tally(row)
        return (t.rate is None, -(t.rate or 0), -t.judged, label(row))

    return sorted(rows, key=key)


# --- yearly-count standards ("간담회 연 3회 이상", "만족도 조사 연 1회 이상") ----------------------------
@dataclass(frozen=True)
class CountJudgement:
    """A yearly-count promise as it stands: `count` in the year up to `through` (exclusive)."""

    count: int
    target: int
    final: bool  # the year is over: the judgement cannot change any more

    @property
    def met(self) -> bool | None:
        """True once the target is reached, False when the year ended short of it, None while it runs."""
        if self.count >= self.target:
            return True
        return False if self.final else None

    @property
    def remaining(self) -> int:
        return max(self.target - self.count, 0)


def count_window(period_start: date, period_end: date, today: date) -> tuple[date, date, bool]:
    """The part of the year a yearly-count standard is judged over for a period: from 1 January of the
    period's year to the period's end (exclusive), and whether that is the whole year and already over."""
    year_start = date(period_start.year, 1, 1)
    year_end = date(period_start.year + 1, 1, 1)
    end = min(period_end, year_end)
    return year_start, end, end == year_end and today >= year_end


def judge_count(count: int, target: int, *, final: bool) -> CountJudgement:
    if count < 0 or target < 0:
        raise ValueError("횟수와 목표는 0 이상이어야 합니다.")
    return CountJudgement(count, target, final)
