from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from chinjeol.compensation import services
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.errors import DomainError

AT = datetime(2026, 10, 5, 3, 0, tzinfo=UTC)


def record(staff=None, source_id=1, reason="deadline_missed"):
    return services.compensation_record(
        reason=reason,
        occurred_at=AT,
        recipient_name="홍길동",
        source_type="case",
        source_id=source_id,
        source_label="2026-0000001 주차 민원",
        staff=staff,
    )


@pytest.mark.django_db
def test_record_is_idempotent_per_source_and_official(org):
    entry, created = record(staff=org.clerk.staff)
    again, created_again = record(staff=org.clerk.staff)
    assert created and not created_again and entry.pk == again.pk
    assert entry.amount == 10_000 and entry.department == org.team
    other, created_other = record(staff=org.outsider.staff)
    assert created_other and other.pk != entry.pk
    _e, created_none = record(staff=None)
    _e2, created_none_again = record(staff=None)
    assert created_none and not created_none_again


@pytest.mark.django_db
def test_approve_then_hand_over(org):
    entry, _ = record()
    services.compensation_approve(entry_id=entry.pk, by=org.officer, now=AT)
    with pytest.raises(DomainError, match="이미"):
        services.compensation_approve(entry_id=entry.pk, by=org.officer, now=AT)
    with pytest.raises(DomainError) as future:
        services.compensation_hand_over(
            entry_id=entry.pk,
            by=org.officer,
            on=date(2026, 12, 1),
            handed_by="김담당",
            today=date(2026, 11, 1),
        )
    assert future.value.field == "on"
    done = services.compensation_hand_over(
        entry_id=entry.pk, by=org.officer, on=date(2026, 10, 7), handed_by="김담당", today=date(2026, 11, 1)
    )
    assert done.status == CompensationEntry.Status.HANDED_OVER and done.handed_over_by == "김담당"


@pytest.mark.django_db
def test_hand_over_needs_approval(org):
    entry, _ = record()
    with pytest.raises(DomainError, match="승인된 보상만"):
        services.compensation_hand_over(
            entry_id=entry.pk, by=org.officer, on=date(2026, 10, 7), handed_by="김", today=date(2026, 11, 1)
        )


@pytest.mark.django_db
def test_ledger_pages_by_role(client_for, org):
    record(staff=org.clerk.staff)
    record(staff=org.outsider.staff, source_id=2)
    assert client_for(org.clerk).get(reverse("compensation:ledger")).status_code == 403
    body = client_for(org.head).get(reverse("compensation:ledger")).content.decode()
    assert "김민원" in body and "박세무" not in body  # head sees own scope only
    body = client_for(org.auditor).get(reverse("compensation:ledger")).content.decode()
    assert "김민원" in body and "박세무" in body and "승인</button>" not in body
    body = client_for(org.officer).get(reverse("compensation:ledger")).content.decode()
    assert "승인</button>" in body


@pytest.mark.django_db
def test_officer_approves_through_page_and_others_cannot(client_for, org):
    entry, _ = record(staff=org.clerk.staff)
    url = reverse("compensation:approve", args=[entry.pk])
    assert client_for(org.auditor).post(url, {"decision": "approve"}).status_code == 403
    client_for(org.officer).post(url, {"decision": "approve"})
    entry.refresh_from_db()
    assert entry.status == CompensationEntry.Status.APPROVED


@pytest.mark.django_db
def test_monthly_report(client_for, org):
    record(staff=org.clerk.staff)
    body = client_for(org.officer).get(reverse("compensation:report"), {"year": 2026}).content.decode()
    assert "10월" in body and "10,000원" in body


@pytest.mark.django_db
def test_after_a_decision_the_page_never_sends_the_officer_to_another_site(client, org):
    from chinjeol.compensation.models import CompensationEntry
    from tests.factories import at

    entry = CompensationEntry.objects.create(
        reason=CompensationEntry.Reason.DEADLINE_MISSED,
        amount=10_000,
        occurred_at=at(2026, 11, 20, 9),
        source_type="case",
        source_id="1",
        department=org.civil,
    )
    client.force_login(org.officer)
    response = client.post(f"/compensation/{entry.pk}/approve/", {"next": "https://evil.example/steal"})
    assert response.status_code == 302 and response["Location"] == "/compensation/"
    response = client.post(f"/compensation/{entry.pk}/approve/", {"next": "/compensation/?status=approved"})
    assert response["Location"] == "/compensation/?status=approved"


@pytest.mark.django_db
def test_the_day_a_gift_arose_is_the_korean_day(org, settings):
    """00:30 in Seoul on 23 November is still 22 November in UTC: a hand-over on the 22nd is before it arose."""
    settings.TIME_ZONE = "UTC"  # the server's own zone must not matter either
    entry, _ = services.compensation_record(
        reason="deadline_missed",
        occurred_at=datetime(2026, 11, 22, 15, 30, tzinfo=UTC),  # 2026-11-23 00:30 KST
        recipient_name="홍길동",
        source_type="case",
        source_id=77,
        source_label="2026-0000077",
    )
    services.compensation_approve(entry_id=entry.pk, by=org.officer, now=AT)
    with pytest.raises(DomainError) as early:
        services.compensation_hand_over(
            entry_id=entry.pk,
            by=org.officer,
            on=date(2026, 11, 22),
            handed_by="김담당",
            today=date(2026, 11, 30),
        )
    assert early.value.field == "on"
    done = services.compensation_hand_over(
        entry_id=entry.pk, by=org.officer, on=date(2026, 11, 23), handed_by="김담당", today=date(2026, 11, 30)
    )
    assert done.handed_over_on == date(2026, 11, 23)
