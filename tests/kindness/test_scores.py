"""The score pipeline from the ledger, against hand-computed examples (docs/kindness-score.md §8)."""

from decimal import Decimal

import pytest

from chinjeol.kindness import queries, rules, services
from chinjeol.kindness.rules import Period, Signal
from tests.factories import at, make_department, make_staff

H2 = Period.parse("2026-H2")
pytestmark = pytest.mark.django_db


def _kim_chinjeol(record, person):
    """김친절 주무관, 2026-H2: phone 4×(+2) and 1×(−1), happy calls 3×(+1) 3×(+0.5), praise 3×(+3), training 2×(+2)."""
    for day, points in ((1, 2), (2, 2), (3, 2), (4, 2), (5, -1)):
        record(person, "phone", at(2026, 8, day), points)
    for day, points in ((6, 1), (7, 1), (8, 1), (9, "0.5"), (10, "0.5"), (11, "0.5")):
        record(person, "survey", at(2026, 9, day), points)
    for day in (12, 13, 14):
        record(person, "praise", at(2026, 10, day))
    for day in (15, 16):
        record(person, "training", at(2026, 10, day))


def test_the_documented_example_scores_96_50_blue_and_86_50_after_an_unkind_report(org, record):
    person = org.clerk.staff
    _kim_chinjeol(record, person)
    result = queries.compute_period(H2).staff[person.pk]
    assert result.score.contributions == {
        "phone": Decimal("7.00"),
        "survey": Decimal("4.50"),
        "praise": Decimal("6.00"),  # 9 held at the cap of 6
        "unkind": Decimal("0"),
        "smile": Decimal("0"),
        "training": Decimal("4.00"),
    }
    assert (result.score.score, result.signal) == (Decimal("96.50"), Signal.BLUE)
    record(person, "unkind", at(2026, 11, 1))
    result = queries.compute_period(H2).staff[person.pk]
    assert (result.score.score, result.signal) == (Decimal("86.50"), Signal.GREEN)
    # the month and the year see the same entries through their own period columns
    october = queries.compute_period(Period.parse("2026-10")).staff[person.pk]
    assert october.score.score == Decimal("75") + 6 + 4  # praise 9 capped at 6, training 4
    assert queries.compute_period(Period.parse("2026-H1")).staff[person.pk].score.score == Decimal("75.00")


def test_department_score_is_members_mean_minus_the_half_years_deductions(org, record):
    """민원여권과 (4명): 96.5, 88, 78, 67.5 → mean 82.5; two substantiated reports → 78.50, yellow."""
    division = make_department("민원여권과")
    people = [make_staff(department=division, name=n) for n in ("김하나", "이둘", "박셋", "최넷")]
    for person, extra in zip(people, ("21.5", "13", "3", "-7.5"), strict=True):
        record(person, "praise" if Decimal(extra) > 0 else "survey", at(2026, 8, 3), extra)
    # praise is capped at 6: give the remainder through other items
    record(people[0], "phone", at(2026, 8, 4), 8)
    record(people[0], "survey", at(2026, 8, 4), 6)
    record(people[0], "training", at(2026, 8, 4), "1.5")
    record(people[1], "phone", at(2026, 8, 4), 7)
    for n in (1, 2):
        services.department_deduction_record(
            department=division, occurred_at=at(2026, 9, n), source_type="kindness_report", source_id=n
        )
    results = queries.compute_period(H2)
    assert [results.staff[p.pk].score.score for p in people] == [
        Decimal("96.50"),
        Decimal("88.00"),
        Decimal("78.00"),
        Decimal("69.00"),  # survey is capped at −6: 75 − 6
    ]
    row = results.department(division.pk)
    mean = (Decimal("96.5") + 88 + 78 + 69) / 4
    assert row.members == 4 and row.deduction == Decimal("4.00")
    assert row.score == (mean - 4).quantize(Decimal("0.01"))
    assert row.signal == Signal.YELLOW and row.note == ""


