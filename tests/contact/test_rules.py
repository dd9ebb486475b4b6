from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.charter.calendar import BusinessCalendar
from chinjeol.contact import rules

SEOUL = ZoneInfo("Asia/Seoul")
CAL = BusinessCalendar.korean([2026])


def at(h, m, s=0, day=2):  # 2026-12-02 is a Wednesday
    return datetime(2026, 12, day, h, m, s, tzinfo=SEOUL)


def test_ring_seconds_and_standard_boundary():
    start = at(10, 0)
    assert rules.ring_seconds(start, start + timedelta(seconds=5)) == 5
    assert rules.ring_seconds(start, None) is None
    assert rules.standard_limit_s() == 6  # before the 3rd ring starts: 2 × 3 s
    assert rules.within_standard(5) is True
    assert rules.within_standard(6) is False
    assert rules.within_standard(None) is False
    # four rings of 2.5 s would be (4 − 1) × 3 with cadence 3
    assert rules.within_standard(8, rings=4) is True
    assert rules.within_standard(9, rings=4) is False


def test_answer_before_start_is_refused():
    with pytest.raises(ValueError):
        rules.ring_seconds(at(10, 0, 5), at(10, 0))


def test_over_three_minutes_boundary():
    assert rules.over_talk_limit(180) is False
    assert rules.over_talk_limit(181) is True


def test_callback_due_in_working_time_and_met_boundary():
    ended = at(10, 0)
    due = rules.callback_due(ended, CAL, 60)
    assert due == at(11, 0)
    assert rules.callback_met(due, ended + timedelta(minutes=59)) is True
    assert rules.callback_met(due, ended + timedelta(minutes=61)) is False
    assert rules.callback_met(due, None) is False
    # missed at 17:30: 30 minutes today, 30 minutes the next working morning
    assert rules.callback_due(at(17, 30), CAL, 60) == at(9, 30, day=3)
    # missed after hours: the hour starts at the next working moment
    assert rules.callback_due(at(20, 0), CAL, 60) == at(10, 0, day=3)


def test_callback_status():
    due = at(11, 0)
    assert rules.callback_status(due, None, at(10, 30)) == "open"
    assert rules.callback_status(due, None, at(11, 1)) == "missed"
    assert rules.callback_status(due, at(10, 59), at(12, 0)) == "met"
    assert rules.callback_status(due, at(11, 1), at(12, 0)) == "late"


def test_service_level_asa_aht_by_hand():
    # 8 answered within 20 s, 10 answered, 2 abandoned after 20 s → 8 / 12 = 66.7 %
    assert rules.service_level(8, 10, 2) == Decimal("66.7")
    assert rules.service_level(0, 0, 0) is None
    assert rules.asa_s(95, 10) == Decimal("9.5")
    assert rules.aht_s(1000, 8, 200) == Decimal("150.0")
    assert rules.is_short_abandon(4) and not rules.is_short_abandon(5)


def test_first_contact_resolution():
    call = rules.Contact("a", at(10, 0))
    assert rules.first_contact_resolved(call, []) is True
    assert rules.first_contact_resolved(call, [at(10, 0, day=9)]) is False  # exactly 7 days later
    assert rules.first_contact_resolved(call, [at(10, 1, day=9)]) is True
    assert rules.first_contact_resolved(rules.Contact("a", at(10, 0), case_opened=True), []) is False
    closed = rules.Contact("a", at(10, 0), case_opened=True, case_closed_first_contact=True)
    assert rules.first_contact_resolved(closed, []) is True
    calls = [rules.Contact("a", at(10, 0)), rules.Contact("b", at(10, 5)), rules.Contact("a", at(11, 0))]
    assert rules.fcr_flags(calls) == [False, True, True]


def test_channels_and_direction():
    assert rules.extension_of_channel("SIP/2001-0000001a") == "2001"
    assert rules.extension_of_channel("PJSIP/2002-00000003") == "2002"
    assert rules.extension_of_channel("Local/2003@from-queue-00000012;1") == "2003"
    assert rules.extension_of_channel("") == ""
    assert rules.direction_of("01012345678", "2001") == "inbound"
    assert rules.direction_of("2001", "0515551234") == "outbound"
    assert rules.direction_of("2001", "2002") == "internal"


