from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.kindness import rules
from chinjeol.kindness.rules import (
    SIGNALS_BEST_FIRST,
    ItemRule,
    Period,
    ScoreRules,
    Signal,
    Thresholds,
    traffic_light,
)

R = ScoreRules()
D = Decimal
POSITIVE = [i.code for i in R.items if i.sign > 0]


# ── Periods ──────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("code", "kind", "year", "number", "start", "end", "label"),
    [
        ("2026-11", "month", 2026, 11, date(2026, 11, 1), date(2026, 12, 1), "2026년 11월"),
        ("2026-12", "month", 2026, 12, date(2026, 12, 1), date(2027, 1, 1), "2026년 12월"),
        ("2026-01", "month", 2026, 1, date(2026, 1, 1), date(2026, 2, 1), "2026년 1월"),
        ("2026-H1", "half", 2026, 1, date(2026, 1, 1), date(2026, 7, 1), "2026년 상반기"),
        ("2026-H2", "half", 2026, 2, date(2026, 7, 1), date(2027, 1, 1), "2026년 하반기"),
        ("2026", "year", 2026, 1, date(2026, 1, 1), date(2027, 1, 1), "2026년"),
    ],
)
def test_period_parse_bounds_and_labels(code, kind, year, number, start, end, label):
    period = Period.parse(code)
    assert (period.kind, period.year, period.number) == (kind, year, number)
    assert (period.start, period.end, period.label_ko, str(period)) == (start, end, label, code)


def test_period_parse_tolerates_case_and_spaces():
    assert Period.parse(" 2026-h2 ") == Period("half", 2026, 2)


@pytest.mark.parametrize(
    "bad", ["2026-13", "2026-00", "2026-H3", "2026-H0", "26-11", "", "2026-1", "2026/11", "abc"]
)
def test_period_parse_rejects_bad_codes(bad):
    with pytest.raises(ValueError, match="기간 형식이 올바르지 않습니다"):
        Period.parse(bad)


def test_period_constructor_validates():
    for args in [("week", 2026, 1), ("month", 2026, 13), ("half", 2026, 3), ("year", 2026, 2)]:
        with pytest.raises(ValueError):
            Period(*args)


def test_period_containing_half_previous_and_months():
    assert Period.containing(date(2026, 6, 30), "half") == Period.parse("2026-H1")
    assert Period.containing(date(2026, 7, 1), "half") == Period.parse("2026-H2")
    assert Period.containing(date(2026, 11, 5), "month") == Period.parse("2026-11")
    assert Period.containing(date(2026, 11, 5), "year") == Period.parse("2026")
    with pytest.raises(ValueError):
        Period.containing(date(2026, 11, 5), "week")
    assert Period.parse("2026-11").half() == Period.parse("2026-H2")
    assert Period.parse("2026-06").half() == Period.parse("2026-H1")
    assert Period.parse("2026-H1").half() == Period.parse("2026-H1")
    with pytest.raises(ValueError):
        Period.parse("2026").half()
    assert Period.parse("2026-01").previous() == Period.parse("2025-12")
    assert Period.parse("2026-H1").previous() == Period.parse("2025-H2")
    assert Period.parse("2026-H2").previous() == Period.parse("2026-H1")
    assert Period.parse("2026").previous() == Period.parse("2025")
    assert [str(m) for m in Period.parse("2026-H2").months()] == [f"2026-{m:02d}" for m in range(7, 13)]
    assert len(Period.parse("2026").months()) == 12
    assert Period.parse("2026-11").months() == [Period.parse("2026-11")]


def test_periods_sort_chronologically():
    codes = ["2026-H2", "2025", "2026-07", "2026-01", "2026"]
    assert [str(p) for p in sorted(map(Period.parse, codes))] == [
        "2025",
        "2026-01",
        "2026",
        "2026-07",
        "2026-H2",
    ]


@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2998, 12, 31)), st.sampled_from(rules.PERIOD_KINDS)
)
def test_period_containing_contains_the_day(day, kind):
    period = Period.containing(day, kind)
    assert period.start <= day < period.end
    assert Period.parse(str(period)) == period
    assert period.previous().end == period.start
    months = period.months()
    assert months[0].start == period.start and months[-1].end == period.end


