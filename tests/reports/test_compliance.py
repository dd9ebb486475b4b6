"""Charter compliance [C10]: the pure judgement rule (hypothesis), the aggregate SQL that must follow it,
and the stored monthly tallies that must always equal a live count."""

import itertools
import random
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.charter.compliance import rules
from chinjeol.charter.compliance.rules import Basis, Tally, judge, judgement_moment, rank_order, ranks, rate

KST = ZoneInfo("Asia/Seoul")
BASE = datetime(2026, 1, 1, tzinfo=KST)
STATUSES = ["received", "assigned", "in_progress", "closed", "transferred", "withdrawn"]

moments = st.integers(min_value=0, max_value=400 * 24 * 60).map(lambda m: BASE + timedelta(minutes=m))


@st.composite
def cases(draw):
    due = draw(moments)
    promise = draw(st.none() | moments)
    now = draw(moments)
    closed = draw(st.none() | moments)
    status = draw(st.sampled_from(STATUSES))
    return {"status": status, "closed_at": closed, "promise_due_at": promise, "due_at": due, "now": now}


# --- the pure rule ------------------------------------------------------------------------------
@given(cases())
def test_transferred_and_withdrawn_cases_are_never_judged(case):
    result = judge(**case)
    if case["status"] in ("transferred", "withdrawn"):
        assert not result.judged and not result.met
    assert not result.met or result.judged


@given(cases().filter(lambda c: c["status"] not in ("transferred", "withdrawn")))
def test_judged_once_closed_or_past_the_deadline(case):
    result = judge(**case)
    deadline = case["promise_due_at"] or case["due_at"]
    assert result.deadline == deadline
    assert result.basis == (Basis.PROMISE if case["promise_due_at"] else Basis.LEGAL)
    closed = case["closed_at"] if case["closed_at"] is not None and case["closed_at"] <= case["now"] else None
    assert result.judged == (closed is not None or case["now"] > deadline)
    assert result.met == (closed is not None and closed <= deadline)
    if result.judged:
        assert result.judged_at <= case["now"]
        assert result.judged_at == (case["closed_at"] if result.met else deadline)
        assert result.judged_at == judgement_moment(
            closed_at=closed, promise_due_at=case["promise_due_at"], due_at=case["due_at"]
        )


@given(cases(), st.integers(min_value=0, max_value=100_000))
def test_a_judgement_never_changes_later(case, minutes):
    """Once judged, time passing (and closing a case that already missed) changes nothing."""
    first = judge(**case)
    later = case["now"] + timedelta(minutes=minutes)
    if not first.judged:
        return
    assert judge(**{**case, "now": later}) == first
    if first.missed and (case["closed_at"] is None or case["closed_at"] > case["now"]):
        closed_late = {**case, "closed_at": later, "now": later}
        assert judge(**closed_late) == first


@given(cases())
def test_the_promise_binds_when_there_is_one(case):
    """With a promise, the legal deadline plays no part in the judgement."""
    if case["promise_due_at"] is None:
        return
    moved = {**case, "due_at": case["due_at"] + timedelta(days=30)}
    assert judge(**moved) == judge(**case)


def test_closing_exactly_at_the_deadline_meets_it():
    due = BASE + timedelta(days=7, hours=9)
    assert judge(status="closed", closed_at=due, promise_due_at=due, due_at=due, now=due).met
    late = judge(
        status="closed",
        closed_at=due + timedelta(seconds=1),
        promise_due_at=due,
        due_at=due,
        now=due + timedelta(1),
    )
    assert late.judged and late.missed and late.judged_at == due
    open_at_deadline = judge(status="in_progress", closed_at=None, promise_due_at=due, due_at=due, now=due)
    assert not open_at_deadline.judged


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_rate_is_a_percentage_with_one_decimal(a, b):
    met, judged = min(a, b), max(a, b)
    value = rate(met, judged)
    if judged == 0:
        assert value is None
        return
    assert Decimal(0) <= value <= Decimal(100)
    assert value == value.quantize(Decimal("0.1"))
    assert abs(value - Decimal(met) * 100 / judged) <= Decimal("0.05")
    if met < judged:
        assert rate(met + 1, judged) >= value


