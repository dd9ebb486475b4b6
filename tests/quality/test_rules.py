"""The pure rules of the quality programmes, directly and with hypothesis."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chinjeol.quality import rules
from chinjeol.quality.rules import Candidate, ItemSpec

D = Decimal
SEOUL = [
    ItemSpec(code, code, D(points))
    for code, points in [("speed", 10), ("greeting", 10), ("transfer", 10), ("language", 10), ("listening", 10),
                         ("guidance", 10), ("attitude", 10), ("closing", 15), ("hangup", 5), ("overall", 10)]
]  # fmt: skip
SEOUL[2] = ItemSpec("transfer", "연결태도", D(10), allow_na=True)


def full(**overrides):
    scores = {i.code: i.max_points for i in SEOUL}
    scores.update(overrides)
    return scores


def test_full_marks_make_100_and_the_seoul_sheet_has_100_points():
    assert sum(i.max_points for i in SEOUL) == 100
    assert rules.weighted_total(SEOUL, full()).total == D(100)


def test_points_are_weighted_by_their_max():
    result = rules.weighted_total(SEOUL, full(closing=D(0)))
    assert result.total == D("85.00")


def test_na_leaves_the_sheet_and_the_rest_scale_to_100():
    result = rules.weighted_total(SEOUL, full(transfer=None, closing=D(0)))
    assert result.total == D("83.33")  # 75 of 90
    assert result.na == ("transfer",)


def test_na_refused_on_an_item_that_does_not_allow_it():
    with pytest.raises(rules.ScoreError) as err:
        rules.weighted_total(SEOUL, full(speed=None))
    assert err.value.field == "speed"


def test_missing_unknown_out_of_range_are_refused_by_name():
    scores = full()
    del scores["speed"]
    with pytest.raises(rules.ScoreError, match="접속신속|speed"):
        rules.weighted_total(SEOUL, scores)
    with pytest.raises(rules.ScoreError, match="없는 항목"):
        rules.weighted_total(SEOUL, full(nonsense=1))
    with pytest.raises(rules.ScoreError, match="배점"):
        rules.weighted_total(SEOUL, full(hangup=6))


def test_a_critical_item_below_half_makes_the_total_zero():
    sheet = [ItemSpec("a", "응대태도", D(20), critical=True), ItemSpec("b", "b", D(80))]
    assert rules.weighted_total(sheet, {"a": D(10), "b": D(80)}).total == D(90)  # half is enough
    failed = rules.weighted_total(sheet, {"a": D("9.5"), "b": D(80)})
    assert failed.total == 0 and failed.critical_failed and failed.base == D("89.50")


def test_bonus_items_add_on_top_and_refuse_negative_points():
    sheet = [ItemSpec("a", "a", D(100)), ItemSpec("p", "칭찬 사례", D(5), bonus=True, allow_na=True)]
    assert rules.weighted_total(sheet, {"a": D(90), "p": D(5)}).total == D(95)
    assert rules.weighted_total(sheet, {"a": D(98), "p": D(5)}).total == D(100)  # never over 100
    with pytest.raises(rules.ScoreError, match="가점 항목이라 음수"):
        rules.weighted_total(sheet, {"a": D(90), "p": D(-1)})


@pytest.mark.parametrize(
    ("total", "label", "mileage"),
    [(D(100), "매우우수", 3), (D(90), "매우우수", 3), (D("89.99"), "우수", 2), (D(80), "우수", 2),
     (D(70), "보통", 1), (D("69.99"), "미흡", -1), (D(0), "미흡", -1)],
)  # fmt: skip
def test_default_bands_lower_bound_inclusive(total, label, mileage):
    assert rules.grade(total) == label
    assert rules.mileage_points(total) == D(mileage)


def test_band_checks():
    rules.check_bands(rules.DEFAULT_BANDS)
    with pytest.raises(rules.ScoreError):
        rules.check_bands([{"min": 50, "label": "x"}])
    with pytest.raises(rules.ScoreError):
        rules.check_bands([{"min": 0, "label": "x"}, {"min": 0, "label": "y"}])


scores_strategy = st.fixed_dictionaries(
    {i.code: st.decimals(min_value=0, max_value=i.max_points, places=1) for i in SEOUL}
)


@settings(max_examples=200, derandomize=True)
@given(scores_strategy, st.data())
def test_total_within_0_100_and_monotone(scores, data):
    result = rules.weighted_total(SEOUL, scores)
    assert D(0) <= result.total <= D(100)
    code = data.draw(st.sampled_from([i.code for i in SEOUL]))
    item = next(i for i in SEOUL if i.code == code)
    better = dict(scores, **{code: item.max_points})
    assert rules.weighted_total(SEOUL, better).total >= result.total
    assert rules.grade(rules.weighted_total(SEOUL, better).total) <= "힣"  # a label, always


@settings(max_examples=200, derandomize=True)
@given(st.decimals(min_value=0, max_value=100, places=2), st.decimals(min_value=0, max_value=100, places=2))
def test_a_higher_total_never_gets_less_mileage(a, b):
    low, high = sorted((a, b))
    assert rules.mileage_points(low) <= rules.mileage_points(high)


# --- sampling ----------------------------------------------------------------------------------------------
def people(n, departments=4):
    return [Candidate(i, i % departments, "visit" if i % 3 == 0 else "phone") for i in range(1, n + 1)]


def test_plan_spreads_over_departments():
    plan = rules.sampling_plan(people(40), {}, 8, seed=1)
    assert len(plan) == 8 and len({c.staff_id for c in plan}) == 8
    per_department = {d: sum(1 for c in plan if c.department_id == d) for d in range(4)}
    assert max(per_department.values()) - min(per_department.values()) <= 1


@settings(max_examples=100, derandomize=True)
@given(st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=15), st.integers(0, 10_000))
def test_nobody_twice_before_everyone_once(n, size, seed):
    """Month after month, a person's second evaluation only comes once everyone has had one."""
    pool = people(n)
    history: dict[int, int] = {}
    for month in range(6):
        chosen = rules.sampling_plan(pool, history, size, seed=seed + month)
        assert len(chosen) == min(size, n)
        assert len({c.staff_id for c in chosen}) == len(chosen)
        for c in chosen:
            history[c.staff_id] = history.get(c.staff_id, 0) + 1
        counts = [history.get(c.staff_id, 0) for c in pool]
        assert max(counts) - min(counts) <= 1


