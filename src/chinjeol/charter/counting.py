"""Counting a period on a business calendar (민원처리법 제19조), pure: no clock, no I/O.

``due_at`` (= ``legal_due_at``) always counts on the law's calendar, ``promise_due_at`` on the agency's
calendar it is given, ``count_on`` on exactly the calendar it is given. Each
``Deadline`` records the calendar it was counted on (``"law"`` or ``"agency"``). The rules are
described in ``chinjeol.charter.rules``.
"""

from __future__ import annotations

import calendar as _months
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from .calendar import AGENCY_CALENDAR_LABEL, LAW_CALENDAR_LABEL, BusinessCalendar, format_dt_ko
from .periods import Period

__all__ = [
    "AGENCY",
    "CALENDAR_LABELS",
    "LAW",
    "Deadline",
    "Deadlines",
    "calendar_unit_last_day",
    "count_on",
    "day_counted_due",
    "due_at",
    "legal_due_at",
    "promise_due_at",
    "require_aware",
]

# Which calendar a deadline was counted on.
LAW, AGENCY = "law", "agency"
CALENDAR_LABELS: Mapping[str, str] = MappingProxyType(
    {LAW: LAW_CALENDAR_LABEL, AGENCY: AGENCY_CALENDAR_LABEL}
)


@dataclass(frozen=True)
class Deadline:
    """A deadline with its Korean explanation. ``counted_from`` is the moment counting started;
    ``calendar`` is ``"law"`` or ``"agency"``: the calendar it was counted on."""

    due_at: datetime
    rule: str
    period: Period
    counted_from: datetime | None = None
    calendar: str = LAW

    @property
    def calendar_label(self) -> str:
        """The calendar in words: ``토요일·공휴일 제외(민원처리법 제19조)`` or the agency's."""
        return CALENDAR_LABELS[self.calendar]


class Deadlines(NamedTuple):
    """The legal deadline, the charter's promise (None without one) and the one that binds."""

    legal: Deadline
    promise: Deadline | None
    binding: Deadline


def require_aware(*moments: datetime | None) -> None:
    for moment in moments:
        if moment is not None and (moment.tzinfo is None or moment.utcoffset() is None):
            raise ValueError("시각에 시간대(timezone)가 없습니다. 시간대가 있는 datetime을 주세요.")


def day_counted_due(
    first_day_from: datetime, period: Period, calendar: BusinessCalendar, *, first_day_is_next: bool = False
) -> datetime:
    day = first_day_from.astimezone(calendar.tz).date()
    if first_day_is_next:
        day += timedelta(days=1)
    if period.in_calendar_units:
        last_day = calendar.next_business_day(calendar_unit_last_day(day, period))
        return calendar.end_of_day(last_day)
    last_day = calendar.add_business_days(day, period.days, saturdays_count=period.saturdays_count)
    if period.saturdays_count:
        last_day = calendar.next_business_day(last_day)
    return calendar.end_of_day(last_day)


def calendar_unit_last_day(first_day: date, period: Period) -> date:
    """The last day of a period of weeks, months or years that counts `first_day` (법 §19③, 민법
    제160조): the day before the corresponding day, or the month's last day when it has none."""
    if period.weeks is not None:
        return first_day + timedelta(weeks=period.weeks) - timedelta(days=1)
    months = period.months if period.months is not None else 12 * period.years
    year, month = divmod(first_day.month - 1 + months, 12)
    year += first_day.year
    month += 1
    length = _months.monthrange(year, month)[1]
    if first_day.day > length:
        return date(year, month, length)
    return date(year, month, first_day.day) - timedelta(days=1)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _how_counted(period: Period, calendar: BusinessCalendar) -> str:
    law = calendar.is_law_calendar
    left_out = "토요일·공휴일 제외" if law else "토요일·공휴일·기관 휴무일 제외, 기관 추가 근무일 포함"
    article = "민원처리법 제19조" if law else "기관 달력"
    if period.hours is not None:
        return f"{article}{'①' if law else ''}: {period.label_ko}({left_out})"
    if period.counted_in_hours:
        hours = _number(period.working_hours(calendar))
        per_day = _number(calendar.hours_per_day)
        return (
            f"{article}{'①' if law else ''}: {period.label_ko} = {hours}근무시간"
            f"(1일 {per_day}근무시간, {left_out})"
        )
    if period.in_calendar_units:
        return f"{article}{'③' if law else ''}: {period.label_ko}(초일 산입, 말일이 토요일·공휴일이면 다음 근무일)"
    if period.saturdays_count:
        return (
            f"처리기간 {period.label_ko}(초일 산입, 토요일 산입·공휴일 제외, "
            "말일이 토요일·공휴일이면 다음 근무일)"
        )
    return f"{article}{'②' if law else ''}: {period.label_ko}(초일 산입, {left_out})"


def count_on(received_at: datetime, period: Period, calendar: BusinessCalendar) -> Deadline:
    """The deadline of `period` for a case received at `received_at`, counted on `calendar` exactly as
    given (the law's or the agency's). ``due_at`` is the statutory deadline, ``promise_due_at`` the
    charter's.

    Counting starts at ``calendar.next_working_moment(received_at)``: a case received on Friday at 19:00
    counts from Monday 09:00, and Monday is day 1. With ``period.saturdays_count`` Saturdays count as
    days, and a last day that falls on a Saturday or holiday moves to the next business day.
    """
    require_aware(received_at)
    start = calendar.next_working_moment(received_at)
    if period.counted_in_hours:
        due = calendar.add_working_hours(start, period.working_hours(calendar))
    else:
        due = day_counted_due(start, period, calendar)
    rule = f"{_how_counted(period, calendar)}, {format_dt_ko(due)} 만료"
    if start != received_at:
        day = received_at.astimezone(calendar.tz).date()
        closed = not calendar.is_business_day(day) and calendar.law.is_business_day(day)
        rule += f" ({'기관 휴무일' if closed else '근무시간 외'} 접수: {format_dt_ko(start)}부터 계산)"
    which = LAW if calendar.is_law_calendar else AGENCY
    return Deadline(due_at=due, rule=rule, period=period, counted_from=start, calendar=which)


def due_at(received_at: datetime, period: Period, calendar: BusinessCalendar) -> Deadline:
    """The statutory deadline of `period` (법 §19): counted on the law's calendar (``calendar.law``)
    whatever calendar is given, so the agency's closures and extra working days never move it."""
    return count_on(received_at, period, calendar.law)


legal_due_at = due_at


def promise_due_at(received_at: datetime, period: Period, calendar: BusinessCalendar) -> Deadline:
    """The charter's promised deadline of `period`: counted on the agency's calendar as given, its
    closures and extra working days included."""
    return count_on(received_at, period, calendar)
