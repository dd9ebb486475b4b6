from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chinjeol.charter.calendar import (
    DEFAULT_PERIODS,
    TEMPORARY_HOLIDAYS,
    BusinessCalendar,
    format_date_ko,
    format_dt_ko,
    hours_to_timedelta,
    korean_holidays,
)

KST = ZoneInfo("Asia/Seoul")
CAL = BusinessCalendar.korean(range(2023, 2030))


def at(y, mo, d, h=9, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


# --- holidays -------------------------------------------------------------------------------------


def test_chuseok_2026_has_no_substitute_day():
    for day in (date(2026, 9, 24), date(2026, 9, 25), date(2026, 9, 26)):
        assert not CAL.is_business_day(day)
        assert not CAL.is_business_day(day, saturdays_count=True)
    assert CAL.holiday_names[date(2026, 9, 25)] == "추석"
    assert CAL.is_business_day(date(2026, 9, 23))
    assert CAL.is_business_day(date(2026, 9, 28))  # Monday after: no 대체공휴일


def test_seollal_2027_with_substitute_day():
    for day in (date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8), date(2027, 2, 9)):
        assert not CAL.is_business_day(day)
    assert "대체" in CAL.holiday_names[date(2027, 2, 9)]
    assert CAL.is_business_day(date(2027, 2, 5))
    assert CAL.is_business_day(date(2027, 2, 10))


def test_other_2026_holidays():
    assert not CAL.is_business_day(date(2026, 6, 3))  # 지방선거일
    assert not CAL.is_business_day(date(2026, 7, 17))  # 제헌절 (공휴일 from 2026)
    assert not CAL.is_business_day(date(2026, 10, 5))  # 개천절 (Sat) 대체공휴일
    assert not CAL.is_business_day(date(2026, 5, 1))  # 노동절
    assert not CAL.is_business_day(date(2026, 8, 17))  # 광복절 대체공휴일
    assert CAL.is_business_day(date(2026, 6, 8))  # 현충일 on Saturday has no substitute
    assert CAL.is_business_day(date(2025, 5, 1))  # 근로자의날 was not a public holiday in 2025


def test_temporary_holidays_are_included():
    for day in (date(2025, 1, 27), date(2024, 10, 1), date(2023, 10, 2), date(2025, 6, 3), date(2026, 6, 3)):
        assert day in TEMPORARY_HOLIDAYS
        assert day in CAL.holidays
        assert not CAL.is_business_day(day)
    years = set(range(2023, 2030))
    assert {d for d in TEMPORARY_HOLIDAYS if d.year in years} <= CAL.holidays
    assert (date(2025, 1, 27), "임시공휴일") in korean_holidays(2025)


def test_building_is_cached_and_calendars_compare_by_value():
    a = BusinessCalendar.korean([2026, 2027])
    b = BusinessCalendar.korean([2027, 2026, 2026])
    assert a.holidays is b.holidays
    assert a == b and hash(a) == hash(b)
    assert a != BusinessCalendar.korean([2026, 2027], closures=[date(2026, 11, 24)])


def test_weekends_and_saturdays_count():
    saturday, sunday = date(2026, 11, 21), date(2026, 11, 22)
    assert not CAL.is_business_day(saturday)
    assert CAL.is_business_day(saturday, saturdays_count=True)
    assert not CAL.is_business_day(sunday, saturdays_count=True)


def test_closure_and_extra_working_day():
    cal = BusinessCalendar.korean(
        [2026],
        closures=[date(2026, 11, 24)],
        extra_working_days=[date(2026, 11, 28), date(2026, 10, 5)],
    )
    assert not cal.is_business_day(date(2026, 11, 24))
    assert cal.is_business_day(date(2026, 11, 28))  # a Saturday worked
    assert cal.is_business_day(date(2026, 10, 5))  # a substitute holiday worked
    assert cal.add_working_hours(at(2026, 11, 23, 17), 2) == at(2026, 11, 25, 10)
    assert cal.next_working_moment(at(2026, 11, 27, 18)) == at(2026, 11, 28, 9)
    assert cal.add_business_days(date(2026, 11, 23), 5) == date(2026, 11, 28)


