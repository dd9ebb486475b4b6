from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chinjeol.charter import rules
from chinjeol.charter.calendar import BusinessCalendar, format_dt_ko
from chinjeol.charter.rules import ExtensionError, Period

KST = ZoneInfo("Asia/Seoul")
CAL = BusinessCalendar.korean(range(2024, 2029))


def at(y, mo, d, h=9, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


def test_korean_holidays_2026_and_2027():
    for day in [
        date(2026, 9, 24),
        date(2026, 9, 25),
        date(2026, 6, 3),
        date(2026, 7, 17),
        date(2026, 10, 5),
        date(2027, 2, 9),
        date(2026, 5, 1),
        date(2026, 8, 17),
    ]:
        assert not CAL.is_business_day(day), day
    assert CAL.is_business_day(date(2026, 9, 28))
    assert not CAL.is_business_day(date(2026, 11, 21))  # Saturday
    assert CAL.is_business_day(date(2026, 11, 21), saturdays_count=True)


def test_seven_days_across_chuseok_2026():
    deadline = rules.due_at(at(2026, 9, 23, 10), Period.of_days(7), CAL)
    assert deadline.due_at == at(2026, 10, 6, 18)
    assert "초일 산입" in deadline.rule and "2026. 10. 6. 18:00" in deadline.rule


def test_hours_before_seollal_2027_end_exactly_at_six():
    assert rules.due_at(at(2027, 2, 5, 15), Period.of_hours(3), CAL).due_at == at(2027, 2, 5, 18)
    assert rules.due_at(at(2027, 2, 5, 15), Period.of_hours(5), CAL).due_at == at(2027, 2, 10, 11)


def test_two_days_in_hours_over_local_election_day():
    # 2 days = 16 working hours: Tue 17-18, Wed 6/3 is election day, Thu 8h, Fri 9-12 and 13-17.
    assert rules.due_at(at(2026, 6, 2, 17), Period.of_days(2), CAL).due_at == at(2026, 6, 5, 17)


def test_hours_counting_lunch_and_evenings():
    assert CAL.add_working_hours(at(2026, 11, 23, 17), 3) == at(2026, 11, 24, 11)
    assert CAL.add_working_hours(at(2026, 11, 23, 10), 2) == at(2026, 11, 23, 12)
    assert CAL.add_working_hours(at(2026, 11, 23, 12, 30), 1) == at(2026, 11, 23, 14)
    assert CAL.next_working_moment(at(2026, 11, 23, 12)) == at(2026, 11, 23, 13)
    assert CAL.next_working_moment(at(2026, 11, 23, 18)) == at(2026, 11, 24, 9)


def test_friday_evening_counts_from_monday():
    deadline = rules.due_at(at(2026, 11, 20, 19), Period.of_days(7), CAL)  # Fri 19:00
    assert deadline.due_at == at(2026, 12, 1, 18)  # Mon 11/23 is day 1


def test_fourteen_days_and_other_kind():
    assert rules.due_at(at(2026, 11, 23, 10), rules.legal_period("suggestion"), CAL).due_at == at(
        2026, 12, 10, 18
    )
    assert rules.due_at(at(2026, 11, 23, 16), rules.legal_period("other"), CAL).due_at == at(2026, 11, 24, 10)


def test_disclosure_with_saturdays_counted():
    plain = rules.due_at(at(2026, 11, 23, 10), rules.legal_period("disclosure"), CAL).due_at
    with_sat = rules.due_at(
        at(2026, 11, 23, 10), rules.legal_period("disclosure", disclosure_saturdays_count=True), CAL
    ).due_at
    assert plain == at(2026, 12, 4, 18)
    assert with_sat == at(2026, 12, 3, 18)
    # a last day on a Saturday moves to the next business day
    assert rules.due_at(at(2026, 11, 23, 10), Period.of_days(6, saturdays_count=True), CAL).due_at == at(
        2026, 11, 30, 18
    )


def test_closure_and_extra_working_day():
    cal = BusinessCalendar.korean(
        [2026], closures=[date(2026, 11, 24)], extra_working_days=[date(2026, 11, 28)]
    )
    assert cal.add_working_hours(at(2026, 11, 23, 17), 2) == at(2026, 11, 25, 10)
    assert cal.is_business_day(date(2026, 11, 28))


def test_statutory_needs_days():
    with pytest.raises(ValueError, match="민원처리기준표"):
        rules.legal_period("statutory")
    assert rules.legal_period("statutory", statutory_days=3) == Period.of_days(3)


def test_charter_promise_binds_when_earlier():
    legal, promise, binding = rules.binding_deadline(
        at(2026, 11, 23, 10), kind="suggestion", channel="web", calendar=CAL, charter_days=7
    )
    assert promise is not None and binding.due_at == promise.due_at < legal.due_at
    assert "서비스헌장 약속(홈페이지 7일)이 법정기한보다 짧아 우선 적용" in binding.rule
    legal2, _p, binding2 = rules.binding_deadline(
        at(2026, 11, 23, 10), kind="other", channel="web", calendar=CAL, charter_days=7
    )
    assert binding2.due_at == legal2.due_at


def test_extensions():
    original = Period.of_days(7)
    due = at(2026, 12, 1, 18)
    first = rules.extension_due(
        due, original, CAL, extension_no=1, days=7, customer_consent=False, requested_at=at(2026, 11, 30)
    )
    assert first.due_at == at(2026, 12, 10, 18)
    with pytest.raises(ExtensionError, match="원래 처리기간"):
        rules.extension_due(
            due, original, CAL, extension_no=1, days=8, customer_consent=False, requested_at=at(2026, 11, 30)
        )
    with pytest.raises(ExtensionError, match="동의"):
        rules.extension_due(
            first.due_at,
            original,
            CAL,
            extension_no=2,
            days=7,
            customer_consent=False,
            requested_at=at(2026, 12, 9),
        )
    second = rules.extension_due(
        first.due_at,
        original,
        CAL,
        extension_no=2,
        days=7,
        customer_consent=True,
        requested_at=at(2026, 12, 9),
    )
    assert second.due_at > first.due_at
    with pytest.raises(ExtensionError, match="두 번까지"):
        rules.extension_due(
            second.due_at,
            original,
            CAL,
            extension_no=3,
            days=1,
            customer_consent=True,
            requested_at=at(2026, 12, 9),
        )
    with pytest.raises(ExtensionError, match="지난 뒤"):
        rules.extension_due(
            due, original, CAL, extension_no=1, days=3, customer_consent=False, requested_at=at(2026, 12, 2)
        )


def test_interim_notices():
    received = at(2026, 9, 1, 10)
    assert rules.interim_notice_dates(received, at(2026, 11, 15)) == [
        received + timedelta(days=30),
        received + timedelta(days=60),
    ]
    assert rules.interim_notice_needed(
        received_at=received, now=at(2026, 10, 2), last_interim_at=None, promise_due=None, expected_done=None
    )
    assert not rules.interim_notice_needed(
        received_at=received, now=at(2026, 9, 5), last_interim_at=None, promise_due=None, expected_done=None
    )
    assert rules.interim_notice_needed(
        received_at=received,
        now=at(2026, 9, 5),
        last_interim_at=None,
        promise_due=at(2026, 9, 9, 18),
        expected_done=at(2026, 9, 20),
    )


def test_transfer_deadlines():
    assert rules.transfer_due(at(2026, 11, 23, 10), external=True, calendar=CAL).due_at == at(
        2026, 11, 24, 10
    )
    assert rules.transfer_due(at(2026, 11, 23, 10), external=False, calendar=CAL).due_at == at(
        2026, 11, 23, 11
    )
    assert rules.transfer_due(
        at(2026, 11, 23, 11), external=False, wrong_department=True, calendar=CAL
    ).due_at == at(2026, 11, 23, 15)


def test_working_time_between_and_due_soon():
    assert CAL.working_time_between(at(2026, 11, 23, 17), at(2026, 11, 24, 10)) == timedelta(hours=2)
    assert rules.due_soon(at(2026, 11, 24, 10), at(2026, 11, 23, 17), CAL)
    assert not rules.due_soon(at(2026, 11, 30, 10), at(2026, 11, 23, 17), CAL)
    assert rules.is_overdue(at(2026, 11, 23, 9), at(2026, 11, 23, 10))


def test_format_and_naive_refused():
    assert format_dt_ko(at(2026, 10, 2, 18)) == "2026. 10. 2. 18:00"
    with pytest.raises(ValueError, match="시간대"):
        CAL.next_working_moment(datetime(2026, 11, 23, 10))


moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 1)).map(
    lambda d: d.replace(tzinfo=KST)
)
periods = st.one_of(
    st.integers(min_value=1, max_value=30).map(Period.of_days),
    st.integers(min_value=1, max_value=40).map(Period.of_hours),
)