def test_plan_is_reproducible_by_seed():
    assert rules.sampling_plan(people(30), {}, 5, seed=7) == rules.sampling_plan(people(30), {}, 5, seed=7)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 1)), st.integers(0, 40))
def test_due_dates_stay_in_the_month_in_order(day, count):
    first = day.replace(day=1)
    dues = rules.due_dates(first, count)
    assert len(dues) == count
    assert all(d.month == first.month and d.year == first.year for d in dues)
    assert dues == sorted(dues)


# --- calibration --------------------------------------------------------------------------------------------
def test_calibration_variance_and_deviation():
    sheets = {
        "가": {"a": D(10), "b": D(8), "c": None},
        "나": {"a": D(6), "b": D(8), "c": D(5)},
    }
    report = rules.calibration(sheets, {"가": D(90), "나": D(70)})
    a = next(i for i in report.items if i.code == "a")
    assert a.mean == D(8) and a.variance == D(4) and a.spread == D(4)
    b = next(i for i in report.items if i.code == "b")
    assert b.variance == 0
    dev = {d.evaluator: d.deviation for d in report.evaluators}
    assert dev == {"가": D(1), "나": D("-0.67")}  # 가: (+2, 0) / 2; 나: (−2, 0, 0) / 3
    assert report.total_variance == D(100)


@settings(max_examples=100, derandomize=True)
@given(st.lists(st.decimals(min_value=0, max_value=10, places=1), min_size=1, max_size=8))
def test_identical_sheets_have_no_variance(values):
    sheets = {f"e{i}": {"x": v} for i, v in enumerate([values[0]] * len(values))}
    report = rules.calibration(sheets, {})
    assert all(i.variance == 0 for i in report.items)
    assert all(d.deviation == 0 for d in report.evaluators)


def test_drift_is_the_slope():
    days = [date(2026, m, 1) for m in (1, 2, 3, 4)]
    assert rules.drift(list(zip(days, [D(0), D(1), D(2), D(3)], strict=True))) == D(1)
    assert rules.drift([(days[0], D(5))]) == 0


# --- SQI ----------------------------------------------------------------------------------------------------
def test_sqi_weights_and_missing_components():
    assert rules.sqi({"evaluation": D(90), "survey": D(80), "compliance": D(100)}) == D(
        "91.00"
    )  # 45 + 16 + 30
    # no survey yet: its weight spreads over the others (0.5 : 0.3)
    assert rules.sqi({"evaluation": D(90), "survey": None, "compliance": D(100)}) == D("93.75")
    assert rules.sqi({"evaluation": None}) is None


@settings(max_examples=200, derandomize=True)
@given(st.dictionaries(st.sampled_from(["evaluation", "survey", "compliance"]),
                       st.none() | st.decimals(min_value=0, max_value=100, places=2)))  # fmt: skip
def test_sqi_lies_between_its_components(components):
    value = rules.sqi(components)
    present = [v for v in components.values() if v is not None]
    if not present:
        assert value is None
    else:
        assert min(present) - D("0.01") <= value <= max(present) + D("0.01")


def test_trend():
    assert rules.trend([D(80), D(85)]) == "up"
    assert rules.trend([D(80), None, D(79)]) == "down"
    assert rules.trend([D(80), D("80.4")]) == "flat"
    assert rules.trend([None]) == "flat"
