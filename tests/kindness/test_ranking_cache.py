"""The rankings' cache follows a version bumped with each ledger write, not the highest id."""

from decimal import Decimal

import pytest
from django.db import connection

from chinjeol.core.models import DataVersion
from chinjeol.kindness import queries, services
from chinjeol.kindness.models import MileageEntry
from chinjeol.kindness.queries.scores import LEDGER_VERSION
from chinjeol.kindness.rules import Period
from tests.factories import at

H2 = Period.parse("2026-H2")
pytestmark = pytest.mark.django_db


def version():
    return DataVersion.objects.filter(name=LEDGER_VERSION).values_list("version", flat=True).first() or 0


def test_a_write_committed_with_a_lower_id_than_the_highest_refreshes_the_rankings(org, record):
    """On PostgreSQL ids are handed out at insert, so a transaction that commits last can hold a lower id than
    one already committed: MAX(id) then does not move. Here the already committed row holds a high id."""
    late = record(org.clerk.staff, "phone", at(2026, 9, 1))
    MileageEntry.objects.filter(pk=late.pk).update(id=10**6)
    first = queries.period_results(H2)
    before = first.staff[org.clerk.staff.pk].score.score
    entry = record(org.clerk.staff, "unkind", at(2026, 9, 3))
    if connection.vendor == "postgresql":
        assert entry.pk < 10**6  # the situation the cache has to survive
    second = queries.period_results(H2)
    assert second is not first
    assert second.staff[org.clerk.staff.pk].score.score < before


def test_every_ledger_service_bumps_the_version_in_its_transaction(org, record):
    start = version()
    entry = record(org.clerk.staff, "phone", at(2026, 9, 1))
    assert version() == start + 1
    record(
        org.clerk.staff, "phone", at(2026, 9, 1), source_id=entry.source_id
    )  # the same source: nothing new
    assert version() == start + 1
    services.mileage_reverse(entry_id=entry.pk, reason="잘못 등록", by=org.officer, now=at(2026, 9, 2))
    assert version() == start + 2
    deduction = services.department_deduction_record(
        department=org.civil, occurred_at=at(2026, 9, 3), source_type="test", source_id=1, points=Decimal("1")
    )
    services.department_deduction_reverse(
        deduction_id=deduction.pk, reason="번복", by=org.officer, now=at(2026, 9, 4)
    )
    assert version() == start + 4


def test_a_rolled_back_write_leaves_the_version_alone(org):
    from django.db import transaction

    start = version()
    with transaction.atomic():
        services.mileage_record(
            staff=org.clerk.staff,
            item_code="phone",
            occurred_at=at(2026, 9, 1),
            source_type="inspection",
            source_id="x",
        )
        transaction.set_rollback(True)
    assert version() == start
