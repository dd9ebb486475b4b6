from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from chinjeol.charter import rules
from chinjeol.charter.calendar import BusinessCalendar
from chinjeol.charter.rules import (
    CHANNEL_LABELS,
    KIND_LABELS,
    LEGAL_PERIODS,
    CaseKind,
    Channel,
    ExtensionError,
    Period,
)

KST = ZoneInfo("Asia/Seoul")
CAL = BusinessCalendar.korean(range(2024, 2030))


def at(y, mo, d, h=9, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


def due(received, period, calendar=CAL):
    return rules.due_at(received, period, calendar).due_at


# --- kinds, channels, periods ---------------------------------------------------------------------


def test_labels_cover_every_kind_and_channel():
    assert set(KIND_LABELS) == set(CaseKind)
    assert set(CHANNEL_LABELS) == set(Channel)
    assert KIND_LABELS["inquiry_law"] == "질의(법령 해석)"
    assert KIND_LABELS[CaseKind.UNKIND] == "불친절 신고"
    assert CHANNEL_LABELS["epeople"] == "국민신문고"


def test_legal_periods():
    assert LEGAL_PERIODS[CaseKind.INQUIRY_LAW] == Period.of_days(14)
    assert LEGAL_PERIODS[CaseKind.INQUIRY] == Period.of_days(7)
    assert LEGAL_PERIODS[CaseKind.SUGGESTION] == Period.of_days(14)
    assert LEGAL_PERIODS[CaseKind.GRIEVANCE] == Period.of_days(7)
    assert LEGAL_PERIODS[CaseKind.OTHER] == Period.of_hours(3)
    assert LEGAL_PERIODS[CaseKind.DISCLOSURE] == Period.of_days(10)
    assert CaseKind.STATUTORY not in LEGAL_PERIODS
    assert rules.legal_period("statutory", statutory_days=3) == Period.of_days(3)
    assert rules.legal_period("disclosure", disclosure_saturdays_count=True) == Period.of_days(
        10, saturdays_count=True
    )
    assert rules.legal_period("inquiry", disclosure_saturdays_count=True) == Period.of_days(7)
    with pytest.raises(ValueError, match="민원처리기준표"):
        rules.legal_period("statutory")
    with pytest.raises(ValueError):
        rules.legal_period("no-such-kind")


def test_period_labels_and_validation():
    assert Period.of_days(7).label_ko == "7일"
    assert Period.of_hours(3).label_ko == "3근무시간"
    assert Period.of_hours("1.50").label_ko == "1.5근무시간"
    assert Period.of_hours(10).label_ko == "10근무시간"
    assert Period(hours=3).hours == Decimal(3)
    assert Period.of_days(5).counted_in_hours and not Period.of_days(6).counted_in_hours
    for bad in (dict(), dict(days=3, hours=Decimal(1)), dict(days=0), dict(hours=Decimal(0))):
        with pytest.raises(ValueError, match="처리기간"):
            Period(**bad)


# --- due_at: hours --------------------------------------------------------------------------------


def test_hours_counting_across_lunch_and_evening():
    assert due(at(2026, 11, 23, 17), Period.of_hours(3)) == at(2026, 11, 24, 11)  # Mon 17:00 → Tue 11:00
    assert due(at(2026, 11, 23, 10), Period.of_hours(2)) == at(2026, 11, 23, 12)  # exactly 12:00
    deadline = rules.due_at(at(2026, 11, 23, 12, 30), Period.of_hours(3), CAL)  # counts from 13:00
    assert deadline.due_at == at(2026, 11, 23, 16)
    assert deadline.counted_from == at(2026, 11, 23, 13)
    assert "근무시간 외 접수: 2026. 11. 23. 13:00부터 계산" in deadline.rule


def test_other_kind_is_three_working_hours():
    deadline = rules.due_at(at(2026, 11, 23, 16), rules.legal_period("other"), CAL)
    assert deadline.due_at == at(2026, 11, 24, 10)
    assert deadline.rule == "민원처리법 제19조①: 3근무시간(토요일·공휴일 제외), 2026. 11. 24. 10:00 만료"


def test_hours_around_holidays():
    assert due(at(2027, 2, 5, 15), Period.of_hours(3)) == at(2027, 2, 5, 18)  # ends exactly at 18:00
    assert due(at(2027, 2, 5, 15), Period.of_hours(5)) == at(2027, 2, 10, 11)  # 설날 + 대체공휴일 02-09
    assert due(at(2026, 9, 25, 10), Period.of_hours(3)) == at(2026, 9, 28, 12)  # received on 추석
    assert due(at(2026, 7, 16, 17), Period.of_hours(3)) == at(2026, 7, 20, 11)  # 제헌절 07-17
    assert due(at(2026, 10, 2, 16), Period.of_hours(3)) == at(2026, 10, 6, 10)  # 개천절 대체 10-05


def test_short_day_periods_are_counted_in_hours():
    # 2 days = 16 working hours: Tue 17-18, Wed 6/3 is the local election day, Thu 8h, Fri 9-12 and 13-17.
    deadline = rules.due_at(at(2026, 6, 2, 17), Period.of_days(2), CAL)
    assert deadline.due_at == at(2026, 6, 5, 17)
    assert "2일 = 16근무시간" in deadline.rule
    # 5 days = 40 working hours; 6 days switch to day counting and end at 18:00.
    assert due(at(2026, 11, 23, 14), Period.of_days(5)) == at(2026, 11, 30, 14)
    assert due(at(2026, 11, 23, 14), Period.of_days(6)) == at(2026, 11, 30, 18)
    assert due(at(2026, 11, 23, 14), rules.legal_period("statutory", statutory_days=3)) == at(
        2026, 11, 26, 14
    )


# --- due_at: days ---------------------------------------------------------------------------------


def test_fourteen_days_rule_text():
    deadline = rules.due_at(at(2026, 9, 11, 10), Period.of_days(14), CAL)  # 추석 inside the period
    assert deadline.due_at == at(2026, 10, 2, 18)
    assert deadline.rule == "민원처리법 제19조②: 14일(초일 산입, 토요일·공휴일 제외), 2026. 10. 2. 18:00 만료"


def test_seven_days_across_chuseok_2026():
    deadline = rules.due_at(at(2026, 9, 23, 10), Period.of_days(7), CAL)
    assert deadline.due_at == at(2026, 10, 6, 18)  # 09-24~26 추석, 10-03 Sat, 10-05 대체공휴일
    assert "초일 산입" in deadline.rule and "2026. 10. 6. 18:00" in deadline.rule


def test_seven_days_around_other_holidays():
    assert due(at(2027, 2, 5, 10), Period.of_days(7)) == at(2027, 2, 17, 18)  # 설날 02-06~09
    assert due(at(2026, 7, 16, 10), Period.of_days(7)) == at(2026, 7, 27, 18)  # 제헌절 07-17
    assert due(at(2026, 6, 1, 10), Period.of_days(7)) == at(2026, 6, 10, 18)  # 지방선거일 06-03


def test_friday_evening_counts_from_monday():
    deadline = rules.due_at(at(2026, 11, 20, 19), Period.of_days(7), CAL)  # Fri 19:00
    assert deadline.due_at == at(2026, 12, 1, 18)  # Mon 11/23 is day 1
    assert deadline.counted_from == at(2026, 11, 23, 9)
    assert "근무시간 외 접수" in deadline.rule


def test_receipt_at_the_end_of_the_day_counts_from_the_next():
    assert due(at(2026, 11, 23, 17, 59), Period.of_days(7)) == at(2026, 12, 1, 18)
    assert due(at(2026, 11, 23, 18), Period.of_days(7)) == at(2026, 12, 2, 18)


def test_fourteen_days():
    assert due(at(2026, 11, 23, 10), rules.legal_period("suggestion")) == at(2026, 12, 10, 18)
    assert due(at(2026, 11, 23, 10), rules.legal_period("inquiry_law")) == at(2026, 12, 10, 18)
    assert due(at(2026, 11, 23, 10), rules.legal_period("grievance")) == at(2026, 12, 1, 18)


def test_disclosure_with_saturdays_counted():
    received = at(2026, 11, 23, 10)
    assert due(received, rules.legal_period("disclosure")) == at(2026, 12, 4, 18)
    deadline = rules.due_at(received, rules.legal_period("disclosure", disclosure_saturdays_count=True), CAL)
    assert deadline.due_at == at(2026, 12, 3, 18)
    assert "토요일 산입" in deadline.rule
    # a last day on a Saturday moves to the next business day
    assert due(received, Period.of_days(6, saturdays_count=True)) == at(2026, 11, 30, 18)
    # a Saturday that is a holiday (추석 09-26, 개천절 10-03) does not count
    assert due(at(2026, 9, 21, 10), Period.of_days(10, saturdays_count=True)) == at(2026, 10, 7, 18)
    assert due(at(2026, 9, 14, 10), Period.of_days(10, saturdays_count=True)) == at(2026, 9, 28, 18)
    # counting Saturdays, even a short period is counted in days
    assert due(at(2026, 11, 26, 10), Period.of_days(3, saturdays_count=True)) == at(2026, 11, 30, 18)


def test_closure_and_extra_working_day_move_the_promise_only():
    received = at(2026, 11, 23, 10)
    closed = BusinessCalendar.korean([2026], closures=[date(2026, 11, 24)])
    worked = BusinessCalendar.korean([2026], extra_working_days=[date(2026, 11, 28)])

    def promised(moment, period, calendar):
        return rules.promise_due_at(moment, period, calendar).due_at

    assert due(received, Period.of_days(7)) == at(2026, 12, 1, 18)
    assert promised(received, Period.of_days(7), closed) == at(2026, 12, 2, 18)
    assert promised(received, Period.of_days(7), worked) == at(2026, 11, 30, 18)
    assert promised(at(2026, 11, 23, 17), Period.of_hours(2), closed) == at(2026, 11, 25, 10)
    assert promised(at(2026, 11, 27, 17), Period.of_hours(2), worked) == at(2026, 11, 28, 10)
    # the statutory deadline ignores both (법 §19: Saturdays and public holidays only)
    assert (
        due(received, Period.of_days(7), closed)
        == due(received, Period.of_days(7), worked)
        == at(2026, 12, 1, 18)
    )
    assert due(at(2026, 11, 23, 17), Period.of_hours(2), closed) == at(2026, 11, 24, 10)
    assert due(at(2026, 11, 27, 17), Period.of_hours(2), worked) == at(2026, 11, 30, 10)


def test_received_in_another_time_zone():
    deadline = rules.due_at(datetime(2026, 11, 23, 1, 0, tzinfo=UTC), Period.of_days(7), CAL)  # 10:00 KST
    assert deadline.due_at == at(2026, 12, 1, 18) and deadline.due_at.tzinfo == KST
    assert "근무시간 외" not in deadline.rule
    with pytest.raises(ValueError, match="시간대"):
        rules.due_at(datetime(2026, 11, 23, 10), Period.of_days(7), CAL)


# --- charter promises -----------------------------------------------------------------------------


def test_charter_promise_binds_when_earlier():
    legal, promise, binding = rules.binding_deadline(
        at(2026, 11, 23, 10), kind="suggestion", channel="web", calendar=CAL, charter_days=7
    )
    assert legal.due_at == at(2026, 12, 10, 18)
    assert promise is not None and promise.due_at == at(2026, 12, 1, 18)
    assert binding.due_at == promise.due_at
    assert "서비스헌장 약속(홈페이지 7일)이 법정기한보다 짧아 우선 적용" in binding.rule
    assert "법정기한 2026. 12. 10. 18:00" in binding.rule
    assert legal.rule.startswith("민원처리법 시행령 제15조")


def test_legal_deadline_binds_when_not_later():
    result = rules.binding_deadline(
        at(2026, 11, 23, 10), kind="other", channel="phone", calendar=CAL, charter_days=7
    )
    assert result.binding == result.legal and result.promise.due_at > result.legal.due_at
    same = rules.binding_deadline(
        at(2026, 11, 23, 10), kind="inquiry", channel="web", calendar=CAL, charter_days=7
    )
    assert same.binding == same.legal
    none = rules.binding_deadline(at(2026, 11, 23, 10), kind="inquiry", channel="web", calendar=CAL)
    assert none.promise is None and none.binding == none.legal


def test_charter_promise_of_a_few_days_is_counted_in_hours():
    result = rules.binding_deadline(
        at(2026, 11, 23, 14), kind="grievance", channel="epeople", calendar=CAL, charter_days=3
    )
    assert result.binding.due_at == at(2026, 11, 26, 14)
    assert "서비스헌장 약속(국민신문고 3일)" in result.binding.rule


def test_statutory_deadline_comes_from_the_table():
    result = rules.binding_deadline(
        at(2026, 11, 23, 10), kind="statutory", channel="visit", calendar=CAL, statutory_days=10
    )
    assert result.legal.due_at == at(2026, 12, 4, 18)
    assert "민원처리기준표" in result.legal.rule
    with pytest.raises(ValueError, match="민원처리기준표"):
        rules.binding_deadline(at(2026, 11, 23, 10), kind="statutory", channel="visit", calendar=CAL)


# --- extensions -----------------------------------------------------------------------------------


def extend(current_due, original=None, **kwargs):
    kwargs.setdefault("customer_consent", False)
    kwargs.setdefault("requested_at", current_due - timedelta(hours=1))
    return rules.extension_due(current_due, original or Period.of_days(7), CAL, **kwargs)


def test_extensions():
    due_at = at(2026, 12, 1, 18)
    first = extend(due_at, extension_no=1, days=7)
    assert first.due_at == at(2026, 12, 10, 18)  # counted from 12-02
    assert "시행령 제21조① 1차 연장 7일" in first.rule and "2026. 12. 10. 18:00" in first.rule
    with pytest.raises(ExtensionError, match="원래 처리기간"):
        extend(due_at, extension_no=1, days=8)
    with pytest.raises(ExtensionError, match="동의"):
        extend(first.due_at, extension_no=2, days=7)
    second = extend(first.due_at, extension_no=2, days=7, customer_consent=True)
    assert second.due_at == at(2026, 12, 21, 18)
    assert "민원인 동의" in second.rule
    with pytest.raises(ExtensionError, match="두 번까지"):
        extend(second.due_at, extension_no=3, days=1, customer_consent=True)
    with pytest.raises(ExtensionError, match="지난 뒤"):
        extend(due_at, extension_no=1, days=3, requested_at=at(2026, 12, 2))
    with pytest.raises(ExtensionError, match="지난 뒤"):
        extend(due_at, extension_no=1, days=3, requested_at=due_at)
    with pytest.raises(ExtensionError, match="1일 이상"):
        extend(due_at, extension_no=1, days=0)
    assert isinstance(ExtensionError("x"), ValueError)


def test_short_extensions_are_counted_in_hours():
    assert extend(at(2026, 12, 1, 18), extension_no=1, days=3).due_at == at(2026, 12, 4, 18)
    assert extend(at(2026, 11, 24, 11), extension_no=1, days=1).due_at == at(2026, 11, 25, 11)


def test_day_extension_of_a_midday_deadline_starts_the_next_day():
    assert extend(at(2026, 11, 24, 11), extension_no=1, days=7).due_at == at(2026, 12, 3, 18)


def test_extension_of_an_hours_period():
    original = Period.of_hours(3)
    current = at(2026, 11, 24, 11)
    with pytest.raises(ExtensionError, match=r"원래 처리기간\(3근무시간\)"):
        extend(current, original, extension_no=1, days=1)
    result = extend(current, original, extension_no=1, hours=3)
    assert result.due_at == at(2026, 11, 24, 15)
    assert result.period == Period.of_hours(3)
    with pytest.raises(ExtensionError, match="원래 처리기간"):
        extend(current, original, extension_no=1, hours=4)


def test_extension_keeps_the_saturday_rule():
    original = Period.of_days(10, saturdays_count=True)
    assert extend(at(2026, 12, 3, 18), original, extension_no=1, days=10).due_at == at(2026, 12, 15, 18)


# --- interim notices ------------------------------------------------------------------------------


def test_interim_notice_dates():
    received = at(2026, 9, 1, 10)
    assert rules.interim_notice_dates(received, at(2026, 11, 15)) == [
        at(2026, 10, 1, 10),
        at(2026, 10, 31, 10),
    ]
    assert rules.interim_notice_dates(received, at(2026, 10, 1, 9)) == []
    # with a calendar, 10-31 (Saturday) moves to the next business day
    assert rules.interim_notice_dates(received, at(2026, 11, 15), calendar=CAL) == [
        at(2026, 10, 1, 10),
        at(2026, 11, 2, 9),
    ]


def test_interim_notice_needed():
    received = at(2026, 9, 1, 10)
    needed = dict(received_at=received, last_interim_at=None, promise_due=None, expected_done=None)
    assert rules.interim_notice_needed(**needed, now=at(2026, 10, 1, 10))
    assert not rules.interim_notice_needed(**needed, now=at(2026, 9, 30, 10))
    assert not rules.interim_notice_needed(
        **needed | {"last_interim_at": at(2026, 10, 1)}, now=at(2026, 10, 20)
    )
    assert rules.interim_notice_needed(**needed | {"last_interim_at": at(2026, 10, 1)}, now=at(2026, 10, 31))
    late = needed | {"promise_due": at(2026, 9, 9, 18), "expected_done": at(2026, 9, 20)}
    assert rules.interim_notice_needed(**late, now=at(2026, 9, 5))
    assert not rules.interim_notice_needed(**late | {"last_interim_at": at(2026, 9, 4)}, now=at(2026, 9, 5))
    on_time = needed | {"promise_due": at(2026, 9, 9, 18), "expected_done": at(2026, 9, 8)}
    assert not rules.interim_notice_needed(**on_time, now=at(2026, 9, 5))


# --- transfers, overdue ---------------------------------------------------------------------------


def test_transfer_deadlines():
    external = rules.transfer_due(at(2026, 11, 23, 10), external=True, calendar=CAL)
    assert external.due_at == at(2026, 11, 24, 10)
    assert "다른 기관" in external.rule and "8근무시간" in external.rule
    assert rules.transfer_due(at(2026, 11, 23, 10), external=False, calendar=CAL).due_at == at(
        2026, 11, 23, 11
    )
    assert rules.transfer_due(
        at(2026, 11, 23, 11), external=False, wrong_department=True, calendar=CAL
    ).due_at == at(2026, 11, 23, 15)
    assert rules.transfer_due(at(2026, 11, 20, 17, 30), external=True, calendar=CAL).due_at == at(
        2026, 11, 23, 17, 30
    )
    assert rules.transfer_due(at(2026, 11, 23, 12, 10), external=False, calendar=CAL).due_at == at(
        2026, 11, 23, 14
    )
    assert rules.transfer_due(at(2026, 9, 23, 17), external=True, calendar=CAL).due_at == at(2026, 9, 28, 17)
    received = at(2026, 11, 23, 10)
    transferred = at(2026, 11, 24, 9, 30)
    assert CAL.working_time_between(received, transferred) <= timedelta(hours=8)


def test_overdue_and_due_soon():
    assert rules.is_overdue(at(2026, 11, 23, 9), at(2026, 11, 23, 10))
    assert not rules.is_overdue(at(2026, 11, 23, 10), at(2026, 11, 23, 10))
    assert not rules.is_overdue(None, at(2026, 11, 23, 10))
    assert rules.due_soon(at(2026, 11, 24, 10), at(2026, 11, 23, 17), CAL)
    assert rules.due_soon(at(2026, 11, 23, 18), at(2026, 11, 20, 19), CAL)  # over the weekend
    assert not rules.due_soon(at(2026, 11, 30, 10), at(2026, 11, 23, 17), CAL)
    assert not rules.due_soon(at(2026, 11, 24, 10), at(2026, 11, 23, 17), CAL, within_hours=1)
    assert not rules.due_soon(at(2026, 11, 23, 9), at(2026, 11, 23, 10), CAL)  # already overdue
    assert not rules.due_soon(None, at(2026, 11, 23, 10), CAL)


def test_format_dt_ko_is_exported():
    assert rules.format_dt_ko(at(2026, 10, 2, 18)) == "2026. 10. 2. 18:00"


# --- properties -----------------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 6, 30)).map(
    lambda d: d.replace(tzinfo=KST)
)
periods = st.one_of(
    st.builds(Period.of_days, st.integers(min_value=1, max_value=30), saturdays_count=st.booleans()),
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal("40"), places=1).map(Period.of_hours),
)