def test_rate_rounds_half_up_and_rejects_nonsense():
    assert rate(2, 3) == Decimal("66.7") and rate(1, 8) == Decimal("12.5") and rate(1, 16) == Decimal("6.3")
    with pytest.raises(ValueError):
        rate(3, 2)
    with pytest.raises(ValueError):
        Tally(1, 2)


@given(st.lists(st.none() | st.decimals(0, 100, places=1), max_size=12))
def test_ranks_are_competition_ranks(values):
    result = ranks(values)
    for value, position in zip(values, result, strict=True):
        if value is None:
            assert position is None
        else:
            assert position == 1 + sum(1 for other in values if other is not None and other > value)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=10))
def test_tallies_add_up(pairs):
    tallies = [Tally(max(a, b), min(a, b)) for a, b in pairs]
    total = rules.total(tallies)
    assert total.judged == sum(t.judged for t in tallies) and total.met == sum(t.met for t in tallies)
    assert total.missed == total.judged - total.met


@given(st.lists(cases(), max_size=30))
def test_tally_counts_judged_and_met(items):
    judgements = [judge(**c) for c in items]
    t = rules.tally(judgements)
    assert t.judged == sum(j.judged for j in judgements) and t.met == sum(j.met for j in judgements)


def test_rank_order_puts_the_best_rate_first_then_volume():
    rows = [("가", Tally(10, 9)), ("나", Tally(20, 18)), ("다", Tally(5, 5)), ("라", Tally(0, 0))]
    ordered = rank_order(rows, tally=lambda r: r[1], label=lambda r: r[0])
    assert [r[0] for r in ordered] == ["다", "나", "가", "라"]


# --- the SQL follows the rule -------------------------------------------------------------------
def _make(department, rng_case, n, versions):
    from chinjeol.cases.models import Case

    received = rng_case["received"]
    return Case(
        receipt_no=f"T-{n:06d}",
        channel="web" if rng_case["promise"] else "phone",
        kind="inquiry",
        title="시험 민원",
        body="내용",
        customer_name="시민",
        department=department,
        status=rng_case["status"],
        received_at=received,
        counted_from=received,
        legal_due_at=rng_case["due"],
        due_at=rng_case["due"],
        promise_due_at=rng_case["promise"],
        promise_version=versions[n % len(versions)] if rng_case["promise"] else None,
        deadline_rule="시험",
        closed_at=rng_case["closed"],
    )


def _random_cases(seed: int, count: int, now: datetime):
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        received = now - timedelta(days=rng.uniform(0, 200))
        due = received + timedelta(days=rng.choice([1, 7, 10, 14]), hours=rng.randint(0, 8))
        promise = due - timedelta(days=rng.randint(0, 3)) if rng.random() < 0.6 else None
        deadline = promise or due
        status = rng.choice(STATUSES)
        closed = None
        if status in ("closed", "transferred", "withdrawn"):
            closed = received + (deadline - received) * rng.uniform(0.2, 1.4)
            if closed > now:
                closed = None if status == "closed" else now
                status = "in_progress" if status == "closed" else status
        out.append({"received": received, "due": due, "promise": promise, "status": status, "closed": closed})
    return out


@pytest.fixture
def population(org):
    """120 cases over 200 days before 2026-11-20, in three departments and two standard versions."""
    from chinjeol.cases.models import Case
    from chinjeol.charter.models import ServiceStandardVersion

    now = datetime(2026, 11, 20, 15, tzinfo=KST)
    web = ServiceStandardVersion.objects.get(standard__code="WEB_REPLY")
    newer = ServiceStandardVersion.objects.create(
        standard=web.standard, version=2, target=5, unit="days", valid_from=BASE, note="시험"
    )
    departments = itertools.cycle([org.civil, org.team, org.tax, None])
    specs = _random_cases(7, 120, now)
    Case.objects.bulk_create(
        [_make(next(departments), spec, n, [web, newer]) for n, spec in enumerate(specs)]
    )
    return now


