"""Protection rules, directly and with hypothesis: no database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chinjeol.protection import rules

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
# The machine may be busy: no timing health checks, the same examples every run.
QUIET = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
LABELS = st.lists(st.sampled_from(rules.LABELS), unique=True)


def test_defaults_threat_and_sexual_end_after_one_notice():
    for label in ("threat", "sexual"):
        decision = rules.protocol_decision([label], offences_before=0)
        assert decision.action == "end" and decision.category == label and decision.offence == 1
        assert "종료" in decision.notice and "종료" in decision.script


def test_defaults_profanity_warns_then_ends_on_the_second():
    first = rules.protocol_decision(["profanity"], offences_before=0)
    second = rules.protocol_decision(["profanity"], offences_before=1)
    assert (first.action, second.action) == ("warn", "end")
    assert "종료될 수 있습니다" in first.notice


def test_no_labels_no_action():
    assert rules.protocol_decision([], offences_before=5) == rules.Decision("none", "", 0)


def test_the_strictest_label_decides_and_the_most_serious_is_the_category():
    decision = rules.protocol_decision(["profanity", "threat"], offences_before=0)
    assert decision.action == "end" and decision.category == "threat"


def test_policy_is_configurable():
    lenient = rules.Policy(end_at={"profanity": 3, "threat": 2, "sexual": 1})
    assert rules.protocol_decision(["profanity"], offences_before=1, policy=lenient).action == "warn"
    assert rules.protocol_decision(["threat"], offences_before=0, policy=lenient).action == "warn"
    assert rules.protocol_decision(["threat"], offences_before=1, policy=lenient).action == "end"


@QUIET
@given(LABELS, st.integers(min_value=0, max_value=50))
def test_an_abusive_message_is_never_ignored_and_ending_is_final(labels, before):
    decision = rules.protocol_decision(labels, offences_before=before)
    if labels:
        assert decision.action in ("warn", "end") and decision.category in labels
        assert decision.offence == before + 1
        # once a conversation would end, any later offence ends it too
        if decision.action == "end":
            assert rules.protocol_decision(labels, offences_before=before + 1).action == "end"
    else:
        assert decision.action == "none"


@QUIET
@given(LABELS.filter(bool), st.integers(min_value=0, max_value=50))
def test_adding_a_more_serious_label_never_softens_the_decision(labels, before):
    base = rules.protocol_decision(labels, offences_before=before)
    worse = rules.protocol_decision([*labels, "threat"], offences_before=before)
    assert not (base.action == "end" and worse.action == "warn")
    assert worse.category == "threat"


def test_call_length_stages():
    assert rules.call_length_stage(0) == "ok"
    assert rules.call_length_stage(14 * 60 + 59) == "ok"
    assert rules.call_length_stage(15 * 60) == "warn"
    assert rules.call_length_stage(20 * 60) == "end"


@QUIET
@given(st.floats(min_value=0, max_value=10_000), st.floats(min_value=0, max_value=10_000))
def test_call_length_stage_never_goes_back_as_time_passes(a, b):
    order = ["ok", "warn", "end"]
    low, high = sorted((a, b))
    assert order.index(rules.call_length_stage(low)) <= order.index(rules.call_length_stage(high))


def test_repeat_caller_threshold_within_the_window():
    times = [NOW - timedelta(days=d) for d in (1, 10, 89)]
    assert rules.is_repeat_caller(times, now=NOW)
    assert not rules.is_repeat_caller(times[:2], now=NOW)
    old = [NOW - timedelta(days=d) for d in (1, 10, 91)]
    assert not rules.is_repeat_caller(old, now=NOW)
    assert rules.is_repeat_caller(times[:2], now=NOW, policy=rules.Policy(repeat_threshold=2))


@QUIET
@given(st.lists(st.integers(min_value=0, max_value=200), max_size=10))
def test_one_more_incident_never_unflags(days):
    times = [NOW - timedelta(days=d) for d in days]
    if rules.is_repeat_caller(times, now=NOW):
        assert rules.is_repeat_caller([*times, NOW], now=NOW)


SALT = b"k" * 32


def test_caller_hash_ignores_formatting_and_hides_the_number():
    h = rules.caller_hash("010-1234-5678", SALT)
    assert h == rules.caller_hash("01012345678", SALT) == rules.caller_hash("+82 10 1234 5678", SALT)
    assert len(h) == 32 and "5678" not in h
    assert rules.caller_hash("010-1234-5679", SALT) != h
    assert rules.caller_hash("010-1234-5678", b"x" * 32) != h
    assert rules.caller_hash("", SALT) == ""


@QUIET
@given(
    st.from_regex(r"01[016789][0-9]{7,8}", fullmatch=True),
    st.from_regex(r"01[016789][0-9]{7,8}", fullmatch=True),
)
def test_caller_hash_is_stable_and_tells_numbers_apart(a, b):
    assert rules.caller_hash(a, SALT) == rules.caller_hash(a, SALT)
    assert (rules.caller_hash(a, SALT) == rules.caller_hash(b, SALT)) == (a == b)
    assert a not in rules.caller_hash(a, SALT)


def test_exposure_table_counts_per_counsellor_and_month():
    rows = [
        (1, datetime(2026, 11, 3), "profanity", False),
        (1, datetime(2026, 11, 20), "threat", True),
        (1, datetime(2026, 12, 1), "sexual", True),
        (2, datetime(2026, 11, 5), "profanity", True),
    ]
    table = rules.exposure_table(rows)
    assert table[(1, "2026-11")] == {"total": 2, "ended": 1, "profanity": 1, "threat": 1}
    assert table[(1, "2026-12")]["sexual"] == 1 and table[(2, "2026-11")]["total"] == 1
