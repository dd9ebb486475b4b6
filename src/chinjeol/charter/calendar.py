"""The business calendar of a Korean agency: working days and working periods (pure, no clock).

Saturdays, Sundays and public holidays (공휴일: substitute, temporary and election days included) are
not business days; the agency adds its own closures and extra working days as data. The working day is
09:00–12:00 and 13:00–18:00 (8 hours) unless the agency configures other periods.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holidays_lib

SEOUL = ZoneInfo("Asia/Seoul")
DEFAULT_PERIODS: tuple[tuple[time, time], ...] = ((time(9), time(12)), (time(13), time(18)))

# Temporary public holidays and election days, kept locally because a `holidays` release may add a
# newly decreed day only later. The agency adds further ones as closures.
TEMPORARY_HOLIDAYS: dict[date, str] = {
    date(2015, 8, 14): "임시공휴일",
    date(2016, 5, 6): "임시공휴일",
    date(2017, 10, 2): "임시공휴일",
    date(2020, 8, 17): "임시공휴일",
    date(2023, 10, 2): "임시공휴일",
    date(2024, 10, 1): "국군의 날(임시공휴일)",
    date(2025, 1, 27): "임시공휴일",
    date(2025, 6, 3): "대통령선거일",
    date(2026, 6, 3): "전국동시지방선거일",
}
_MAX_SCAN_DAYS = 3700


@lru_cache(maxsize=64)
def korean_holidays(year: int) -> tuple[tuple[date, str], ...]:
    found = dict(holidays_lib.KR(years=year, language="ko").items())
    for day, name in TEMPORARY_HOLIDAYS.items():
        if day.year == year:
            found.setdefault(day, name)
    return tuple(sorted(found.items()))


@dataclass(frozen=True)
class BusinessCalendar:
    holidays: frozenset[date] = frozenset()
    closures: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()
    periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS
    holiday_names: Mapping[date, str] = field(default_factory=dict, compare=False, hash=False)
    tz: ZoneInfo = SEOUL

    @classmethod
    def korean(
        cls,
        years: Iterable[int],
        *,
        closures: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
        periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS,
    ) -> BusinessCalendar:
        names: dict[date, str] = {}
        for year in sorted(set(years)):
            names.update(korean_holidays(year))
        _check_periods(periods)
        return cls(
            holidays=frozenset(names),
            closures=frozenset(closures),
            extra_working_days=frozenset(extra_working_days),
            periods=tuple(periods),
            holiday_names=names,
        )

    # --- days -------------------------------------------------------------------------------
    def is_business_day(self, day: date, *, saturdays_count: bool = False) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.holidays or day in self.closures:
            return False
        weekday = day.weekday()
        if weekday == 6:
            return False
        if weekday == 5:
            return saturdays_count
        return True

    def next_business_day(self, day: date, *, saturdays_count: bool = False) -> date:
        """`day` itself when it is a business day, else the next one."""
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_business_day(day, saturdays_count=saturdays_count):
                return day
            day += timedelta(days=1)
        raise ValueError("영업일을 찾을 수 없습니다 (달력 설정을 확인하세요).")

    def add_business_days(self, day: date, n: int, *, saturdays_count: bool = False) -> date:
        """The n-th business day counting `day` as day 1 when it is a business day (초일 산입)."""
        if n < 1:
            raise ValueError("일수는 1 이상이어야 합니다.")
        current = self.next_business_day(day, saturdays_count=saturdays_count)
        counted = 1
        while counted < n:
            current = self.next_business_day(current + timedelta(days=1), saturdays_count=saturdays_count)
            counted += 1
        return current

    def business_days_between(self, start: date, end: date) -> int:
        """Business days in [start, end]."""
        count = 0
        day = start
        while day <= end:
            count += self.is_business_day(day)
            day += timedelta(days=1)
        return count

    # --- hours ------------------------------------------------------------------------------
    @property
    def hours_per_day(self) -> Decimal:
        seconds = sum(
            (datetime.combine(date.min, end) - datetime.combine(date.min, start)).total_seconds()
            for start, end in self.periods
        )
        return Decimal(str(seconds / 3600))

    def end_of_day(self, day: date) -> datetime:
        return datetime.combine(day, self.periods[-1][1], self.tz)

    def _local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("시각에 시간대(timezone)가 없습니다.")
        return moment.astimezone(self.tz)

    def next_working_moment(self, moment: datetime) -> datetime:
        """`moment` itself when inside a working period of a business day, else the start of the next
        working period (12:00 → 13:00, 18:00 → next business day 09:00)."""
        local = self._local(moment)
        day = local.date()
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_business_day(day):
                for start, end in self.periods:
                    period_start = datetime.combine(day, start, self.tz)
                    period_end = datetime.combine(day, end, self.tz)
                    if local < period_end:
                        return max(local, period_start)
            day += timedelta(days=1)
            local = datetime.combine(day, time.min, self.tz)
        raise ValueError("근무 시간을 찾을 수 없습니다 (달력 설정을 확인하세요).")

    def _period_end(self, moment: datetime) -> datetime:
        for start, end in self.periods:
            if start <= moment.timetz().replace(tzinfo=None) < end:
                return datetime.combine(moment.date(), end, self.tz)
        raise ValueError("근무 시간 밖의 시각입니다.")

    def add_working_hours(self, moment: datetime, hours) -> datetime:
        """The instant `hours` of working time are used up from `moment` (itself moved to the next
        working moment). A period that ends exactly at a period's end returns that end (12:00, 18:00)."""
        remaining = hours if isinstance(hours, timedelta) else timedelta(hours=float(hours))
        if remaining < timedelta(0):
            raise ValueError("시간은 0 이상이어야 합니다.")
        current = self.next_working_moment(moment)
        for _ in range(_MAX_SCAN_DAYS * len(self.periods)):
            period_end = self._period_end(current)
            available = period_end - current
            if remaining <= available:
                return current + remaining
            remaining -= available
            current = self.next_working_moment(period_end)
        raise ValueError("근무 시간을 찾을 수 없습니다 (달력 설정을 확인하세요).")

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time elapsed from `start` to `end` (zero when end is not later)."""
        total = timedelta(0)
        current = self.next_working_moment(start)
        end = self._local(end)
        while current < end:
            period_end = self._period_end(current)
            total += min(period_end, end) - current
            current = self.next_working_moment(period_end)
        return total


def _check_periods(periods) -> None:
    if not periods:
        raise ValueError("근무 시간대가 하나 이상 있어야 합니다.")
    previous_end = None
    for start, end in periods:
        if not start < end or (previous_end is not None and start < previous_end):
            raise ValueError("근무 시간대는 겹치지 않고 시간 순서대로여야 합니다.")
        previous_end = end


def format_dt_ko(moment: datetime, tz: ZoneInfo = SEOUL) -> str:
    """2026. 10. 2. 18:00"""
    local = moment.astimezone(tz)
    return f"{local.year}. {local.month}. {local.day}. {local:%H:%M}"


def format_date_ko(day: date) -> str:
    return f"{day.year}. {day.month}. {day.day}."