def _pure(period, now, departments=None):
    from chinjeol.cases.models import Case
    from chinjeol.reports.compliance.queries import bounds

    start, end = bounds(period)
    out = {}
    for c in Case.objects.all():
        if departments is not None and c.department_id not in departments:
            continue
        j = judge(
            status=c.status, closed_at=c.closed_at, promise_due_at=c.promise_due_at, due_at=c.due_at, now=now
        )
        if rules.in_period(j, start, end):
            key = (c.department_id, c.promise_version_id)
            out[key] = out.get(key, Tally()) + Tally(1, int(j.met))
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["2026-11", "2026-10", "2026-H2", "2026-H1", "2026"])
def test_aggregate_query_equals_the_rule(population, name, org):
    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance.queries import bounds, live_tallies

    period = Period.parse(name)
    for now in (population, population - timedelta(days=40)):
        assert live_tallies(*bounds(period), now) == _pure(period, now)
    scope = {org.civil.pk, org.team.pk}
    assert live_tallies(*bounds(period), population, departments=scope) == _pure(period, population, scope)


@pytest.mark.django_db
def test_stored_days_equal_a_live_count_and_follow_changes(population):
    from datetime import date

    from chinjeol.cases.models import Case
    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance import tallies
    from chinjeol.reports.compliance.queries import bounds, live_tallies
    from chinjeol.reports.models import ComplianceDay

    now = population  # 2026-11-20 15:00
    half = Period.parse("2026-H2")
    assert tallies.period_tallies(half, now) == _pure(half, now)
    stored = sorted(ComplianceDay.objects.values_list("day", flat=True))
    assert stored[0] == date(2026, 7, 1) and stored[-1] == date(2026, 11, 19)  # today is counted live
    assert len(stored) == (date(2026, 11, 20) - date(2026, 7, 1)).days
    # A case that missed in August is withdrawn afterwards: its day is counted again a few minutes later.
    august = Period.parse("2026-08")
    missed = next(
        c
        for c in Case.objects.filter(closed_at__isnull=True).exclude(status__in=["transferred", "withdrawn"])
        if rules.in_period(
            judge(status=c.status, closed_at=None, promise_due_at=c.promise_due_at, due_at=c.due_at, now=now),
            *bounds(august),
        )
    )
    before = live_tallies(*bounds(august), now)
    Case.objects.filter(pk=missed.pk).update(status="withdrawn", closed_at=now, updated_at=now)
    soon = now + timedelta(seconds=30)
    assert tallies.period_tallies(august, soon) == before  # not seen yet: changes settle first
    later = now + tallies.SETTLE + tallies.CHECK_EVERY + timedelta(seconds=1)
    after = tallies.period_tallies(august, later)
    assert after == _pure(august, later) != before
    assert ComplianceDay.objects.count() == len(stored)  # the dropped day was stored again
    assert tallies.period_tallies(half, later) == _pure(half, later)
    tallies.tallies_reset()
    assert not ComplianceDay.objects.exists()
    assert tallies.period_tallies(Period.parse("2026"), later) == _pure(Period.parse("2026"), later)


@pytest.mark.django_db
def test_tallies_are_right_across_the_hours_after_midnight(population):
    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance import tallies

    month = Period.parse("2026-11")
    for minutes in (0, 2, 4, 6, 60 * 24):
        now = datetime(2026, 11, 21, 0, 0, tzinfo=KST) + timedelta(minutes=minutes)
        assert tallies.period_tallies(month, now) == _pure(month, now), minutes