def inside_or_at_end_of_a_working_period(moment):
    clock = moment.timetz().replace(tzinfo=None)
    return any(start < clock <= end for start, end in CAL.periods)


@settings(max_examples=200, deadline=None)
@given(moments, periods)
def test_due_is_on_a_business_day_inside_working_time(received, period):
    deadline = rules.due_at(received, period, CAL)
    assert CAL.is_business_day(deadline.due_at.date())
    assert inside_or_at_end_of_a_working_period(deadline.due_at)
    assert deadline.due_at > received
    assert deadline.due_at.tzinfo == KST


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(min_value=0, max_value=60 * 24 * 10), periods)
def test_monotonic_in_receipt_time(received, later_minutes, period):
    later = received + timedelta(minutes=later_minutes)
    assert due(later, period) >= due(received, period)


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(min_value=1, max_value=20), st.integers(min_value=0, max_value=10), st.booleans())
def test_longer_period_never_earlier(received, days, more, saturdays_count):
    shorter = Period.of_days(days, saturdays_count=saturdays_count)
    longer = Period.of_days(days + more, saturdays_count=saturdays_count)
    assert due(received, longer) >= due(received, shorter)


@settings(max_examples=100, deadline=None)
@given(
    moments,
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal("40"), places=1),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("40"), places=1),
)
def test_longer_hours_never_earlier(received, hours, more):
    assert due(received, Period.of_hours(hours + more)) >= due(received, Period.of_hours(hours))


