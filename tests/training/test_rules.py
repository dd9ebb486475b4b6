"""Training rules, without a database: grading and the pass mark, rates, due states, reminders and chasing,
targeting, and byte ranges for the video."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.training import rules
from chinjeol.training.rules import State, Target, TargetKind

DAY = date(2026, 11, 20)


# ── grading ──────────────────────────────────────────────────────────────────────────────────────────


def test_grade_counts_right_answers_and_leaves_out_unknown_questions():
    key = {1: 0, 2: 2, 3: 1, 4: 1}
    g = rules.grade({1: 0, 2: 2, 3: 0, 99: 1}, key, pass_mark=75)
    assert (g.correct, g.total) == (2, 4)
    assert g.score == 50 and not g.passed


def test_pass_mark_is_inclusive_and_exact():
    key = {i: 0 for i in range(5)}
    assert rules.grade({0: 0, 1: 0, 2: 0, 3: 0, 4: 1}, key, 80).passed  # 4/5 = 80 %
    nine = {i: 0 for i in range(9)}
    seven = {i: 0 for i in range(7)}
    g = rules.grade(seven, nine, 78)  # 77.8 % shows as 78 but does not pass 78
    assert g.score == 78 and not g.passed


def test_an_empty_quiz_never_passes_and_a_bad_pass_mark_is_refused():
    assert not rules.grade({}, {}, 0).passed
    with pytest.raises(ValueError):
        rules.grade({}, {1: 0}, 101)


@given(
    st.dictionaries(st.integers(0, 20), st.integers(0, 4), min_size=1),
    st.dictionaries(st.integers(0, 20), st.one_of(st.none(), st.integers(0, 4))),
    st.integers(0, 100),
)
def test_grade_properties(key, answers, mark):
    g = rules.grade(answers, key, mark)
    assert 0 <= g.correct <= g.total == len(key)
    assert 0 <= g.score <= 100
    # all right always passes; one more right answer never turns a pass into a fail
    assert rules.grade(dict(key), key, mark).passed
    wrong = next((q for q in key if answers.get(q) != key[q]), None)
    if g.passed and wrong is not None:
        assert rules.grade({**answers, wrong: key[wrong]}, key, mark).passed


# ── rates ────────────────────────────────────────────────────────────────────────────────────────────


def test_completion_rate():
    assert rules.completion_rate(0, 0) is None
    assert rules.completion_rate(2, 3) == Decimal("66.7")
    assert rules.completion_rate(1, 8) == Decimal("12.5")
    assert rules.completion_rate(5, 5) == Decimal("100.0")
    with pytest.raises(ValueError):
        rules.completion_rate(4, 3)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_rate_is_a_percentage_that_grows_with_completions(a, b):
    done, assigned = min(a, b), max(a, b)
    if assigned == 0:
        assert rules.completion_rate(done, assigned) is None
        return
    rate = rules.completion_rate(done, assigned)
    assert Decimal(0) <= rate <= Decimal(100)
    if done < assigned:
        assert rules.completion_rate(done + 1, assigned) >= rate


# ── due dates, reminders, chasing ────────────────────────────────────────────────────────────────────


def test_assignment_states():
    due = DAY
    assert rules.assignment_state(due, None, due) == State.DUE_SOON  # the due day itself is still in time
    assert rules.assignment_state(due, None, due + timedelta(days=1)) == State.OVERDUE
    assert rules.assignment_state(due, None, due - timedelta(days=3)) == State.DUE_SOON
    assert rules.assignment_state(due, None, due - timedelta(days=4)) == State.OPEN
    assert rules.assignment_state(due, due, due + timedelta(days=9)) == State.DONE
    assert rules.assignment_state(due, due + timedelta(days=1), due + timedelta(days=9)) == State.DONE_LATE


@given(st.dates(date(2025, 1, 1), date(2027, 12, 31)), st.dates(date(2025, 1, 1), date(2027, 12, 31)))
def test_overdue_exactly_when_past_the_due_day_and_not_done(due, today):
    state = rules.assignment_state(due, None, today)
    assert (state == State.OVERDUE) == (today > due)
    assert rules.chase_due(due, today, chased_on=None) == (today > due)


def test_one_reminder_in_the_last_days_and_a_chase_a_week():
    assert not rules.reminder_due(DAY, DAY - timedelta(days=4), reminded_on=None)
    assert rules.reminder_due(DAY, DAY - timedelta(days=3), reminded_on=None)
    assert rules.reminder_due(DAY, DAY, reminded_on=None)
    assert not rules.reminder_due(DAY, DAY, reminded_on=DAY - timedelta(days=1))
    assert not rules.reminder_due(DAY, DAY + timedelta(days=1), reminded_on=None)
    later = DAY + timedelta(days=10)
    assert not rules.chase_due(DAY, later, chased_on=later - timedelta(days=6))
    assert rules.chase_due(DAY, later, chased_on=later - timedelta(days=7))


# ── targeting ────────────────────────────────────────────────────────────────────────────────────────


def person(**kw):
    base = {
        "staff_id": 1,
        "department_id": 10,
        "roles": frozenset({"staff"}),
        "registered_on": date(2020, 1, 1),
    }
    return rules.Person(**{**base, **kw})


def test_targeting_by_each_kind():
    assert rules.is_targeted(
        person(roles=frozenset({"staff", "cs_leader"})), Target(TargetKind.ROLE, role="cs_leader"), DAY
    )
    assert not rules.is_targeted(person(), Target(TargetKind.ROLE, role="cs_leader"), DAY)
    assert rules.is_targeted(person(), Target(TargetKind.DEPARTMENT, department_ids=frozenset({10, 11})), DAY)
    assert not rules.is_targeted(person(), Target(TargetKind.DEPARTMENT, department_ids=frozenset({11})), DAY)
    assert rules.is_targeted(
        person(registered_on=DAY - timedelta(days=89)), Target(TargetKind.NEW_STAFF), DAY
    )
    assert not rules.is_targeted(
        person(registered_on=DAY - timedelta(days=90)), Target(TargetKind.NEW_STAFF), DAY
    )
    assert rules.is_targeted(
        person(weakest_item="phone"), Target(TargetKind.WEAKEST_ITEM, item_code="phone"), DAY
    )
    assert not rules.is_targeted(
        person(weakest_item=None), Target(TargetKind.WEAKEST_ITEM, item_code=""), DAY
    )
    assert rules.is_targeted(person(), Target(TargetKind.PERSON, staff_ids=frozenset({1})), DAY)


@given(
    st.sampled_from(list(TargetKind)),
    st.integers(1, 5),
    st.frozensets(st.integers(1, 5)),
    st.sampled_from(["staff", "cs_leader", "dept_head"]),
)
def test_the_assigners_scope_always_narrows(kind, department, scope, role):
    p = person(department_id=department, roles=frozenset({"staff", role}), weakest_item="phone",
               registered_on=DAY)  # fmt: skip
    target = Target(kind, role=role, department_ids=frozenset({department}), item_code="phone",
                    staff_ids=frozenset({1}))  # fmt: skip
    assert rules.is_targeted(p, target, DAY)  # a target built to reach them does
    assert rules.is_targeted(p, target, DAY, scope) == (department in scope)


# ── byte ranges ──────────────────────────────────────────────────────────────────────────────────────


def test_byte_ranges():
    assert rules.byte_range(None, 1000) is None
    assert rules.byte_range("bytes=0-", 1000) == (0, 999)
    assert rules.byte_range("bytes=100-199", 1000) == (100, 199)
    assert rules.byte_range("bytes=900-5000", 1000) == (900, 999)
    assert rules.byte_range("bytes=-100", 1000) == (900, 999)
    assert rules.byte_range("bytes=-5000", 1000) == (0, 999)
    assert rules.byte_range("bytes=0-1,5-9", 1000) is None  # several ranges: the whole file
    assert rules.byte_range("items=0-5", 1000) is None
    assert rules.byte_range("bytes=9-3", 1000) is None
    assert rules.byte_range("bytes=0-", 10_000_000, max_chunk=1000) == (0, 999)
    for header in ("bytes=1000-", "bytes=-0"):
        with pytest.raises(rules.RangeNotSatisfiable):
            rules.byte_range(header, 1000)


@given(st.integers(1, 10**9), st.integers(0, 2 * 10**9), st.one_of(st.none(), st.integers(0, 2 * 10**9)))
def test_a_served_range_lies_inside_the_file(size, first, last):
    header = f"bytes={first}-{'' if last is None else last}"
    try:
        got = rules.byte_range(header, size)
    except rules.RangeNotSatisfiable:
        assert first >= size
        return
    if got is None:
        assert last is not None and last < first
        return
    a, b = got
    assert a == first and a <= b <= size - 1 and b - a < rules.MAX_CHUNK