@pytest.mark.django_db
def test_summary_by_standard_version_and_department(population, org):
    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance.queries import LEGAL, summary

    s = summary(Period.parse("2026-H2"), population)
    expected = _pure(Period.parse("2026-H2"), population)
    assert s.total.tally == rules.total(expected.values())
    codes = [line.key for line in s.standards]
    assert codes == ["WEB_REPLY", LEGAL]
    web = s.standards[0]
    assert [label for label, _t in web.versions] == ["1판 7일", "2판 5일"]
    assert rules.total(t for _l, t in web.versions) == web.tally
    assert sum((d.tally for d in s.departments), Tally()) == s.total.tally
    rates = [d.tally.rate for d in s.departments]
    assert rates == sorted(rates, reverse=True) and s.departments[0].rank == 1
    scoped = summary(Period.parse("2026-H2"), population, departments={org.tax.pk})
    assert [d.label for d in scoped.departments] == ["세무과"]
    assert scoped.total.tally == rules.total(
        _pure(Period.parse("2026-H2"), population, {org.tax.pk}).values()
    )
    only_legal = summary(Period.parse("2026-H2"), population, standard=LEGAL)
    assert only_legal.total.tally == s.standards[1].tally


@pytest.mark.django_db
def test_drill_down_lists_exactly_the_counted_cases(population, org):
    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance.queries import NO_DEPARTMENT, drill_down, summary

    period = Period.parse("2026-H2")
    s = summary(period, population)
    for line in s.departments:
        missed = drill_down(period, population, department=line.key, result="missed")
        assert missed.count() == line.tally.missed
        assert all(not c.c_met for c in missed)
        assert drill_down(period, population, department=line.key, result="met").count() == line.tally.met
    assert any(line.key == NO_DEPARTMENT for line in s.departments)
    web = drill_down(period, population, standard="WEB_REPLY")
    assert web.count() == s.standards[0].tally.judged
    assert drill_down(period, population, departments={org.tax.pk}, department=org.civil.pk).count() == 0


@pytest.mark.django_db
def test_a_revised_standard_keeps_past_judgements(make_case, org):
    from chinjeol.cases import services as case_services
    from chinjeol.charter import services
    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance.queries import summary
    from tests.factories import at

    case = make_case(now=at(2026, 11, 2, 10))
    case_services.case_assign(
        case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 2, 11)
    )
    case_services.case_close(
        case_id=case.pk, answer="일주일 안에 답변했습니다.", by=org.clerk, now=at(2026, 11, 9, 17)
    )
    services.standard_revise(
        code="WEB_REPLY",
        target=Decimal("3"),
        valid_from=at(2026, 11, 10),
        note="약속 강화",
        by=org.officer,
        now=at(2026, 11, 9, 18),
    )
    s = summary(Period.parse("2026-11"), at(2026, 11, 20))
    web = next(line for line in s.standards if line.key == "WEB_REPLY")
    assert web.tally == Tally(1, 1) and [label for label, _t in web.versions] == ["1판 7일"]
    later = make_case(now=at(2026, 11, 11, 10))
    assert later.promise_version.version == 2


@pytest.mark.django_db
def test_compliance_query_uses_the_judged_at_index_on_sqlite(population):
    from django.db import connection

    from chinjeol.cases.models import Case
    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance.queries import judged_in

    if connection.vendor != "sqlite":
        pytest.skip("SQLite의 실행 계획만 확인합니다.")
    assert "case_judged_at" in {index.name for index in Case._meta.indexes}
    sql, params = judged_in(Period.parse("2026-11"), population).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "case_judged_at" in plan, plan


@pytest.mark.django_db
def test_the_periodic_refresh_stores_every_finished_day_once(population):
    from datetime import date

    from chinjeol.core.periods import Period
    from chinjeol.reports.compliance import tallies
    from chinjeol.reports.models import ComplianceDay
    from chinjeol.reports.tasks import refresh_compliance_tallies

    now = population  # 2026-11-20 15:00
    assert tallies.tallies_refresh(now) == (date(2026, 11, 20) - date(2025, 1, 1)).days
    assert min(ComplianceDay.objects.values_list("day", flat=True)) == date(2025, 1, 1)
    assert tallies.tallies_refresh(now) == 0
    assert tallies.period_tallies(Period.parse("2026"), now) == _pure(Period.parse("2026"), now)
    assert refresh_compliance_tallies.func() >= 0