# --- working periods ------------------------------------------------------------------------------


def test_hours_per_day():
    assert CAL.hours_per_day == 8
    assert CAL.hours_per_day == Decimal(8)
    assert CAL.working_day == timedelta(hours=8)
    no_lunch = BusinessCalendar.korean([2026], periods=((time(9), time(18)),))
    assert no_lunch.hours_per_day == 9
    assert CAL.periods == DEFAULT_PERIODS


@pytest.mark.parametrize(
    "periods",
    [(), ((time(12), time(9)),), ((time(9), time(13)), (time(12), time(18)))],
)
def test_invalid_periods_are_refused(periods):
    with pytest.raises(ValueError, match="근무 시간대"):
        BusinessCalendar.korean([2026], periods=periods)


def test_next_working_moment():
    assert CAL.next_working_moment(at(2026, 11, 23, 10, 30)) == at(2026, 11, 23, 10, 30)
    assert CAL.next_working_moment(at(2026, 11, 23, 8)) == at(2026, 11, 23, 9)
    assert CAL.next_working_moment(at(2026, 11, 23, 12)) == at(2026, 11, 23, 13)
    assert CAL.next_working_moment(at(2026, 11, 23, 12, 30)) == at(2026, 11, 23, 13)
    assert CAL.next_working_moment(at(2026, 11, 23, 18)) == at(2026, 11, 24, 9)
    assert CAL.next_working_moment(at(2026, 11, 20, 19)) == at(2026, 11, 23, 9)  # Friday evening
    assert CAL.next_working_moment(at(2026, 9, 23, 18)) == at(2026, 9, 28, 9)  # 추석
    assert CAL.next_working_moment(at(2027, 2, 5, 18)) == at(2027, 2, 10, 9)  # 설날 + 대체공휴일


def test_moments_in_other_time_zones_are_returned_in_seoul():
    utc_moment = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 10:00 in Seoul
    result = CAL.next_working_moment(utc_moment)
    assert result == at(2026, 11, 23, 10)
    assert result.tzinfo == KST
    assert CAL.add_working_hours(datetime(2026, 11, 23, 8, 0, tzinfo=UTC), 1).tzinfo == KST  # 17:00 KST
    assert CAL.add_working_hours(datetime(2026, 11, 23, 8, 0, tzinfo=UTC), 1) == at(2026, 11, 23, 18)


def test_naive_datetimes_are_refused():
    for call in (
        lambda: CAL.next_working_moment(datetime(2026, 11, 23, 10)),
        lambda: CAL.add_working_hours(datetime(2026, 11, 23, 10), 1),
        lambda: CAL.working_time_between(datetime(2026, 11, 23, 10), at(2026, 11, 23, 11)),
        lambda: format_dt_ko(datetime(2026, 11, 23, 10)),
    ):
        with pytest.raises(ValueError, match="시간대"):
            call()


def test_add_working_hours_across_lunch_and_evenings():
    assert CAL.add_working_hours(at(2026, 11, 23, 17), 3) == at(2026, 11, 24, 11)
    assert CAL.add_working_hours(at(2026, 11, 23, 10), 2) == at(2026, 11, 23, 12)  # the end, not 13:00
    assert CAL.add_working_hours(at(2026, 11, 23, 16), 2) == at(2026, 11, 23, 18)  # the end, not 09:00
    assert CAL.add_working_hours(at(2026, 11, 23, 12, 30), 1) == at(2026, 11, 23, 14)
    assert CAL.add_working_hours(at(2026, 11, 23, 11), 2) == at(2026, 11, 23, 14)
    assert CAL.add_working_hours(at(2026, 11, 23, 9), 40) == at(2026, 11, 27, 18)
    assert CAL.add_working_hours(at(2026, 11, 23, 9), 41) == at(2026, 11, 30, 10)


