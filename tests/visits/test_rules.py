"""The counter's, the field visits' and the expert room's pure rules, directly and with hypothesis."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.charter.calendar import BusinessCalendar
from chinjeol.charter.compliance.rules import count_window, judge_count
from chinjeol.visits import rules

KST = ZoneInfo("Asia/Seoul")
CAL = BusinessCalendar.korean([2026, 2027])


def at(*args) -> datetime:
    return datetime(*args, tzinfo=KST)


# --- VISIT_GUIDE: 5:00 inclusive ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("waited", "met"),
    [
        (timedelta(0), True),
        (timedelta(minutes=4, seconds=59), True),
        (timedelta(minutes=5), True),
        (timedelta(minutes=5, microseconds=999_999), True),  # the clock shows 5:00
        (timedelta(minutes=5, seconds=1), False),
        (timedelta(minutes=12), False),
    ],
)
def test_five_minutes_inclusive(waited, met):
    arrived = at(2026, 11, 23, 9, 30, 0)
    assert rules.guided_in_time(arrived, arrived + waited, 5) is met


def test_arrival_microseconds_do_not_move_the_deadline():
    arrived = at(2026, 11, 23, 9, 30, 0).replace(microsecond=700_000)
    assert rules.guide_deadline(arrived, 5) == at(2026, 11, 23, 9, 35, 0)
    assert rules.guided_in_time(arrived, at(2026, 11, 23, 9, 35, 0).replace(microsecond=900_000), 5)


def test_the_minutes_come_from_the_version():
    arrived = at(2026, 11, 23, 9, 30)
    assert rules.guided_in_time(arrived, arrived + timedelta(minutes=7), 10)
    assert not rules.guided_in_time(arrived, arrived + timedelta(minutes=4), 3)


def test_clock_labels_and_levels():
    assert rules.clock_label(0) == "0:00"
    assert rules.clock_label(300) == "5:00"
    assert rules.clock_label(3723) == "1:02:03"
    assert rules.waiting_level(100, 300) == "ok"
    assert rules.waiting_level(180, 300) == "soon"
    assert rules.waiting_level(300, 300) == "soon"
    assert rules.waiting_level(301, 300) == "late"


moments = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(KST)
)


@given(moments, st.integers(min_value=0, max_value=4 * 3600), st.integers(min_value=1, max_value=60))
def test_guided_in_time_agrees_with_the_stored_deadline(arrived, seconds, minutes):
    """The one comparison the compliance query makes (guided ≤ deadline, both to the second) is the rule."""
    guided = arrived + timedelta(seconds=seconds)
    deadline = rules.guide_deadline(arrived, minutes)
    assert rules.guided_in_time(arrived, guided, minutes) == (rules.to_second(guided) <= deadline)
    assert rules.guided_in_time(arrived, guided, minutes) == (
        rules.waited_seconds(arrived, guided) <= minutes * 60
    )


@given(moments, st.integers(min_value=0, max_value=3600), st.integers(min_value=0, max_value=3600))
def test_waiting_longer_never_turns_a_miss_into_a_met(arrived, a, b):
    early, late = sorted((a, b))
    if not rules.guided_in_time(arrived, arrived + timedelta(seconds=early), 5):
        assert not rules.guided_in_time(arrived, arrived + timedelta(seconds=late), 5)


# --- FIELD_VISIT_NOTICE: the day before on the agency's calendar --------------------------------------------
def test_notice_day_is_the_previous_business_day():
    # Tuesday → Monday; Monday → the Friday before; the Tuesday after 추석 2026 (9/24–26) and 개천절 → ...
    assert rules.notice_day(date(2026, 11, 24), 1, CAL) == date(2026, 11, 23)
    assert rules.notice_day(date(2026, 11, 23), 1, CAL) == date(2026, 11, 20)
    assert rules.notice_day(date(2026, 10, 6), 1, CAL) == date(2026, 10, 2)  # 10/5 is 개천절's substitute
    assert rules.notice_day(date(2026, 11, 24), 2, CAL) == date(2026, 11, 20)


def test_an_agency_closure_counts_too():
    cal = BusinessCalendar.korean([2026], closures=[date(2026, 11, 23)])
    assert rules.notice_day(date(2026, 11, 24), 1, cal) == date(2026, 11, 20)


def test_notice_due_and_send_moments():
    visit = at(2026, 11, 24, 14, 0)
    assert rules.notice_due_at(visit, 1, CAL) == at(2026, 11, 24, 0, 0)
    assert rules.notice_send_at(visit, 1, CAL, arranged_at=at(2026, 11, 10, 9)) == at(2026, 11, 23, 10, 0)
    # arranged after 10:00 of the notice day: at once (still on time until midnight)
    assert rules.notice_send_at(visit, 1, CAL, arranged_at=at(2026, 11, 23, 16, 5, 30)) == at(
        2026, 11, 23, 16, 5, 30
    )
    assert rules.notice_in_time(at(2026, 11, 23, 23, 59, 59), rules.notice_due_at(visit, 1, CAL))
    assert not rules.notice_in_time(at(2026, 11, 24, 0, 0), rules.notice_due_at(visit, 1, CAL))
    assert not rules.notice_in_time(None, rules.notice_due_at(visit, 1, CAL))


@given(
    st.dates(min_value=date(2026, 1, 5), max_value=date(2027, 12, 31)), st.integers(min_value=1, max_value=3)
)
def test_the_notice_day_is_a_business_day_before_the_visit(day, days):
    notice = rules.notice_day(day, days, CAL)
    assert notice < day
    assert CAL.is_business_day(notice)
    between = [notice + timedelta(d) for d in range(1, (day - notice).days)]
    assert sum(CAL.is_business_day(d) for d in between) == days - 1


@given(moments, moments)
def test_the_notice_never_goes_out_after_its_deadline_unless_arranged_late(visit, arranged):
    send = rules.notice_send_at(visit, 1, CAL, arranged_at=arranged)
    due = rules.notice_due_at(visit, 1, CAL)
    if arranged < due - timedelta(hours=14):
        assert send < due
    assert send >= rules.to_second(arranged)


# --- the expert room --------------------------------------------------------------------------------------
def req(key, minute, priority=None):
    return rules.Request(key, at(2026, 11, 1, 9, minute), priority)


def test_vulnerable_groups_first_then_first_come():
    requests = [req(1, 0), req(2, 1, priority=2), req(3, 2), req(4, 3, priority=1), req(5, 4, priority=2)]
    allocation = rules.allocate(requests, 3)
    assert allocation.confirmed == (4, 2, 5)
    assert allocation.waitlisted == (1, 3)


def test_seats_already_taken_are_kept():
    allocation = rules.allocate([req(1, 0, priority=1), req(2, 1)], 2, already_confirmed=1)
    assert allocation.confirmed == (1,)
    assert allocation.waitlisted == (2,)
    assert rules.allocate([req(1, 0)], 1, already_confirmed=3).confirmed == ()


requests_strategy = st.lists(
    st.builds(
        rules.Request,
        st.integers(min_value=1, max_value=10_000),
        moments,
        st.one_of(st.none(), st.integers(min_value=1, max_value=4)),
    ),
    max_size=30,
    unique_by=lambda r: r.key,
)


@given(requests_strategy, st.integers(min_value=0, max_value=10), st.integers(min_value=0, max_value=10))
def test_allocation_properties(requests, seats, taken):
    allocation = rules.allocate(requests, seats, already_confirmed=taken)
    everyone = allocation.confirmed + allocation.waitlisted
    assert sorted(everyone) == sorted(r.key for r in requests)  # nobody lost, nobody twice
    assert len(allocation.confirmed) == min(max(seats - taken, 0), len(requests))
    by_key = {r.key: r for r in requests}
    for winner in allocation.confirmed:  # nobody waiting outranks anybody confirmed
        for loser in allocation.waitlisted:
            w, lo = by_key[winner], by_key[loser]
            if lo.priority is not None:
                assert w.priority is not None and w.priority <= lo.priority
            if w.priority == lo.priority:
                assert (w.requested_at, w.key) <= (lo.requested_at, lo.key)


def test_allocation_and_reminder_moments():
    slot = at(2026, 11, 26, 14, 0)  # Thursday
    assert rules.allocation_moment(slot, CAL) == at(2026, 11, 24, 10, 0)
    assert rules.reminder_send_at(slot, CAL, now=at(2026, 11, 1)) == at(2026, 11, 25, 10, 0)
    assert rules.reminder_send_at(slot, CAL, now=at(2026, 11, 25, 15)) == at(2026, 11, 25, 15)


# --- yearly-count standards (charter) ---------------------------------------------------------------------
def test_count_window_and_judgement():
    assert count_window(date(2026, 1, 1), date(2026, 7, 1), date(2026, 12, 1)) == (
        date(2026, 1, 1),
        date(2026, 7, 1),
        False,
    )
    assert count_window(date(2026, 7, 1), date(2027, 1, 1), date(2027, 1, 5))[2] is True
    assert count_window(date(2026, 7, 1), date(2027, 1, 1), date(2026, 12, 31))[2] is False
    assert judge_count(3, 3, final=False).met is True
    assert judge_count(2, 3, final=False).met is None
    assert judge_count(2, 3, final=True).met is False
    assert judge_count(1, 3, final=False).remaining == 2


@given(st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=50), st.booleans())
def test_more_events_never_judge_worse(count, target, final):
    score = {True: 2, None: 1, False: 0}
    assert (
        score[judge_count(count + 1, target, final=final).met]
        >= score[judge_count(count, target, final=final).met]
    )