# ── Traffic light ────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("score", "signal"),
    [
        ("90.0", Signal.BLUE),
        ("89.99", Signal.GREEN),
        ("80", Signal.GREEN),
        ("79.99", Signal.YELLOW),
        ("70", Signal.YELLOW),
        ("69.99", Signal.ORANGE),
        ("65.0", Signal.ORANGE),
        ("64.99", Signal.RED),
        ("0", Signal.RED),
        ("100", Signal.BLUE),
    ],
)
def test_traffic_light_boundaries(score, signal):
    assert traffic_light(D(score)) == signal


def test_traffic_light_accepts_int_and_float():
    assert traffic_light(90) == Signal.BLUE
    assert traffic_light(89.99) == Signal.GREEN


def test_custom_thresholds():
    custom = Thresholds(blue=D("95"), green=D("85"), yellow=D("75"), orange=D("60"))
    assert traffic_light(D("92"), custom) == Signal.GREEN
    assert traffic_light(D("95"), custom) == Signal.BLUE
    assert traffic_light(D("60"), custom) == Signal.ORANGE
    assert traffic_light(D("59.99"), custom) == Signal.RED
    assert Thresholds(95, 85, 75, 60) == custom


@pytest.mark.parametrize("values", [(80, 85, 70, 65), (90, 80, 80, 65), (90, 80, 70, 70), (65, 70, 80, 90)])
def test_invalid_thresholds(values):
    with pytest.raises(ValueError, match="신호등"):
        Thresholds(*values)


def test_signal_labels():
    assert [rules.SIGNAL_LABELS[s].colour for s in SIGNALS_BEST_FIRST] == [
        "파랑",
        "초록",
        "노랑",
        "주황",
        "빨강",
    ]
    colour, meaning = rules.SIGNAL_LABELS[Signal.RED]
    assert (colour, meaning) == ("빨강", "개선 필요")
    assert rules.SIGNAL_LABELS[Signal.BLUE].meaning == "매우 우수"


@given(st.decimals(min_value=0, max_value=100, places=2), st.decimals(min_value=0, max_value=100, places=2))
def test_lower_score_never_gets_better_light(a, b):
    low, high = sorted([a, b])
    assert SIGNALS_BEST_FIRST.index(traffic_light(low)) >= SIGNALS_BEST_FIRST.index(traffic_light(high))


# ── Personal score ───────────────────────────────────────────────────────────────────────────────────


def test_default_items():
    assert [i.code for i in rules.DEFAULT_ITEMS] == [
        "phone",
        "survey",
        "praise",
        "unkind",
        "smile",
        "training",
    ]
    unkind = R.item("unkind")
    assert unkind.sign == -1 and unkind.event_points == D("-10")
    assert R.item("nope") is None


def test_no_entries_scores_the_base():
    result = rules.staff_score({}, R)
    assert result.score == D("75.00") and traffic_light(result.score) == Signal.YELLOW
    assert set(result.contributions) == {i.code for i in R.items}
    assert all(v == 0 for v in result.contributions.values())


def test_worked_example_from_the_guide():
    # 전화응대 점검 5회(4회 +2, 1회 −1) = 7, 해피콜 6건 = 4.5, 칭찬 3건 = 9 → 상한 6, 교육 2과정 = 4
    result = rules.staff_score({"phone": D("7"), "survey": D("4.5"), "praise": D("9"), "training": D("4")}, R)
    assert result.contributions["praise"] == D("6") and result.capped == {"praise"}
    assert result.score == D("96.50") and traffic_light(result.score) == Signal.BLUE
    with_unkind = rules.staff_score(
        {"phone": D("7"), "survey": D("4.5"), "praise": D("9"), "training": D("4"), "unkind": D("-10")}, R
    )
    assert with_unkind.score == D("86.50") and traffic_light(with_unkind.score) == Signal.GREEN


def test_realistic_half_year_spreads_over_all_colours():
    ledger = {
        "excellent": {"phone": 12, "survey": D("5.5"), "praise": 6, "training": 4},
        "good": {"phone": 8, "survey": 3, "training": 2},
        "average": {"phone": 2, "survey": 1},
        "slipping": {"phone": 2, "survey": D("0.5"), "unkind": -10},
        "poor": {"phone": 1, "survey": -1, "unkind": -20},
    }
    lights = {who: traffic_light(rules.staff_score(t, R).score) for who, t in ledger.items()}
    assert lights == {
        "excellent": Signal.BLUE,
        "good": Signal.GREEN,
        "average": Signal.YELLOW,
        "slipping": Signal.ORANGE,
        "poor": Signal.RED,
    }