def test_add_working_hours_accepts_numbers_and_timedeltas():
    start = at(2026, 11, 23, 10)
    assert CAL.add_working_hours(start, Decimal("1.5")) == at(2026, 11, 23, 11, 30)
    assert CAL.add_working_hours(start, 1.5) == at(2026, 11, 23, 11, 30)
    assert CAL.add_working_hours(start, timedelta(minutes=150)) == at(2026, 11, 23, 13, 30)
    assert CAL.add_working_hours(at(2026, 11, 23, 12, 30), 0) == at(2026, 11, 23, 13)
    with pytest.raises(ValueError):
        CAL.add_working_hours(start, -1)


def test_add_working_hours_across_holidays():
    assert CAL.add_working_hours(at(2026, 9, 23, 17), 3) == at(2026, 9, 28, 11)  # 추석
    assert CAL.add_working_hours(at(2027, 2, 5, 15), 3) == at(2027, 2, 5, 18)
    assert CAL.add_working_hours(at(2027, 2, 5, 15), 5) == at(2027, 2, 10, 11)  # 설날 + 대체공휴일
    assert CAL.add_working_hours(at(2026, 6, 2, 17), 16) == at(2026, 6, 5, 17)  # 지방선거일
    assert CAL.add_working_hours(at(2026, 7, 16, 17), 3) == at(2026, 7, 20, 11)  # 제헌절
    assert CAL.add_working_hours(at(2026, 10, 2, 16), 3) == at(2026, 10, 6, 10)  # 개천절 대체공휴일


def test_add_business_days():
    assert CAL.add_business_days(date(2026, 9, 23), 1) == date(2026, 9, 23)
    assert CAL.add_business_days(date(2026, 9, 23), 2) == date(2026, 9, 28)
    assert CAL.add_business_days(date(2026, 9, 23), 7) == date(2026, 10, 6)
    assert CAL.add_business_days(date(2026, 11, 21), 1) == date(2026, 11, 23)  # Saturday → Monday is day 1
    assert CAL.add_business_days(date(2026, 11, 23), 6, saturdays_count=True) == date(2026, 11, 28)
    assert CAL.add_business_days(date(2026, 1, 2), 250) == reference_add(date(2026, 1, 2), 250)
    with pytest.raises(ValueError):
        CAL.add_business_days(date(2026, 11, 23), 0)


def test_business_days_between():
    assert CAL.business_days_between(date(2026, 11, 23), date(2026, 11, 29)) == 5
    assert CAL.business_days_between(date(2026, 11, 23), date(2026, 11, 29), saturdays_count=True) == 6
    assert CAL.business_days_between(date(2026, 9, 21), date(2026, 10, 9)) == 11
    assert CAL.business_days_between(date(2026, 11, 23), date(2026, 11, 23)) == 1
    assert CAL.business_days_between(date(2026, 11, 23), date(2026, 11, 22)) == 0
    assert CAL.business_days_between(date(2026, 1, 1), date(2026, 12, 31)) == reference_between(
        date(2026, 1, 1), date(2026, 12, 31)
    )


def test_working_time_between():
    assert CAL.working_time_between(at(2026, 11, 23, 17), at(2026, 11, 24, 10)) == timedelta(hours=2)
    assert CAL.working_time_between(at(2026, 11, 23, 11), at(2026, 11, 23, 14)) == timedelta(hours=2)
    assert CAL.working_time_between(at(2026, 11, 20, 17), at(2026, 11, 23, 10)) == timedelta(hours=2)
    assert CAL.working_time_between(at(2026, 9, 23, 9), at(2026, 10, 6, 18)) == timedelta(hours=7 * 8)
    assert CAL.working_time_between(at(2026, 11, 24, 10), at(2026, 11, 23, 17)) == timedelta(0)
    assert CAL.working_time_between(at(2026, 11, 23, 19), at(2026, 11, 23, 23)) == timedelta(0)


