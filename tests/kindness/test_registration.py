"""Registering results by role and scope: one at a time, from a file, all or nothing."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from chinjeol.core.errors import DomainError
from chinjeol.kindness import services
from chinjeol.kindness.models import MileageEntry
from tests.factories import at

pytestmark = pytest.mark.django_db
NOW = at(2026, 11, 23, 9)


def register(by, staff, item="phone", when=None, **extra):
    return services.inspection_register(
        staff_id=staff.pk,
        item_code=item,
        occurred_at=when or at(2026, 11, 2),
        note="",
        by=by,
        now=NOW,
        **extra,
    )


def test_a_cs_leader_registers_for_their_departments_only(org):
    entry = register(org.leader, org.clerk.staff)  # 민원팀 is under 민원과
    assert entry.registered_by == org.leader and entry.source_type == "inspection"
    assert entry.source_label.startswith("전화응대 점검")
    with pytest.raises(DomainError, match="담당 부서 직원이 아닙니다") as refused:
        register(org.leader, org.outsider.staff)
    assert refused.value.status == 403 and refused.value.field == "employee_no"
    with pytest.raises(DomainError, match="고객만족 담당관이 등록"):
        register(org.leader, org.clerk.staff, item="unkind")
    with pytest.raises(DomainError, match="고객만족 담당관이 등록"):
        register(org.leader, org.clerk.staff, item="smile")
    assert MileageEntry.objects.count() == 1


def test_an_external_evaluator_registers_phone_and_training_for_anyone_but_nothing_else(org):
    assert register(org.evaluator, org.outsider.staff).points == Decimal("2.00")
    assert register(org.evaluator, org.clerk.staff, item="training", points=1).points == Decimal("1.00")
    with pytest.raises(DomainError, match="가점 항목이라 음수") as negative:
        register(org.evaluator, org.clerk.staff, item="training", points=-1)
    assert negative.value.field == "points"
    for item in ("praise", "survey", "unkind", "smile"):
        with pytest.raises(DomainError, match="외부 평가기관은") as refused:
            register(org.evaluator, org.clerk.staff, item=item)
        assert refused.value.field == "item"


def test_the_cs_officer_registers_anything_and_readers_nothing(org):
    assert register(org.officer, org.outsider.staff, item="unkind").points == Decimal("-10.00")
    for user in (org.auditor, org.head, org.clerk):
        with pytest.raises(DomainError, match="권한") as refused:
            register(user, org.outsider.staff)
        assert refused.value.status == 403


def test_a_result_cannot_be_dated_in_the_future_or_given_to_someone_who_left(org):
    with pytest.raises(DomainError, match="앞으로의 일시"):
        register(org.officer, org.clerk.staff, when=NOW + timedelta(hours=1))
    org.outsider.staff.is_active = False
    org.outsider.staff.save()
    with pytest.raises(DomainError, match="재직 중인 직원"):
        register(org.officer, org.outsider.staff)


def rows(*values):
    return [services.EntryRow(row=n, **v) for n, v in enumerate(values, start=2)]


def test_a_batch_is_checked_row_by_row_and_nothing_is_written_when_any_row_is_wrong(org):
    clerk, outsider = org.clerk.staff.employee_no, org.outsider.staff.employee_no
    batch = rows(
        {"employee_no": clerk, "item": "전화응대 점검", "occurred_at": "2026-11-02"},
        {"employee_no": "X999", "item": "phone", "occurred_at": "2026-11-02"},
        {"employee_no": outsider, "item": "phone", "occurred_at": "2026-11-02"},
        {"employee_no": clerk, "item": "친절사례", "occurred_at": "2026. 11. 31.", "points": "abc"},
        {"employee_no": clerk, "item": "칭찬", "occurred_at": "", "note": "가" * 501},
    )
    with pytest.raises(services.EntriesInvalid) as invalid:
        services.entries_import(rows=batch, by=org.leader, now=NOW, source_type="upload", source_key="k")
    errors = [(e.row, e.field, e.message) for e in invalid.value.errors]
    assert (3, "employee_no", "재직 중인 직원의 사번이 아닙니다: X999") in errors
    assert (4, "employee_no", f"담당 부서 직원이 아닙니다: {org.outsider.staff.name} (세무과)") in errors
    assert (5, "occurred_at", "없는 날짜나 시각입니다: 2026. 11. 31.") in errors
    assert (5, "points", "점수가 숫자가 아닙니다: abc") in errors
    assert any(
        r == 6 and f == "item" and m.startswith("알 수 없는 평가 항목입니다: 칭찬") for r, f, m in errors
    )
    assert (6, "occurred_at", "일자를 적어 주세요.") in errors
    assert (6, "note", "비고는 500자까지 적을 수 있습니다.") in errors
    assert not any(r == 2 for r, _f, _m in errors)
    assert (
        invalid.value.status == 422
        and invalid.value.message == "4개 행에 오류가 있어 아무것도 등록하지 않았습니다."
    )
    assert not MileageEntry.objects.exists()


def test_a_good_batch_is_registered_once_even_when_sent_again(org):
    clerk = org.clerk.staff.employee_no
    batch = rows(
        {"employee_no": clerk, "item": "phone", "occurred_at": "2026-11-02"},
        {
            "employee_no": clerk,
            "item": "training",
            "occurred_at": "2026-11-03 14:30",
            "points": "1",
            "note": "암행",
        },
    )
    first = services.entries_import(
        rows=batch, by=org.leader, now=NOW, source_type="upload", source_key="abc"
    )
    assert len(first.created) == 2 and first.existing == []
    entries = {e.item.code: e for e in MileageEntry.objects.select_related("item")}
    assert entries["phone"].occurred_at == at(2026, 11, 2, 12, 0)  # a date alone is recorded at noon
    assert entries["training"].occurred_at == at(2026, 11, 3, 14, 30)
    assert entries["training"].points == Decimal("1.00") and entries["training"].note == "암행"
    again = services.entries_import(
        rows=batch, by=org.leader, now=NOW, source_type="upload", source_key="abc"
    )
    assert again.created == [] and sorted(again.existing) == sorted(first.created)
    assert MileageEntry.objects.count() == 2
    dry = services.entries_import(rows=batch, by=org.leader, now=NOW, source_type="upload", dry_run=True)
    assert dry.checked == 2 and not dry.applied and MileageEntry.objects.count() == 2


def test_an_empty_or_oversized_batch_is_refused(org):
    with pytest.raises(services.EntriesInvalid, match="오류"):
        services.entries_import(rows=[], by=org.officer, now=NOW, source_type="api")
    big = [services.EntryRow(row=n) for n in range(services.MAX_ROWS + 1)]
    with pytest.raises(services.EntriesInvalid) as invalid:
        services.entries_import(rows=big, by=org.officer, now=NOW, source_type="api")
    assert "5,000행까지" in invalid.value.errors[0].message


def _xlsx(rows_):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows_:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_excel_file_with_numbers_and_dates_as_cells(org):
    from datetime import datetime

    data = _xlsx(
        [
            ["사번", "항목", "점수", "일자", "비고"],
            [org.clerk.staff.employee_no, "전화응대 점검", None, datetime(2026, 11, 2, 10, 0), "정확한 안내"],  # noqa: DTZ001
            [org.clerk.staff.employee_no, "phone", 1.5, "2026.11.05", None],
            [None, None, None, None, None],
        ]
    )
    result = services.entries_upload(filename="점검.xlsx", data=data, by=org.leader, now=NOW)
    assert len(result.created) == 2
    entries = list(MileageEntry.objects.order_by("occurred_at"))
    assert entries[0].occurred_at == at(2026, 11, 2, 10, 0) and entries[0].points == Decimal("2.00")
    assert entries[1].points == Decimal("1.50") and "3행" in entries[1].source_label
    again = services.entries_upload(filename="점검(사본).xlsx", data=data, by=org.leader, now=NOW)
    assert again.created == [] and len(again.existing) == 2


def test_a_csv_in_cp949_and_a_file_without_the_needed_columns(org):
    text = f"사번,항목,일자\n{org.clerk.staff.employee_no},교육 이수·암행 평가,2026-11-02\n"
    result = services.entries_upload(filename="a.csv", data=text.encode("cp949"), by=org.evaluator, now=NOW)
    assert len(result.created) == 1
    with pytest.raises(services.EntriesInvalid) as invalid:
        services.entries_upload(
            filename="b.csv", data="이름,점수\n홍길동,2\n".encode(), by=org.officer, now=NOW
        )
    assert invalid.value.header_errors[0].startswith("'사번' 열이 없습니다")
    with pytest.raises(DomainError, match="CSV 또는 XLSX"):
        services.entries_upload(filename="c.pdf", data=b"%PDF", by=org.officer, now=NOW)


def test_evaluator_rows_for_other_items_are_refused_per_row(org):
    text = f"사번,항목,일자\n{org.clerk.staff.employee_no},친절 사례,2026-11-02\n"
    with pytest.raises(services.EntriesInvalid) as invalid:
        services.entries_upload(filename="a.csv", data=text.encode(), by=org.evaluator, now=timezone.now())
    assert [(e.row, e.field) for e in invalid.value.errors] == [(2, "item")]


def test_negative_points_on_a_bonus_item_are_refused_per_row(org):
    text = f"사번,항목,점수,일자\n{org.clerk.staff.employee_no},전화응대 점검,-1,2026-11-02\n"
    with pytest.raises(services.EntriesInvalid) as invalid:
        services.entries_upload(filename="a.csv", data=text.encode(), by=org.evaluator, now=timezone.now())
    assert [(e.row, e.field) for e in invalid.value.errors] == [(2, "points")]
    assert "가점 항목이라 음수" in invalid.value.errors[0].message