def test_caps_keep_one_item_from_dominating():
    for code in POSITIVE:
        alone = rules.staff_score({code: 10_000}, R)
        assert alone.contributions[code] == R.item(code).cap
        assert traffic_light(alone.score) != Signal.BLUE
    full = rules.staff_score(dict.fromkeys(POSITIVE, 100), R)
    assert full.score == D("100.00") and full.unclamped == D("105")
    assert rules.staff_score({"phone": -100}, R).contributions["phone"] == D("-8")


def test_negative_item_hurts_and_is_capped():
    one = rules.staff_score({"unkind": -10}, R)
    assert one.score == D("65.00") and traffic_light(one.score) == Signal.ORANGE
    assert rules.staff_score({"unkind": -20}, R).score == D("55.00")
    assert rules.staff_score({"unkind": -1000}, R).score == D("45.00")


def test_negative_item_never_adds_points():
    # more reversals than reports (a data error) must not turn 불친절 사례 into a bonus
    assert rules.staff_score({"unkind": 10}, R).contributions["unkind"] == 0


def test_weights_rounding_and_unknown_codes():
    heavy = ScoreRules(items=(ItemRule("phone", "전화응대 점검", 1, D("2"), D("20"), D("1.5")),))
    result = rules.staff_score({"phone": D("3.333"), "retired": 50}, heavy)
    assert result.contributions == {"phone": D("5.00")}
    assert result.score == D("80.00")


def test_clamping_at_both_ends():
    harsh = ScoreRules(base=D("10"), items=(ItemRule("unkind", "불친절 사례", -1, D("10"), None),))
    low = rules.staff_score({"unkind": -500}, harsh)
    assert low.score == D("0.00") and low.unclamped == D("-490")
    generous = ScoreRules(base=D("95"), items=(ItemRule("praise", "친절 사례", 1, D("3"), None),))
    assert rules.staff_score({"praise": 30}, generous).score == D("100.00")


def test_invalid_rules():
    with pytest.raises(ValueError):
        ItemRule("x", "x", 0, D("1"), None)
    with pytest.raises(ValueError):
        ItemRule("x", "x", 1, D("1"), D("-1"))
    with pytest.raises(ValueError):
        ScoreRules(base=D("120"))
    with pytest.raises(ValueError):
        ScoreRules(items=(rules.DEFAULT_ITEMS[0], rules.DEFAULT_ITEMS[0]))
    with pytest.raises(ValueError):
        rules.staff_score({"phone": float("nan")}, R)


def test_happy_call_points_and_reversal():
    assert rules.happy_call_points(5) == D("1") and rules.happy_call_points(1) == D("-1")
    with pytest.raises(ValueError):
        rules.happy_call_points(6)
    assert rules.reversal(D("-10")) == D("10") and rules.reversal(2) == D("-2")
    assert rules.staff_score({"unkind": D("-10") + rules.reversal(D("-10"))}, R).score == D("75.00")


totals = st.dictionaries(
    st.sampled_from([i.code for i in R.items]),
    st.decimals(min_value=-200, max_value=200, places=2),
)


@given(totals)
def test_score_always_in_range(item_totals):
    result = rules.staff_score(item_totals, R)
    assert D(0) <= result.score <= D(100)
    assert result.score == result.score.quantize(D("0.01"))


@given(totals, st.sampled_from(POSITIVE), st.decimals(min_value="0.01", max_value=20, places=2))
def test_positive_entry_never_lowers(item_totals, code, points):
    before = rules.staff_score(item_totals, R).score
    after = rules.staff_score({**item_totals, code: item_totals.get(code, 0) + points}, R).score
    assert after >= before


@given(
    totals, st.sampled_from([i.code for i in R.items]), st.decimals(min_value="0.01", max_value=50, places=2)
)
def test_negative_entry_never_raises(item_totals, code, points):
    before = rules.staff_score(item_totals, R).score
    after = rules.staff_score({**item_totals, code: item_totals.get(code, 0) - points}, R).score
    assert after <= before


