"""Business calendars of a Korean agency: business days and working periods (pure, no clock, no I/O).

There are two calendars, and every deadline says which one it counted on:

- **The law's calendar** (``law_calendar``, ``BusinessCalendar.law``): Saturdays, Sundays and public
  holidays (관공서의 공휴일: 공휴일법 §2 and §3, substitute, temporary and election days included) are not
  business days, and nothing else changes that. Every statutory deadline (민원처리법 제19조, 시행령
  제13·19·21·23조) is counted on it.
- **The agency's calendar** (``agency_calendar``, ``BusinessCalendar.korean``): the law's calendar plus
  the agency's own closed days (``closures``) and days worked although they are weekends or holidays
  (``extra_working_days``, which win over everything). Only the charter promise and the agency's own
  working reminders count on it. A closure is not a public holiday, and an extra working Saturday is
  still a Saturday in the law's eyes.
- The working day is 09:00–12:00 and 13:00–18:00, i.e. 8 working hours (민원실 09–18, lunch excluded),
  unless the agency configures other periods.
- Every moment is interpreted in Asia/Seoul; naive datetimes are refused.

Holidays come from ``public_holidays`` (the ``holidays`` package plus a local table of temporary and
election days), computed once per year per process, so building a calendar per request is cheap. A calendar knows the holidays of the years it was built for
only; dates in other years are treated as plain weekdays/weekends.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType
from zoneinfo import ZoneInfo

from .public_holidays import TEMPORARY_HOLIDAYS, holidays_of_years, korean_holidays

__all__ = [
    "AGENCY_CALENDAR_LABEL",
    "DEFAULT_PERIODS",
    "LAW_CALENDAR_LABEL",
    "SEOUL",
    "TEMPORARY_HOLIDAYS",
    "BusinessCalendar",
    "agency_calendar",
    "format_date_ko",
    "format_dt_ko",
    "hours_to_timedelta",
    "korean_holidays",
    "law_calendar",
]

SEOUL = ZoneInfo("Asia/Seoul")

Periods = tuple[tuple[time, time], ...]
DEFAULT_PERIODS: Periods = ((time(9), time(12)), (time(13), time(18)))

# What each calendar leaves out, in the words shown next to a deadline.
LAW_CALENDAR_LABEL = "토요일·공휴일 제외(민원처리법 제19조)"
AGENCY_CALENDAR_LABEL = "기관 휴무일·추가 근무일 반영(기관 달력)"

# Upper bound on the number of consecutive days scanned for a business day; only a calendar that closes
# for years on end reaches it.
_MAX_SCAN_DAYS = 3700
_ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)
_SUNDAY, _SATURDAY = 6, 5


def hours_to_timedelta(hours: float | int | Decimal | timedelta) -> timedelta:
    """A number of working hours (or a timedelta) as a timedelta, exact to the microsecond for Decimals."""
    if isinstance(hours, timedelta):
        return hours
    if isinstance(hours, Decimal):
        return timedelta(microseconds=int((hours * 3_600_000_000).to_integral_value()))
    if isinstance(hours, int | float):
        return timedelta(hours=hours)
    raise TypeError(f"근무시간은 숫자 또는 timedelta여야 합니다: {hours!r}")


def _check_periods(periods: Periods) -> None:
    if not periods:
        raise ValueError("근무 시간대가 하나 이상 있어야 합니다.")
    previous_end: time | None = None
    for period in periods:
        start, end = period
        if not (isinstance(start, time) and isinstance(end, time)) or start.tzinfo or end.tzinfo:
            raise ValueError("근무 시간대는 시간대 정보가 없는 time 값의 (시작, 끝) 쌍이어야 합니다.")
        if not start < end or (previous_end is not None and start < previous_end):
            raise ValueError("근무 시간대는 겹치지 않고 시간 순서대로여야 합니다.")
        previous_end = end


@dataclass(frozen=True)
class BusinessCalendar:
    """Business days and working periods of one agency.

    ``holidays`` are the public holidays (names in ``holiday_names``), ``closures`` the agency's own closed
    days, ``extra_working_days`` days worked even on a weekend, holiday or closure, ``periods`` the
    working periods of a business day as (start, end) wall-clock times in ``tz``.
    """

    holidays: frozenset[date] = frozenset()
    closures: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()
    periods: Periods = DEFAULT_PERIODS
    tz: ZoneInfo = SEOUL
    holiday_names: Mapping[date, str] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, hash=False, repr=False
    )

    def __post_init__(self) -> None:
        periods = tuple((start, end) for start, end in self.periods)
        _check_periods(periods)
        object.__setattr__(self, "periods", periods)
        for name in ("holidays", "closures", "extra_working_days"):
            value = getattr(self, name)
            if not isinstance(value, frozenset):
                object.__setattr__(self, name, frozenset(value))
        if not isinstance(self.holiday_names, MappingProxyType):
            object.__setattr__(self, "holiday_names", MappingProxyType(dict(self.holiday_names)))

    @classmethod
    def korean(
        cls,
        years: Iterable[int],
        *,
        closures: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
        periods: Periods = DEFAULT_PERIODS,
        public_holidays: Mapping[date, str] | Iterable[date] = (),
    ) -> BusinessCalendar:
        """The calendar of Korean public holidays of `years` plus the agency's own days.
        ``public_holidays`` adds public holidays decreed after the ``holidays`` release in use (they
        belong to the law's calendar too)."""
        days, names = holidays_of_years(tuple(sorted(set(years))))
        if public_holidays:
            extra = (
                dict(public_holidays)
                if isinstance(public_holidays, Mapping)
                else dict.fromkeys(public_holidays, "공휴일")
            )
            names = MappingProxyType({**extra, **names})
            days = days | frozenset(extra)
        return cls(
            holidays=days,
            closures=frozenset(closures),
            extra_working_days=frozenset(extra_working_days),
            periods=tuple(periods),
            holiday_names=names,
        )

    @cached_property
    def law(self) -> BusinessCalendar:
        """The law's calendar of the same years: the public holidays only, without the agency's closures
        and extra working days, and the 민원실's working day 09:00–18:00 without lunch (8 hours)."""
        if self.is_law_calendar:
            return self
        return replace(self, closures=frozenset(), extra_working_days=frozenset(), periods=DEFAULT_PERIODS)

    @property
    def is_law_calendar(self) -> bool:
        """Whether this is the law's calendar (no agency days, the statutory working day)."""
        return not self.closures and not self.extra_working_days and self.periods == DEFAULT_PERIODS

    @property
    def label_ko(self) -> str:
        """What this calendar leaves out, in Korean (shown next to a deadline)."""
        return LAW_CALENDAR_LABEL if self.is_law_calendar else AGENCY_CALENDAR_LABEL

    # --- days ---------------------------------------------------------------------------------------
    def _as_day(self, day: date) -> date:
        if isinstance(day, datetime):
            return self._local(day).date()
        return day

    @staticmethod
    def _weekday_counts(day: date, saturdays_count: bool) -> bool:
        weekday = day.weekday()
        return weekday < _SATURDAY or (saturdays_count and weekday == _SATURDAY)

    def is_business_day(self, day: date, *, saturdays_count: bool = False) -> bool:
        """Whether `day` is a business day. With ``saturdays_count`` a Saturday counts unless it is a
        holiday or closure (정보공개 처리기간 in agencies that count Saturdays)."""
        day = self._as_day(day)
        if day in self.extra_working_days:
            return True
        if day in self.holidays or day in self.closures:
            return False
        return self._weekday_counts(day, saturdays_count)

    def next_business_day(self, day: date, *, saturdays_count: bool = False) -> date:
        """`day` itself when it is a business day, else the first business day after it."""
        day = self._as_day(day)
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_business_day(day, saturdays_count=saturdays_count):
                return day
            day += _ONE_DAY
        raise ValueError("근무일을 찾을 수 없습니다. 달력의 휴무일 설정을 확인하세요.")

    @cached_property
    def _exceptions(self) -> tuple[date, ...]:
        """Days whose status may differ from the plain weekday rule, sorted."""
        return tuple(sorted(self.holidays | self.closures | self.extra_working_days))

    def _weekdays_between(self, start: date, end: date, saturdays_count: bool) -> int:
        """Days in [start, end] counted by the weekday rule alone."""
        length = (end - start).days + 1
        if length <= 0:
            return 0
        weeks, rest = divmod(length, 7)
        per_week = 6 if saturdays_count else 5
        first = start.weekday()
        counted = sum(
            1
            for offset in range(rest)
            if (first + offset) % 7 < _SATURDAY or (saturdays_count and (first + offset) % 7 == _SATURDAY)
        )
        return weeks * per_week + counted

    def business_days_between(self, start: date, end: date, *, saturdays_count: bool = False) -> int:
        """The number of business days in [start, end], both ends included (0 when end < start).

        With ``start`` a business day, ``business_days_between(start, add_business_days(start, n)) == n``.
        """
        start, end = self._as_day(start), self._as_day(end)
        if end < start:
            return 0
        count = self._weekdays_between(start, end, saturdays_count)
        exceptions = self._exceptions
        for day in exceptions[bisect_left(exceptions, start) : bisect_right(exceptions, end)]:
            count += self.is_business_day(day, saturdays_count=saturdays_count) - self._weekday_counts(
                day, saturdays_count
            )
        return count

    def add_business_days(self, day: date, n: int, *, saturdays_count: bool = False) -> date:
        """The n-th business day counting `day` as day 1 when it is a business day (초일 산입); when it
        is not, the next business day is day 1."""
        if n < 1:
            raise ValueError("일수는 1 이상이어야 합니다.")
        current = self.next_business_day(day, saturdays_count=saturdays_count)
        remaining = n - 1
        per_week = 6 if saturdays_count else 5
        scanned = 0
        # Jump whole weeks while many days remain. A week holds at most `per_week` business days, so a
        # jump never reaches the last one and the final steps are walked day by day.
        while (weeks := (remaining - 1) // per_week) > 0:
            target = current + timedelta(weeks=weeks)
            remaining -= self.business_days_between(
                current + _ONE_DAY, target, saturdays_count=saturdays_count
            )
            current = target
            scanned += weeks * 7
            if scanned > _MAX_SCAN_DAYS * 10:
                raise ValueError("근무일을 찾을 수 없습니다. 달력의 휴무일 설정을 확인하세요.")
        while remaining > 0:
            current = self.next_business_day(current + _ONE_DAY, saturdays_count=saturdays_count)
            remaining -= 1
        return current

    # --- working time -------------------------------------------------------------------------------
    @cached_property
    def working_day(self) -> timedelta:
        """The working time of one business day."""
        base = date(2000, 1, 1)
        return sum(
            (datetime.combine(base, end) - datetime.combine(base, start) for start, end in self.periods),
            _ZERO,
        )

    @property
    def hours_per_day(self) -> Decimal:
        """Working hours in one business day (8 for the default periods)."""
        return Decimal(int(self.working_day.total_seconds())) / Decimal(3600)

    def _local(self, moment: datetime) -> datetime:
        if not isinstance(moment, datetime):
            raise TypeError(f"datetime이 필요합니다: {moment!r}")
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("시각에 시간대(timezone)가 없습니다. 시간대가 있는 datetime을 주세요.")
        return moment.astimezone(self.tz)

    def _at(self, day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, self.tz)

    def working_periods(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working periods of `day` as aware datetimes (none on a non-business day)."""
        if not self.is_business_day(day):
            return []
        return [(self._at(day, start), self._at(day, end)) for start, end in self.periods]

    def start_of_day(self, day: date) -> datetime:
        """The start of the first working period of `day`."""
        return self._at(day, self.periods[0][0])

    def end_of_day(self, day: date) -> datetime:
        """The end of the last working period of `day` (18:00 by default)."""
        return self._at(day, self.periods[-1][1])

    def is_working_moment(self, moment: datetime) -> bool:
        """Whether `moment` lies inside a working period of a business day (start included, end not)."""
        local = self._local(moment)
        return any(start <= local < end for start, end in self.working_periods(local.date()))

    def next_working_moment(self, moment: datetime) -> datetime:
        """`moment` itself when it lies inside a working period of a business day, else the start of the
        next working period: 12:00 → 13:00, 18:00 → 09:00 of the next business day."""
        local = self._local(moment)
        for start, end in self.working_periods(local.date()):
            if local < end:
                return max(local, start)
        return self.start_of_day(self.next_business_day(local.date() + _ONE_DAY))

    def add_working_hours(self, moment: datetime, hours: float | int | Decimal | timedelta) -> datetime:
        """The instant `hours` of working time are used up, counting from ``next_working_moment(moment)``.

        Time that runs out exactly at the end of a period gives that end (12:00 or 18:00), not the start
        of the next period; zero hours give the next working moment itself.
        """
        remaining = hours_to_timedelta(hours)
        if remaining < _ZERO:
            raise ValueError("근무시간은 0 이상이어야 합니다.")
        current = self.next_working_moment(moment)
        day = current.date()
        for start, end in self.working_periods(day):
            if end <= current:
                continue
            available = end - max(start, current)
            if remaining <= available:
                return max(start, current) + remaining
            remaining -= available
        # Whole business days are skipped at once; the last (partial or full) day is walked.
        per_day = self.working_day
        full_days = -(-remaining // per_day) - 1
        remaining -= per_day * full_days
        day = self.add_business_days(day + _ONE_DAY, full_days + 1)
        for start, end in self.working_periods(day):
            if remaining <= end - start:
                return start + remaining
            remaining -= end - start
        raise AssertionError("unreachable: the remaining time fits in one working day")

    def _worked_on(self, day: date, low: datetime, high: datetime) -> timedelta:
        total = _ZERO
        for start, end in self.working_periods(day):
            span = min(end, high) - max(start, low)
            if span > _ZERO:
                total += span
        return total

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time elapsed from `start` to `end` (zero when `end` is not later)."""
        start, end = self._local(start), self._local(end)
        if end <= start:
            return _ZERO
        first, last = start.date(), end.date()
        if first == last:
            return self._worked_on(first, start, end)
        total = self._worked_on(first, start, self._at(first + _ONE_DAY, time.min))
        total += self._worked_on(last, self._at(last, time.min), end)
        return total + self.working_day * self.business_days_between(first + _ONE_DAY, last - _ONE_DAY)


def law_calendar(years: Iterable[int], *, public_holidays: Iterable[date] = ()) -> BusinessCalendar:
    """The law's calendar of `years`: Saturdays, Sundays and public holidays are not business days."""
    return BusinessCalendar.korean(years, public_holidays=public_holidays)


def agency_calendar(
    years: Iterable[int],
    *,
    closures: Iterable[date] = (),
    extra_working_days: Iterable[date] = (),
    public_holidays: Iterable[date] = (),
) -> BusinessCalendar:
    """The agency's calendar of `years`: the law's calendar with the agency's closures and extra working
    days. Its ``law`` is the law's calendar of the same years."""
    return BusinessCalendar.korean(
        years, closures=closures, extra_working_days=extra_working_days, public_holidays=public_holidays
    )


def format_dt_ko(moment: datetime, tz: ZoneInfo = SEOUL) -> str:
    """A moment the Korean way, in Asia/Seoul: ``2026. 10. 2. 18:00``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("시각에 시간대(timezone)가 없습니다. 시간대가 있는 datetime을 주세요.")
    local = moment.astimezone(tz)
    return f"{local.year}. {local.month}. {local.day}. {local:%H:%M}"


def format_date_ko(day: date) -> str:
    """A date the Korean way: ``2026. 10. 2.``"""
    return f"{day.year}. {day.month}. {day.day}."
