from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.cases import rules
from tests.factories import at


def test_transitions():
    assert rules.transition_error("received", "assigned") is None
    assert rules.transition_error("in_progress", "closed") is None
    assert "이미 '완료'" in rules.transition_error("closed", "in_progress")
    assert rules.transition_error("withdrawn", "closed") is not None


def test_receipt_no():
    assert rules.format_receipt_no(2026, 42) == "2026-0000042"
    with pytest.raises(ValueError):
        rules.format_receipt_no(2026, 0)


def test_route_first_matching_rule():
    routes = [
        rules.Route("주차", "", "", 1),
        rules.Route("", "disclosure", "", 2),
        rules.Route("", "", "", 3),
    ]
    assert rules.route("불법 주차 신고", "", kind="grievance", channel="web", routes=routes) == 1
    assert rules.route("자료 요청", "", kind="disclosure", channel="web", routes=routes) == 2
    assert rules.route("기타", "", kind="inquiry", channel="phone", routes=routes) == 3
    assert rules.route("기타", "", kind="inquiry", channel="phone", routes=[]) is None


PROMISE = at(2026, 11, 20, 18)


@pytest.mark.parametrize(
    ("status", "interim", "closed", "now", "owed"),
    [
        ("in_progress", None, None, at(2026, 11, 21), True),
        ("in_progress", None, None, at(2026, 11, 20, 17), False),
        ("closed", None, at(2026, 11, 20, 17), at(2026, 11, 25), False),
        ("closed", None, at(2026, 11, 22), at(2026, 11, 25), True),
        ("in_progress", at(2026, 11, 19), None, at(2026, 11, 25), False),
        ("in_progress", at(2026, 11, 21), None, at(2026, 11, 25), True),
        ("transferred", None, None, at(2026, 11, 25), False),
        ("withdrawn", None, None, at(2026, 11, 25), False),
    ],
)
def test_compensation_owed(status, interim, closed, now, owed):
    assert (
        rules.compensation_owed(
            status=status,
            promise_due_at=PROMISE,
            interim_last_at=interim,
            first_interim_at=interim,
            closed_at=closed,
            now=now,
        )
        is owed
    )


@given(st.integers(min_value=-100, max_value=100))
def test_no_compensation_before_the_promise(hours):
    now = PROMISE + timedelta(hours=hours)
    owed = rules.compensation_owed(
        status="in_progress",
        promise_due_at=PROMISE,
        interim_last_at=None,
        first_interim_at=None,
        closed_at=None,
        now=now,
    )
    assert owed == (hours > 0)


def test_handler_contact():
    assert (
        rules.handler_contact(extension="2101", department_phone="02-2100-2100", agency_phone="02-120")
        == "02-2100-2101"
    )
    assert (
        rules.handler_contact(extension="2101", department_phone="", agency_phone="02-120")
        == "02-120 (내선 2101)"
    )
