from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.kindness import rules
from chinjeol.kindness.rules import Signal, Thresholds, traffic_light

R = rules.ScoreRules()


@pytest.mark.parametrize(
    ("score", "signal"),
    [
        ("90.0", Signal.BLUE),
        ("89.99", Signal.GREEN),
        ("80", Signal.GREEN),
        ("79.99", Signal.YELLOW),
        ("70", Signal.YELLOW),
        ("65.0", Signal.ORANGE),
        ("64.99", Signal.RED),
        ("0", Signal.RED),
        ("100", Signal.BLUE),
    ],
)
def test_traffic_light_boundaries(score, signal):
    assert traffic_light(Decimal(score)) == signal


def test_custom_and_invalid_thresholds():
    custom = Thresholds(blue=Decimal("95"), green=Decimal("85"), yellow=Decimal("75"), orange=Decimal("60"))
    assert traffic_light(Decimal("92"), custom) == Signal.GREEN
    assert traffic_light(Decimal("60"), custom) == Signal.ORANGE
    with pytest.raises(ValueError, match="신호등"):
        Thresholds(blue=Decimal("80"), green=Decimal("85"))


def test_score_base_caps_and_negatives():
    assert rules.staff_score({}, R).score == Decimal("75.00")
    full = rules.staff_score({"phone": 100, "survey": 100, "praise": 100, "smile": 100, "training": 100}, R)
    assert full.score == Decimal("100.00") and full.contributions["phone"] == Decimal("8.00")
    one_unkind = rules.staff_score({"unkind": -10}, R)
    assert one_unkind.score == Decimal("65.00") and traffic_light(one_unkind.score) == Signal.ORANGE
    assert rules.staff_score({"unkind": -1000}, R).score == Decimal("45.00")  # capped at −30


def test_department_score_and_small_departments():
    dep = rules.department_score(
        [Decimal("90"), Decimal("80")], Decimal("2"), min_members=3, organisation_mean=Decimal("70")
    )
    assert dep.score == Decimal("78.00") and "보정" in dep.note
    big = rules.department_score([Decimal("90")] * 5, Decimal("50"))
    assert big.score == Decimal("80.00") and big.deduction == Decimal("10")
    assert rules.department_score([], Decimal("0")).score is None


def test_rank_ties():
    assert rules.rank([("a", 90), ("b", 95), ("c", 90), ("d", None), ("e", 80)]) == [
        ("b", 1),
        ("a", 2),
        ("c", 2),
        ("e", 4),
        ("d", None),
    ]


def test_weakest_item():
    mine = {"phone": Decimal("2"), "survey": Decimal("6")}
    assert rules.weakest_item(mine, R, {"phone": Decimal("7"), "survey": Decimal("5")}) == "phone"
    assert rules.weakest_item(mine, R, {"phone": Decimal("1")}) is None


totals = st.dictionaries(
    st.sampled_from([i.code for i in R.items]), st.integers(min_value=-200, max_value=200)
)


@given(totals)
def test_score_always_in_range(item_totals):
    assert Decimal(0) <= rules.staff_score(item_totals, R).score <= Decimal(100)


@given(st.decimals(min_value=0, max_value=100, places=2), st.decimals(min_value=0, max_value=100, places=2))
def test_lower_score_never_gets_better_light(a, b):
    order = [Signal.RED, Signal.ORANGE, Signal.YELLOW, Signal.GREEN, Signal.BLUE]
    low, high = sorted([a, b])
    assert order.index(traffic_light(low)) <= order.index(traffic_light(high))


@given(
    totals,
    st.sampled_from(["phone", "survey", "praise", "smile", "training"]),
    st.integers(min_value=1, max_value=20),
)
def test_positive_entry_never_lowers(item_totals, code, points):
    before = rules.staff_score(item_totals, R).score
    after = rules.staff_score({**item_totals, code: item_totals.get(code, 0) + points}, R).score
    assert after >= before


@given(totals, st.integers(min_value=1, max_value=50))
def test_negative_entry_never_raises(item_totals, points):
    before = rules.staff_score(item_totals, R).score
    after = rules.staff_score({**item_totals, "unkind": item_totals.get("unkind", 0) - points}, R).score
    assert after <= before


def test_happy_call_points():
    assert rules.happy_call_points(5) == Decimal("1") and rules.happy_call_points(1) == Decimal("-1")
    with pytest.raises(ValueError):
        rules.happy_call_points(6)