def test_working_periods_and_day_bounds():
    assert CAL.working_periods(date(2026, 9, 25)) == []
    assert CAL.working_periods(date(2026, 11, 23)) == [
        (at(2026, 11, 23, 9), at(2026, 11, 23, 12)),
        (at(2026, 11, 23, 13), at(2026, 11, 23, 18)),
    ]
    assert CAL.end_of_day(date(2026, 11, 23)) == at(2026, 11, 23, 18)
    assert CAL.is_working_moment(at(2026, 11, 23, 9))
    assert not CAL.is_working_moment(at(2026, 11, 23, 12))
    assert not CAL.is_working_moment(at(2026, 11, 21, 10))


def test_format():
    assert format_dt_ko(at(2026, 10, 2, 18)) == "2026. 10. 2. 18:00"
    assert format_dt_ko(datetime(2026, 10, 2, 0, 5, tzinfo=UTC)) == "2026. 10. 2. 09:05"
    assert format_date_ko(date(2026, 1, 9)) == "2026. 1. 9."


# --- properties -----------------------------------------------------------------------------------


def reference_is_business(day, saturdays_count=False):
    if day in CAL.holidays:
        return False
    return day.weekday() < 5 or (saturdays_count and day.weekday() == 5)


def reference_add(day, n, saturdays_count=False):
    counted = 0
    while True:
        if reference_is_business(day, saturdays_count):
            counted += 1
            if counted == n:
                return day
        day += timedelta(days=1)


def reference_between(start, end, saturdays_count=False):
    return sum(
        reference_is_business(start + timedelta(days=i), saturdays_count)
        for i in range((end - start).days + 1)
    )


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 6, 30))
moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 6, 30)).map(
    lambda d: d.replace(tzinfo=KST)
)
positive_hours = st.decimals(min_value=Decimal("0.25"), max_value=Decimal("60"), places=2)


@settings(max_examples=150, deadline=None)
@given(days, st.integers(min_value=1, max_value=120), st.booleans())
def test_add_business_days_matches_day_by_day_counting(day, n, saturdays_count):
    assert CAL.add_business_days(day, n, saturdays_count=saturdays_count) == reference_add(
        day, n, saturdays_count
    )


@settings(max_examples=150, deadline=None)
@given(days, st.integers(min_value=-5, max_value=200), st.booleans())
def test_business_days_between_matches_day_by_day_counting(start, length, saturdays_count):
    end = start + timedelta(days=length)
    count = CAL.business_days_between(start, end, saturdays_count=saturdays_count)
    assert count == reference_between(start, end, saturdays_count)
    if CAL.is_business_day(start, saturdays_count=saturdays_count) and count:
        last = CAL.add_business_days(start, count, saturdays_count=saturdays_count)
        assert (
            last <= end and CAL.business_days_between(start, last, saturdays_count=saturdays_count) == count
        )


@settings(max_examples=150, deadline=None)
@given(moments)
def test_next_working_moment_is_a_working_moment(moment):
    result = CAL.next_working_moment(moment)
    assert result >= moment
    assert CAL.is_working_moment(result)
    assert CAL.next_working_moment(result) == result
    assert CAL.working_time_between(moment, result) == timedelta(0)


@settings(max_examples=150, deadline=None)
@given(moments, positive_hours, positive_hours)
def test_working_hours_add_up(start, h1, h2):
    assert CAL.add_working_hours(start, h1 + h2) == CAL.add_working_hours(
        CAL.add_working_hours(start, h1), h2
    )


@settings(max_examples=150, deadline=None)
@given(moments, positive_hours)
def test_working_time_between_inverts_add_working_hours(start, hours):
    due = CAL.add_working_hours(start, hours)
    assert CAL.working_time_between(start, due) == hours_to_timedelta(hours)
    assert CAL.is_business_day(due.date())
    assert any(s < due.timetz().replace(tzinfo=None) <= e for s, e in CAL.periods)
