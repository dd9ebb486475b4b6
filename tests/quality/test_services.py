"""Evaluations, their mileage, disputes, plans and imports through the services."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.utils import timezone

from chinjeol.core.errors import DomainError
from chinjeol.kindness.models import MileageEntry
from chinjeol.quality import queries, services
from chinjeol.quality.models import Evaluation, MysteryAssignment
from chinjeol.quality.services import imports
from tests.factories import at, make_staff

pytestmark = pytest.mark.django_db
FULL = {"speed": 10, "greeting": 10, "transfer": 10, "language": 10, "listening": 10, "guidance": 10,
        "attitude": 10, "closing": 15, "hangup": 5, "overall": 10}  # fmt: skip


def record(org, by=None, **overrides):
    data = dict(scorecard="seoul-phone", staff=org.clerk.staff, kind="phone", evaluated_at=at(2026, 11, 3),
                scores=dict(FULL), note="첫인사가 정확함", by=by or org.evaluator, now=timezone.now())  # fmt: skip
    data.update(overrides)
    return services.evaluation_record(**data)


def test_the_seoul_sheet_is_ten_items_and_100_points(org):
    sheet = next(s for s in queries.current_scorecards() if s.code == "seoul-phone")
    items = list(sheet.items.all())
    assert [i.name for i in items] == ["접속신속", "맞이인사", "연결태도", "언어표현", "경청태도", "적극안내",
                                       "응대태도", "종료인사", "통화종료", "전체만족"]  # fmt: skip
    assert sum(i.max_points for i in items) == 100
    assert all(i.behaviour for i in items)


def test_an_evaluation_becomes_one_traceable_mileage_entry(org):
    evaluation = record(org, scores=dict(FULL, closing=5))  # 90 → 매우우수 → +3
    assert evaluation.total == Decimal("90.00") and evaluation.grade == "매우우수"
    entry = MileageEntry.objects.get(source_type="evaluation")
    assert entry.source_id == str(evaluation.pk)
    assert entry.staff == org.clerk.staff and entry.item.code == "phone" and entry.points == Decimal("3.00")
    assert evaluation.number == f"Q2026-{evaluation.pk:06d}"


def test_a_mystery_call_feeds_the_mystery_item_and_a_weak_total_costs_points(org):
    low = dict(FULL, closing=0, overall=0, guidance=0, attitude=0)
    evaluation = record(org, kind="mystery_call", scores=low)
    assert evaluation.source == Evaluation.Source.MYSTERY
    entry = MileageEntry.objects.get(source_type="evaluation")
    assert entry.item.code == "training" and entry.points == Decimal("-1.00")


def test_bonus_items_refuse_negative_points(org):
    scores = {"welcome": 10, "guide": 15, "appearance": 10, "listening": 15, "explain": 15, "attitude": 15,
              "seeing-off": 10, "overall": 10, "praise": -1}  # fmt: skip
    with pytest.raises(DomainError) as err:
        record(org, scorecard="visit-kindness", kind="visit", scores=scores)
    assert err.value.field == "scores.praise" and "음수" in err.value.message
    assert not Evaluation.objects.exists() and not MileageEntry.objects.exists()


def test_a_cs_leader_evaluates_only_their_departments(org):
    other = make_staff(department=org.tax, name="남세무")
    record(org, by=org.leader)
    with pytest.raises(DomainError) as err:
        record(org, by=org.leader, staff=other)
    assert err.value.status == 403
    with pytest.raises(DomainError):
        record(org, by=org.clerk)


def test_dispute_upheld_reverses_and_records_the_corrected_points(org):
    evaluation = record(org)  # 100 → +3
    with pytest.raises(DomainError):
        services.dispute_open(evaluation=evaluation, reason="x", by=org.outsider, now=timezone.now())
    dispute = services.dispute_open(evaluation=evaluation, reason="통화 연결 문제는 시스템 탓", by=org.head,
                                    now=timezone.now())  # fmt: skip
    evaluation.refresh_from_db()
    assert evaluation.status == "disputed"
    services.dispute_review(dispute_id=dispute.pk, upheld=True, review="재청취 결과 인정", by=org.officer,
                            now=timezone.now(), revised_total=Decimal("75"))  # fmt: skip
    evaluation.refresh_from_db()
    assert (
        evaluation.total == Decimal("75.00") and evaluation.grade == "보통" and evaluation.status == "revised"
    )
    rows = MileageEntry.objects.filter(staff=org.clerk.staff).order_by("pk")
    assert [e.points for e in rows] == [Decimal("3.00"), Decimal("-3.00"), Decimal("1.00")]
    assert sum(e.points for e in rows) == Decimal("1.00")


def test_the_monthly_plan_covers_everyone_before_anyone_twice(org):
    from datetime import date

    for n in range(6):
        make_staff(department=org.tax, name=f"직원{n}")
    total = queries.Staff.objects.active().count()
    services.plan_create(month=date(2026, 9, 1), size=4, by=org.officer, now=timezone.now())
    services.plan_create(month=date(2026, 10, 1), size=4, by=org.officer, now=timezone.now())
    services.plan_create(month=date(2026, 11, 1), size=4, by=org.officer, now=timezone.now())
    counts = {}
    for a in MysteryAssignment.objects.all():
        counts[a.staff_id] = counts.get(a.staff_id, 0) + 1
    assert len(counts) == min(total, 12)
    assert max(counts.values()) - min(counts.values()) <= 1
    assert all(a.due_on.month == a.plan.month.month for a in MysteryAssignment.objects.select_related("plan"))
    with pytest.raises(DomainError):
        services.plan_create(month=date(2026, 11, 1), size=4, by=org.officer, now=timezone.now())


def _xlsx(rows):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_import_all_or_nothing_and_idempotent(org):
    names = [
        "접속신속",
        "맞이인사",
        "연결태도",
        "언어표현",
        "경청태도",
        "적극안내",
        "응대태도",
        "종료인사",
        "통화종료",
        "전체만족",
    ]
    header = ["사번", "평가표", "평가 방식", "평가 일시", *names, "의견"]
    good = [org.clerk.staff.employee_no, "seoul-phone", "전화 응대", "2026-10-02 10:00", 10, 10, "-", 10, 10, 10,
            10, 15, 5, 10, "좋음"]  # fmt: skip
    bad = [org.clerk.staff.employee_no, "seoul-phone", "전화 응대", "2026-10-02 10:00", 10, 10, 10, 10, 10, 10,
           10, 99, 5, 10, ""]  # fmt: skip
    with pytest.raises(imports.ImportInvalid) as err:
        imports.evaluations_import(filename="r.xlsx", data=_xlsx([header, good, bad]), by=org.evaluator,
                                   now=timezone.now())  # fmt: skip
    assert err.value.errors == [
        {"row": 3, "column": "종료인사", "message": "'종료인사' 점수는 배점 15점을 넘을 수 없습니다."}
    ]
    assert not Evaluation.objects.exists()
    data = _xlsx([header, good])
    outcome = imports.evaluations_import(filename="r.xlsx", data=data, by=org.evaluator, now=timezone.now(),
                                         evaluator_name="한국서비스품질평가원")  # fmt: skip
    assert len(outcome.created) == 1
    evaluation = Evaluation.objects.get()
    assert evaluation.source == "import" and evaluation.total == Decimal("100.00")
    assert evaluation.evaluator_name == "한국서비스품질평가원"
    again = imports.evaluations_import(filename="r.xlsx", data=data, by=org.evaluator, now=timezone.now())
    assert again.created == [] and again.existing == 1


def test_calibration_sheets_do_not_touch_mileage_and_give_variance(org):
    from datetime import date

    from chinjeol.quality.models import Scorecard

    sheet = Scorecard.objects.get(code="seoul-phone")
    session = services.calibration_create(title="11월 보정", scorecard=sheet, held_on=date(2026, 11, 2),
                                          by=org.officer, staff=org.clerk.staff)  # fmt: skip
    record(org, calibration=session)
    record(org, by=org.officer, calibration=session, scores=dict(FULL, closing=10))
    assert not MileageEntry.objects.exists()
    report = queries.calibration_report(session)
    closing = next(i for i in report.items if i.code == "closing")
    assert closing.spread == Decimal("5.00") and closing.variance == Decimal("6.25")
    assert len(report.evaluators) == 2


def test_sqi_combines_evaluations_and_compliance(org):
    from chinjeol.core.periods import Period

    record(org, scores=dict(FULL, closing=5))
    rows, periods = queries.sqi_table(Period.parse("2026-H2"), timezone.now())
    row = next(r for r in rows if r.department_id == org.team.pk)
    assert row.cells["phone"]["value"] == Decimal("90.00")
    assert len(periods) == 4


def test_a_new_scorecard_version_is_a_copy_and_the_old_one_stops(org):
    from chinjeol.quality.models import Scorecard
    from chinjeol.quality.services.scorecards import scorecard_new_version

    record(org)
    old = Scorecard.objects.get(code="seoul-phone")
    with pytest.raises(DomainError):
        scorecard_new_version(sheet=old, by=org.leader)
    new = scorecard_new_version(sheet=old, by=org.officer, note="배점 조정")
    old.refresh_from_db()
    assert new.version == 2 and not old.is_active and new.items.count() == 10
    assert [s.version for s in queries.current_scorecards() if s.code == "seoul-phone"] == [2]
    assert Evaluation.objects.get().scorecard == old  # the evaluation keeps its version