def test_operating_hours():
    assert rules.in_operating_hours(at(8, 30)) is True
    assert rules.in_operating_hours(at(8, 29, 59)) is False
    assert rules.in_operating_hours(at(18, 30)) is False
    assert rules.in_operating_hours(at(12, 0), business_day=False) is False


@given(st.integers(min_value=0, max_value=600), st.integers(1, 6), st.integers(1, 6))
def test_within_standard_matches_definition(ring_s, rings, cadence):
    assert rules.within_standard(ring_s, rings=rings, cadence_s=cadence) == (ring_s < (rings - 1) * cadence)


@given(st.integers(0, 100), st.integers(0, 100), st.integers(0, 100))
def test_service_level_bounds(within, extra, abandoned):
    answered = within + extra
    level = rules.service_level(within, answered, abandoned)
    if answered + abandoned == 0:
        assert level is None
    else:
        assert Decimal(0) <= level <= Decimal(100)


@given(st.integers(0, 24 * 60 * 3), st.integers(0, 240))
def test_callback_due_never_before_the_call_and_uses_exact_working_minutes(offset, minutes):
    ended = at(0, 0, day=1) + timedelta(minutes=offset)
    due = rules.callback_due(ended, CAL, minutes)
    assert due >= ended
    assert CAL.working_time_between(ended, due) == timedelta(minutes=minutes)


# --- queue_log: transfers, rings not answered, pauses -------------------------------------------------
def test_final_handler_is_the_last_transfer_target():
    assert rules.final_handler("2001", []) == "2001"
    assert rules.final_handler("2001", ["2002"]) == "2002"
    assert rules.final_handler("2001", ["2002", " ", "3001"]) == "3001"


def _t(h, m=0, day=2):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(2026, 12, day, h, m, tzinfo=ZoneInfo("Asia/Seoul"))


def test_pause_seconds_by_hand():
    events = [
        (_t(9, 0), True),
        (_t(9, 10), True),  # paused already: nothing changes
        (_t(9, 30), False),  # 30 min
        (_t(10, 0), False),  # not paused: nothing changes
        (_t(12, 0), True),
        (_t(13, 0), False),  # 60 min
        (_t(17, 50), True),  # still paused at the end of the window
    ]
    assert rules.pause_seconds(events, _t(0), _t(18)) == (30 + 60 + 10) * 60
    # a window starting inside a pause counts from the window's start
    assert rules.pause_seconds(events, _t(9, 20), _t(12, 30)) == (10 + 30) * 60
    assert rules.pause_seconds(events, _t(18), _t(18)) == 0


def test_pause_by_day_splits_at_midnight():
    from datetime import date
    from zoneinfo import ZoneInfo

    events = [(_t(23, 0, day=2), True), (_t(1, 30, day=3), False)]
    days = [date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)]
    assert rules.pause_by_day(events, days, ZoneInfo("Asia/Seoul")) == {
        date(2026, 12, 2): 3600,
        date(2026, 12, 3): 5400,
    }
    # not beyond now: a pause still open is counted up to now
    open_ = [(_t(10, 0), True)]
    assert rules.pause_by_day(open_, [date(2026, 12, 2)], ZoneInfo("Asia/Seoul"), until=_t(10, 45)) == {
        date(2026, 12, 2): 2700
    }


@given(
    st.lists(st.tuples(st.integers(0, 48 * 60), st.booleans()), max_size=30),
    st.integers(0, 48 * 60),
    st.integers(0, 48 * 60),
)
def test_pause_seconds_adds_up_over_split_windows(raw, a, b):
    from datetime import timedelta

    base = _t(0)
    events = sorted((base + timedelta(minutes=m), p) for m, p in raw)
    lo, hi = sorted((a, b))
    mid = (lo + hi) // 2
    start, middle, end = (base + timedelta(minutes=x) for x in (lo, mid, hi))
    whole = rules.pause_seconds(events, start, end)
    assert 0 <= whole <= (end - start).total_seconds()
    assert whole == rules.pause_seconds(events, start, middle) + rules.pause_seconds(events, middle, end)
