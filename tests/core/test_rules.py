from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from chinjeol.core import rules

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=15)


def test_four_failures_do_not_lock():
    failures = [NOW - timedelta(minutes=m) for m in (1, 2, 3, 4)]
    assert rules.lockout_until(failures, now=NOW, max_failures=5, window=WINDOW) is None


def test_five_failures_lock_for_the_window():
    failures = [NOW - timedelta(minutes=m) for m in (0, 1, 2, 3, 4)]
    until = rules.lockout_until(failures, now=NOW, max_failures=5, window=WINDOW)
    assert until == NOW + WINDOW


def test_old_failures_do_not_count():
    failures = [NOW - timedelta(minutes=m) for m in (20, 21, 22, 23, 24)]
    assert rules.lockout_until(failures, now=NOW, max_failures=5, window=WINDOW) is None


@given(st.lists(st.integers(min_value=0, max_value=14 * 60), max_size=12))
def test_lock_needs_enough_failures(seconds_ago):
    failures = [NOW - timedelta(seconds=s) for s in seconds_ago]
    until = rules.lockout_until(failures, now=NOW, max_failures=5, window=WINDOW)
    assert (until is not None) == (len(failures) >= 5)
    if until is not None:
        assert until > NOW


def test_subtree_ids():
    parent_of = {1: None, 2: 1, 3: 2, 4: 2, 5: None, 6: 5}
    assert rules.subtree_ids([2], parent_of) == {2, 3, 4}
    assert rules.subtree_ids([1], parent_of) == {1, 2, 3, 4}
    assert rules.subtree_ids([5, 3], parent_of) == {5, 6, 3}
    assert rules.subtree_ids([99], parent_of) == set()


def test_client_ip():
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "192.0.2.7, 10.0.0.1"}
    assert rules.client_ip(meta, trust_forwarded=False) == "10.0.0.1"
    assert rules.client_ip(meta, trust_forwarded=True) == "192.0.2.7"