@settings(max_examples=150, deadline=None)
@given(
    moments,
    st.integers(min_value=1, max_value=14),
    st.integers(min_value=1, max_value=14),
    st.booleans(),
    st.integers(min_value=1, max_value=2),
)
def test_extension_never_earlier(received, days, extra, saturdays_count, extension_no):
    original = Period.of_days(days, saturdays_count=saturdays_count)
    current = due(received, original)
    extended = rules.extension_due(
        current,
        original,
        CAL,
        extension_no=extension_no,
        days=min(extra, days),
        customer_consent=True,
        requested_at=current - timedelta(minutes=1),
    )
    assert extended.due_at > current
    assert CAL.is_business_day(extended.due_at.date())
    assert inside_or_at_end_of_a_working_period(extended.due_at)


@settings(max_examples=100, deadline=None)
@given(moments, st.integers(min_value=1, max_value=14), st.integers(min_value=1, max_value=14))
def test_extension_longer_than_the_original_is_refused(received, days, extra):
    assume(extra > days)
    original = Period.of_days(days)
    current = due(received, original)
    with pytest.raises(ExtensionError):
        rules.extension_due(
            current,
            original,
            CAL,
            extension_no=1,
            days=extra,
            customer_consent=False,
            requested_at=current - timedelta(minutes=1),
        )


@settings(max_examples=100, deadline=None)
@given(
    moments,
    st.sampled_from([k for k in CaseKind if k != CaseKind.STATUTORY]),
    st.sampled_from(list(Channel)),
    st.one_of(st.none(), st.integers(min_value=1, max_value=20)),
)
def test_binding_deadline_is_the_earlier(received, kind, channel, charter_days):
    result = rules.binding_deadline(
        received, kind=kind, channel=channel, calendar=CAL, charter_days=charter_days
    )
    candidates = [result.legal.due_at] + ([result.promise.due_at] if result.promise else [])
    assert result.binding.due_at == min(candidates)


@settings(max_examples=100, deadline=None)
@given(moments, st.booleans(), st.booleans())
def test_transfer_within_its_working_hours(received, external, wrong_department):
    deadline = rules.transfer_due(
        received, external=external, wrong_department=wrong_department, calendar=CAL
    )
    hours = 8 if external else (3 if wrong_department else 1)
    assert CAL.working_time_between(received, deadline.due_at) == timedelta(hours=hours)