def test_small_departments_are_pulled_toward_the_organisation_mean(org, record):
    solo_department = make_department("1인과")
    solo = make_staff(department=solo_department, name="혼자")
    for code, points in (("phone", 8), ("survey", 6), ("praise", 6), ("training", 5)):
        record(solo, code, at(2026, 8, 3), points)  # 100
    results = queries.compute_period(H2)
    assert results.staff[solo.pk].score.score == Decimal("100.00")
    row = results.department(solo_department.pk)
    expected = ((Decimal(100) + 2 * results.mean) / 3).quantize(Decimal("0.01"))
    assert row.score == expected and "기관 평균" in row.note


def test_rankings_share_places_on_equal_scores(org, record):
    record(org.clerk.staff, "phone", at(2026, 8, 3), 8)
    results = queries.compute_period(H2)
    first = results.staff[org.clerk.staff.pk]
    others = [r for sid, r in results.staff.items() if sid != org.clerk.staff.pk]
    assert first.rank == 1 and {r.rank for r in others} == {2}
    assert results.ranked_staff[0] == org.clerk.staff.pk
    for level in ("division", "team", "bureau"):  # departments rank among their own level
        ranks = [d.rank for d in results.departments if rules.rank_group(d.kind) == level]
        assert ranks == sorted(ranks) and (not ranks or ranks[0] == 1)


def test_months_take_their_half_years_deduction_and_years_both_halves_within_the_cap(org, record):
    for n, day in enumerate((at(2026, 3, 2), at(2026, 9, 1), at(2026, 9, 2), at(2026, 9, 3)), start=1):
        services.department_deduction_record(
            department=org.tax, occurred_at=day, source_type="r", source_id=n, points=3
        )
    assert queries.department_deductions(Period.parse("2026-09"))[org.tax.pk] == Decimal("9.00")
    assert queries.department_deductions(Period.parse("2026-03"))[org.tax.pk] == Decimal("3.00")
    year = queries.compute_period(Period.parse("2026")).department(org.tax.pk)
    assert year.deduction == Decimal("10")  # 12 held at the cap


def test_a_new_rule_version_applies_from_its_start_and_leaves_finished_periods_alone(org, record):
    record(org.clerk.staff, "praise", at(2026, 3, 3), 9)
    record(org.clerk.staff, "praise", at(2026, 8, 3), 9)
    services.item_rule_change(
        item_code="praise",
        points_per_event=Decimal(3),
        cap=Decimal(9),
        weight=Decimal(1),
        is_active=True,
        valid_from=at(2026, 7, 1, 0, 0),
        note="칭찬 상한 상향",
        by=org.officer,
        now=at(2026, 11, 2),
    )
    now = at(2026, 11, 23)
    assert queries.compute_period(H2, now=now).staff[org.clerk.staff.pk].score.score == Decimal("84.00")
    h1 = queries.compute_period(Period.parse("2026-H1"), now=now)
    assert h1.staff[org.clerk.staff.pk].score.score == Decimal("81.00")  # still the cap of 6


def test_an_item_taken_out_of_use_stops_counting(org, record):
    record(org.clerk.staff, "smile", at(2026, 8, 3))
    services.item_rule_change(
        item_code="smile",
        points_per_event=Decimal(5),
        cap=Decimal(5),
        weight=Decimal(1),
        is_active=False,
        valid_from=at(2026, 7, 1, 0, 0),
        note="스마일 직원 제도 폐지",
        by=org.officer,
        now=at(2026, 11, 2),
    )
    result = queries.compute_period(H2, now=at(2026, 11, 23)).staff[org.clerk.staff.pk]
    assert result.score.score == Decimal("75.00") and "smile" not in result.score.contributions


def test_period_results_follow_every_new_entry(org, record):
    first = queries.period_results(H2)
    assert queries.period_results(H2) is first  # nothing changed: reused
    record(org.clerk.staff, "unkind", at(2026, 9, 3))
    second = queries.period_results(H2)
    assert second is not first
    assert second.staff[org.clerk.staff.pk].signal == Signal.ORANGE


def test_people_who_left_are_not_scored(org, record):
    record(org.outsider.staff, "phone", at(2026, 9, 3))
    org.outsider.staff.is_active = False
    org.outsider.staff.save()
    results = queries.period_results(H2)
    assert org.outsider.staff.pk not in results.staff
    assert sum(results.distribution.values()) == len(results.staff)