def in_working_period(moment):
    t = moment.timetz().replace(tzinfo=None)
    return any(start < t <= end for start, end in CAL.periods) or t == time(9)


@settings(max_examples=150, deadline=None)
@given(moments, periods)
def test_due_is_on_a_business_day_inside_working_time(received, period):
    due = rules.due_at(received, period, CAL).due_at
    assert CAL.is_business_day(due.date())
    assert in_working_period(due)
    assert due > received


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(min_value=0, max_value=60 * 24 * 10), periods)
def test_monotonic_in_receipt_time(received, later_minutes, period):
    later = received + timedelta(minutes=later_minutes)
    assert rules.due_at(later, period, CAL).due_at >= rules.due_at(received, period, CAL).due_at


@settings(max_examples=100, deadline=None)
@given(moments, st.integers(min_value=1, max_value=20), st.integers(min_value=0, max_value=10))
def test_longer_period_never_earlier(received, days, more):
    assert (
        rules.due_at(received, Period.of_days(days + more), CAL).due_at
        >= rules.due_at(received, Period.of_days(days), CAL).due_at
    )


@settings(max_examples=100, deadline=None)
@given(moments, st.integers(min_value=1, max_value=14), st.integers(min_value=1, max_value=14))
def test_extension_never_earlier(received, days, extra):
    original = Period.of_days(days)
    due = rules.due_at(received, original, CAL).due_at
    extended = rules.extension_due(
        due,
        original,
        CAL,
        extension_no=1,
        days=min(extra, days),
        customer_consent=False,
        requested_at=due - timedelta(minutes=1),
    )
    assert extended.due_at >= due


@settings(max_examples=100, deadline=None)
@given(
    moments,
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal("20"), places=1),
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal("20"), places=1),
)
def test_working_hours_add_up(start, h1, h2):
    assert CAL.add_working_hours(start, h1 + h2) == CAL.add_working_hours(
        CAL.add_working_hours(start, h1), h2
    )