# ── Departments, ranking, weakest item, trend ────────────────────────────────────────────────────────


def test_department_deduction():
    assert rules.department_deduction(0) == 0
    assert rules.department_deduction(1) == D("2")
    assert rules.department_deduction(3, per_report=D("3")) == D("9")
    assert rules.department_deduction(50) == rules.MAX_DEPARTMENT_DEDUCTION
    with pytest.raises(ValueError):
        rules.department_deduction(-1)


def test_department_score_mean_minus_deduction():
    dep = rules.department_score([D("96.5"), D("88"), D("78"), D("67.5")], rules.department_deduction(2))
    assert (dep.score, dep.members, dep.deduction, dep.note) == (D("78.50"), 4, D("4"), "")
    capped = rules.department_score([D("90")] * 5, D("50"))
    assert capped.score == D("80.00") and capped.deduction == D("10") and "상한" in capped.note
    assert rules.department_score([D("90")] * 3, D("-5")).score == D("90.00")


def test_small_department_is_pulled_toward_the_organisation_mean():
    two = rules.department_score([D("90"), D("80")], D("2"), min_members=3, organisation_mean=D("70"))
    assert two.score == D("78.00") and two.members_mean == D("85.00") and "보정" in two.note
    lucky = rules.department_score([D("100")], 0, organisation_mean=D("78"))
    assert lucky.score == D("85.33")
    full = rules.department_score([D("86")] * 3, 0, organisation_mean=D("78"))
    assert full.score == D("86.00") and full.note == ""
    assert lucky.score < full.score  # one perfect person does not outrank a steady team
    alone = rules.department_score([D("100")], 0)
    assert alone.score == D("100.00") and "보정하지 않음" in alone.note


def test_empty_department_has_no_score():
    empty = rules.department_score([], D("4"))
    assert empty.score is None and empty.members == 0
    assert rules.rank([("empty", empty.score), ("team", D("80"))]) == [("team", 1), ("empty", None)]


def test_rank_ties():
    assert rules.rank([("a", 90), ("b", 95), ("c", D("90.00")), ("d", None), ("e", 80)]) == [
        ("b", 1),
        ("a", 2),
        ("c", 2),
        ("e", 4),
        ("d", None),
    ]
    assert rules.rank([]) == []


@given(st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=1)), max_size=30))
def test_rank_consistent_with_scores(values):
    ranked = dict(rules.rank(list(enumerate(values))))
    assert len(ranked) == len(values)
    for key, value in enumerate(values):
        if value is None:
            assert ranked[key] is None
        else:
            assert ranked[key] == 1 + sum(1 for v in values if v is not None and v > value)


def test_weakest_item():
    mine = {"phone": D("2"), "survey": D("6")}
    assert rules.weakest_item(mine, R, {"phone": D("7"), "survey": D("5")}) == "phone"
    assert rules.weakest_item(mine, R, {"phone": D("1")}) is None
    # 2 points behind on training (cap 5) outweighs 3 behind on phone (cap 8)
    assert rules.weakest_item({}, R, {"phone": D("3"), "training": D("2")}) == "training"
    # an unkind report puts the person far behind a department without one
    assert rules.weakest_item(
        {"unkind": D("-10"), "phone": D("4")}, R, {"unkind": D("-1"), "phone": D("5")}
    ) == ("unkind")


def test_trend():
    oct_, nov, dec = Period.parse("2026-10"), Period.parse("2026-11"), Period.parse("2026-12")
    changes = rules.trend({oct_: D("78.5"), nov: D("81"), dec: None})
    assert changes == {oct_: None, nov: D("2.50"), dec: None}


# --- like with like ---------------------------------------------------------------------------------
@given(
    st.lists(
        st.tuples(st.sampled_from(["bureau", "division", "office", "team"]), st.none() | st.integers(0, 100)),
        max_size=30,
    )
)
def test_departments_rank_only_among_their_own_level(rows):
    items = [(i, rules.rank_group(kind), score) for i, (kind, score) in enumerate(rows)]
    ranks = rules.rank_within(items)
    for group in set(g for _i, g, _s in items):
        members = [(i, s) for i, g, s in items if g == group]
        assert {i: ranks[i] for i, _s in members} == dict(rules.rank(members))
    assert rules.rank_group("office") == rules.rank_group("division") != rules.rank_group("team")
