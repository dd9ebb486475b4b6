from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chinjeol.charter.calendar import SEOUL, BusinessCalendar
from chinjeol.surveys import rules

CAL = BusinessCalendar.korean([2026, 2027])


def kst(y, mo, d, h=10, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=SEOUL)


def test_send_at_is_next_business_day_at_ten():
    # Friday 2026-11-20 16:00 → Monday 23 at 10:00
    assert rules.happy_call_send_at(kst(2026, 11, 20, 16), CAL) == kst(2026, 11, 23, 10)
    # Tuesday → Wednesday, also when closed after midnight UTC
    assert rules.happy_call_send_at(kst(2026, 11, 24, 23, 30), CAL) == kst(2026, 11, 25, 10)
    # before Christmas (Friday 25) → Monday 28
    assert rules.happy_call_send_at(kst(2026, 12, 24, 11), CAL) == kst(2026, 12, 28, 10)
    # configurable time
    assert rules.happy_call_send_at(kst(2026, 11, 24), CAL, time(14, 30)) == kst(2026, 11, 25, 14, 30)


def test_link_valid_14_days_and_once():
    send = kst(2026, 11, 23)
    expires = rules.link_expires_at(send)
    assert expires == kst(2026, 12, 7)
    assert rules.link_open(expires_at=expires, answered=False, now=expires - timedelta(seconds=1))
    assert not rules.link_open(expires_at=expires, answered=False, now=expires)
    assert not rules.link_open(expires_at=expires, answered=True, now=send)


def test_phone_list_after_three_days():
    send = kst(2026, 11, 23)
    assert not rules.needs_phone(send_at=send, answered=False, now=send + timedelta(days=3, seconds=-1))
    assert rules.needs_phone(send_at=send, answered=False, now=send + timedelta(days=3))
    assert not rules.needs_phone(send_at=send, answered=True, now=send + timedelta(days=9))


def test_dissatisfied_at_two_or_less():
    assert rules.is_dissatisfied([5, 4, 2, 4])
    assert not rules.is_dissatisfied([3, 3, 3, 3])
    assert not rules.is_dissatisfied([None, 3, None, 5])


def test_catch_call_due_end_of_third_business_day():
    # answered Thursday 26 → Fri 27, Mon 30, Tue 1 → Tuesday 2026-12-01 18:00
    assert rules.catch_call_due(kst(2026, 11, 26, 15), CAL) == kst(2026, 12, 1, 18)


def test_response_rate():
    assert rules.response_rate(0, 0) is None
    assert rules.response_rate(2, 3) == Decimal("66.7")
    assert rules.response_rate(3, 3) == Decimal("100.0")
    with pytest.raises(ValueError):
        rules.response_rate(4, 3)


def test_nps():
    assert rules.nps([]) is None
    assert rules.nps([10, 9, 8, 7, 0]) == 20  # 2 promoters, 1 detractor of 5
    assert rules.nps([0, 6]) == -100
    with pytest.raises(ValueError):
        rules.nps([11])


def test_check_answer():
    assert rules.check_answer("scale5", ["4"], [], required=True) == 4
    assert rules.check_answer("nps", ["0"], [], required=True) == 0
    assert rules.check_answer("multiple", ["2", "0", "2"], ["a", "b", "c"], required=True) == [0, 2]
    assert rules.check_answer("text", ["  좋아요 "], [], required=False) == "좋아요"
    assert rules.check_answer("text", [""], [], required=False) is None
    for kind, raw in (("scale5", ["6"]), ("scale7", ["0"]), ("single", ["0", "1"]), ("single", ["5"])):
        with pytest.raises(ValueError):
            rules.check_answer(kind, raw, ["a", "b"], required=True)
    with pytest.raises(ValueError, match="답해"):
        rules.check_answer("scale5", [], [], required=True)


def test_distribution():
    assert rules.distribution("scale5", [5, 5, 1]) == [
        ("1점", 1),
        ("2점", 0),
        ("3점", 0),
        ("4점", 0),
        ("5점", 2),
    ]
    assert rules.distribution("multiple", [[0, 1], [1]], ["가", "나"]) == [("가", 1), ("나", 2)]


# --- properties ---------------------------------------------------------------------------------------

# The machine is shared: no timing judgement on generating inputs or running one example.
relaxed = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)

moments = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 11, 30), timezones=st.just(SEOUL)
)


@relaxed
@given(moments)
def test_send_at_is_after_close_on_a_business_day(closed):
    send = rules.happy_call_send_at(closed, CAL)
    assert send > closed
    assert CAL.is_business_day(send.date())
    assert send.timetz().replace(tzinfo=None) == time(10, 0)
    # no business day skipped between
    between = [closed.date() + timedelta(days=i) for i in range(1, (send.date() - closed.date()).days)]
    assert not any(CAL.is_business_day(d) for d in between)


@relaxed
@given(moments)
def test_catch_call_due_is_three_business_days_later(answered):
    due = rules.catch_call_due(answered, CAL)
    assert CAL.business_days_between(answered.date() + timedelta(days=1), due.date()) == 3
    assert due.hour == 18


@relaxed
@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_response_rate_between_0_and_100(answered, sent):
    answered = min(answered, sent)
    rate = rules.response_rate(answered, sent)
    assert Decimal(0) <= rate <= Decimal(100)


@relaxed
@given(st.lists(st.integers(0, 10), min_size=1))
def test_nps_between_minus_and_plus_100(scores):
    value = rules.nps(scores)
    assert -100 <= value <= 100
    assert rules.nps(scores + [10] * len(scores)) >= value


@relaxed
@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=4))
def test_dissatisfied_iff_a_low_score(scores):
    assert rules.is_dissatisfied(scores) == any(s is not None and s <= 2 for s in scores)


@relaxed
@given(st.sampled_from(["scale5", "scale7", "nps"]), st.integers(-3, 12))
def test_check_answer_numbers_in_range(kind, n):
    try:
        value = rules.check_answer(kind, [str(n)], [], required=True)
    except ValueError:
        assert n not in rules.value_range(kind)
    else:
        assert value == n and n in rules.value_range(kind)


def test_in_period():
    assert rules.in_period(date(2026, 1, 1), date(2026, 1, 1), date(2026, 12, 31))
