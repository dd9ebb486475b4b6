"""The mileage ledger: append-only, idempotent per source, corrections by reversal."""

from decimal import Decimal

import pytest

from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.kindness import queries, services
from chinjeol.kindness.models import DepartmentDeduction, MileageEntry
from chinjeol.kindness.rules import Period
from tests.factories import at

H2 = Period.parse("2026-H2")
pytestmark = pytest.mark.django_db


def score(staff, period=H2):
    return queries.compute_period(period).staff[staff.pk].score.score


def test_points_come_from_the_item_rule_times_count_and_sign(org, record):
    clerk = org.clerk.staff
    assert record(clerk, "phone").points == Decimal("2.00")
    assert record(clerk, "praise", count=2).points == Decimal("6.00")
    assert record(clerk, "unkind").points == Decimal("-10.00")
    # explicit points are the entry's points; a negative item's are always negative
    assert record(clerk, "unkind", points=5).points == Decimal("-5.00")
    assert record(clerk, "phone", points="-1").points == Decimal("-1.00")
    assert record(clerk, "survey", points=Decimal("0.5"), count=3).points == Decimal("0.50")


def test_record_is_idempotent_per_source_staff_and_item(org, record):
    clerk = org.clerk.staff
    first = record(clerk, "phone", source_type="inspection", source_id=7)
    again = record(clerk, "phone", source_type="inspection", source_id="7", points=8)
    assert again.pk == first.pk and again.points == Decimal("2.00")
    other_item = record(clerk, "survey", source_type="inspection", source_id=7)
    other_person = record(org.outsider.staff, "phone", source_type="inspection", source_id=7)
    assert len({first.pk, other_item.pk, other_person.pk}) == 3
    assert MileageEntry.objects.count() == 3


def test_period_columns_are_in_seoul_time(org, record):
    from datetime import UTC, datetime

    # 2026-06-30 15:30 UTC is 2026-07-01 00:30 in Seoul: July, second half-year
    entry = record(org.clerk.staff, "phone", when=datetime(2026, 6, 30, 15, 30, tzinfo=UTC))
    assert (entry.year, entry.half, entry.month) == (2026, 2, 7)
    entry = record(org.clerk.staff, "phone", when=at(2026, 6, 30, 23, 59))
    assert (entry.year, entry.half, entry.month) == (2026, 1, 6)


def test_record_rejects_what_it_cannot_trace(org, record):
    from datetime import datetime

    with pytest.raises(DomainError, match="알 수 없는 평가 항목"):
        record(org.clerk.staff, "nope")
    with pytest.raises(DomainError, match="시간대"):
        record(org.clerk.staff, "phone", when=datetime(2026, 11, 2, 10))  # noqa: DTZ001
    with pytest.raises(DomainError, match="-100점부터 100점"):
        record(org.clerk.staff, "phone", points=150)
    with pytest.raises(DomainError, match="숫자"):
        record(org.clerk.staff, "phone", points="많이")
    assert not MileageEntry.objects.exists()


def test_free_text_is_masked_before_it_is_stored(org, record):
    entry = record(org.clerk.staff, "praise", note="민원인 010-1234-5678 님이 칭찬")
    stored = MileageEntry.objects.get(pk=entry.pk).note
    assert "010-1234-5678" not in stored and stored.startswith("민원인 010") and stored.endswith("님이 칭찬")


def test_reversal_appends_and_restores_the_score(org, record):
    clerk = org.clerk.staff
    entry = record(clerk, "unkind", source_type="kindness_report", source_id=1)
    assert score(clerk) == Decimal("65.00")
    reversal = services.mileage_reverse(
        entry_id=entry.pk, reason="신고 취소", by=org.officer, now=at(2026, 11, 4)
    )
    assert reversal.points == Decimal("10.00") and reversal.reverses == entry
    assert (reversal.year, reversal.half, reversal.month) == (entry.year, entry.half, entry.month)
    assert score(clerk) == Decimal("75.00")
    entry.refresh_from_db()
    assert entry.points == Decimal("-10.00")  # the original is never edited
    assert MileageEntry.objects.filter(staff=clerk).count() == 2
    with pytest.raises(DomainError, match="이미 정정"):
        services.mileage_reverse(entry_id=entry.pk, reason="다시", by=org.officer, now=at(2026, 11, 4))
    with pytest.raises(DomainError, match="정정 기록은 다시"):
        services.mileage_reverse(entry_id=reversal.pk, reason="다시", by=org.officer, now=at(2026, 11, 4))


def test_only_the_cs_officer_reverses_and_a_reason_is_needed(org, record):
    entry = record(org.clerk.staff, "phone")
    for user in (org.leader, org.head, org.auditor, org.clerk):
        with pytest.raises(PermissionDenied):
            services.mileage_reverse(entry_id=entry.pk, reason="틀림", by=user, now=at(2026, 11, 4))
    with pytest.raises(DomainError, match="사유"):
        services.mileage_reverse(entry_id=entry.pk, reason="  ", by=org.officer, now=at(2026, 11, 4))
    assert MileageEntry.objects.count() == 1


def test_department_deduction_defaults_to_the_settings_and_is_idempotent(org):
    first = services.department_deduction_record(
        department=org.tax, occurred_at=at(2026, 9, 1), source_type="kindness_report", source_id=3
    )
    again = services.department_deduction_record(
        department=org.tax, occurred_at=at(2026, 9, 1), source_type="kindness_report", source_id=3, points=9
    )
    assert first.pk == again.pk and first.points == Decimal("2.00") and (first.year, first.half) == (2026, 2)
    assert DepartmentDeduction.objects.count() == 1
    reversal = services.department_deduction_reverse(
        deduction_id=first.pk, reason="신고 재조사 결과 불인정", by=org.officer, now=at(2026, 9, 9)
    )
    assert reversal.points == Decimal("-2.00")
    assert queries.department_deductions(H2).get(org.tax.pk) == Decimal("0.00")
    with pytest.raises(DomainError, match="0점부터 100점"):
        services.department_deduction_record(
            department=org.tax, occurred_at=at(2026, 9, 1), source_type="x", source_id=1, points=-3
        )


def test_ledger_rows_cannot_be_deleted_while_people_and_items_exist(org, record):
    from django.db.models import ProtectedError

    from tests.factories import make_staff

    person = make_staff(department=org.tax)
    entry = record(person, "phone")
    with pytest.raises(ProtectedError) as refused:
        person.delete()
    assert entry in refused.value.protected_objects


def test_an_unregistered_source_is_refused(org):
    with pytest.raises(DomainError) as error:
        services.mileage_record(
            staff=org.clerk.staff,
            item_code="phone",
            occurred_at=at(2026, 9, 1),
            source_type="guesswork",
            source_id=1,
        )
    assert error.value.field == "source_type"
    assert not MileageEntry.objects.exists()


def test_every_app_that_feeds_the_ledger_registered_its_sources():
    from chinjeol.kindness import sources

    names = {s.source_type: s.label for s in sources.registered()}
    for source_type in (
        "inspection",
        "upload",
        "api",
        "reversal",
        "happy_call",
        "kindness_report",
        "praise_post",
    ):
        assert source_type in names
    assert sources.source_name("happy_call") == "해피콜 만족도"
