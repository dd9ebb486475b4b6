from decimal import Decimal

import pytest
from django.urls import reverse

from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.models import ApiToken
from chinjeol.core.periods import Period
from chinjeol.kindness import queries, services
from chinjeol.kindness.models import MileageEntry
from tests.factories import at

H2 = Period.parse("2026-H2")


@pytest.mark.django_db
def test_record_uses_item_rule_and_is_idempotent(org):
    staff = org.clerk.staff
    entry = services.mileage_record(
        staff=staff, item_code="phone", occurred_at=at(2026, 11, 2), source_type="case", source_id=7
    )
    again = services.mileage_record(
        staff=staff, item_code="phone", occurred_at=at(2026, 11, 2), source_type="case", source_id=7
    )
    assert (
        entry.pk == again.pk
        and entry.points == Decimal("2")
        and (entry.year, entry.half, entry.month) == (2026, 2, 11)
    )
    unkind = services.mileage_record(
        staff=staff, item_code="unkind", occurred_at=at(2026, 11, 3), source_type="report", source_id=1
    )
    assert unkind.points == Decimal("-10")
    with pytest.raises(DomainError, match="평가 항목"):
        services.mileage_record(
            staff=staff, item_code="nope", occurred_at=at(2026, 11, 3), source_type="x", source_id=1
        )


@pytest.mark.django_db
def test_scores_and_reversal(org):
    staff = org.clerk.staff
    assert queries.staff_scores(H2)[staff.pk].score == Decimal("75.00")
    entry = services.mileage_record(
        staff=staff, item_code="unkind", occurred_at=at(2026, 11, 3), source_type="report", source_id=1
    )
    assert queries.staff_scores(H2)[staff.pk].score == Decimal("65.00")
    services.mileage_reverse(entry_id=entry.pk, reason="신고 취소", by=org.officer, now=at(2026, 11, 4))
    assert queries.staff_scores(H2)[staff.pk].score == Decimal("75.00")
    assert MileageEntry.objects.filter(staff=staff).count() == 2  # nothing edited, nothing deleted
    with pytest.raises(DomainError, match="이미 정정"):
        services.mileage_reverse(entry_id=entry.pk, reason="다시", by=org.officer, now=at(2026, 11, 4))


@pytest.mark.django_db
def test_department_ranking_with_deduction(org):
    services.mileage_record(
        staff=org.clerk.staff,
        item_code="phone",
        occurred_at=at(2026, 11, 2),
        source_type="t",
        source_id=1,
        points=8,
    )
    services.department_deduction_record(
        department=org.tax, occurred_at=at(2026, 11, 2), source_type="report", source_id=1
    )
    ranking = {r["name"]: r for r in queries.department_ranking(H2)}
    assert ranking["세무과"]["deduction"] == Decimal("2")
    assert ranking["민원팀"]["rank"] == 1


@pytest.mark.django_db
def test_register_scope_rules(org):
    with pytest.raises(PermissionDenied, match="담당 부서"):
        services.inspection_register(
            staff_id=org.outsider.staff.pk,
            item_code="phone",
            occurred_at=at(2026, 11, 2),
            note="",
            by=org.leader,
        )
    with pytest.raises(PermissionDenied, match="외부 평가기관"):
        services.inspection_register(
            staff_id=org.clerk.staff.pk,
            item_code="praise",
            occurred_at=at(2026, 11, 2),
            note="",
            by=org.evaluator,
        )
    entry = services.inspection_register(
        staff_id=org.clerk.staff.pk,
        item_code="phone",
        occurred_at=at(2026, 11, 2),
        note="양호",
        by=org.leader,
    )
    assert entry.registered_by == org.leader


@pytest.mark.django_db
def test_my_kindness_shows_entries_and_others_are_forbidden(client_for, org):
    services.inspection_register(
        staff_id=org.clerk.staff.pk,
        item_code="phone",
        occurred_at=at(2026, 11, 2),
        note="인사 우수",
        by=org.leader,
    )
    body = client_for(org.clerk).get(reverse("kindness:me"), {"period": "2026-H2"}).content.decode()
    assert "77.00" in body and "인사 우수" in body and "노랑" in body
    assert (
        client_for(org.outsider).get(reverse("kindness:staff", args=[org.clerk.staff.pk])).status_code == 403
    )
    assert client_for(org.head).get(reverse("kindness:staff", args=[org.clerk.staff.pk])).status_code == 200
    assert client_for(org.clerk).get(reverse("kindness:organisation")).status_code == 403
    assert client_for(org.auditor).get(reverse("kindness:organisation")).status_code == 200


@pytest.mark.django_db
def test_register_page(client_for, org):
    response = client_for(org.leader).post(
        reverse("kindness:register"),
        {
            "staff": org.clerk.staff.pk,
            "item": "phone",
            "occurred_at": "2026-11-02T10:00",
            "points": "",
            "note": "친절",
        },
    )
    assert response.status_code == 302
    assert client_for(org.clerk).get(reverse("kindness:register")).status_code == 403


@pytest.mark.django_db
def test_api(client, org):
    officer = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(org.officer)[1]}"}
    rows = [
        {
            "employee_no": org.clerk.staff.employee_no,
            "item": "phone",
            "occurred_at": "2026-11-02T10:00:00+09:00",
        },
        {"employee_no": "NOPE", "item": "phone", "occurred_at": "2026-11-02T10:00:00+09:00"},
    ]
    bad = client.post(
        "/api/v1/kindness/entries", {"entries": rows}, content_type="application/json", **officer
    )
    assert bad.status_code == 422 and bad.json()["errors"] == [
        {"row": 2, "field": "employee_no", "message": "재직 중인 직원의 사번이 아닙니다: NOPE"}
    ]
    assert not MileageEntry.objects.exists()
    good = client.post(
        "/api/v1/kindness/entries", {"entries": rows[:1]}, content_type="application/json", **officer
    )
    assert good.status_code == 201 and len(good.json()["created"]) == 1
    data = client.get(f"/api/v1/kindness/staff/{org.clerk.staff.pk}", {"period": "2026-H2"}, **officer).json()
    assert data["score"] == "77.00" and data["signal"] == "yellow" and data["entries"][0]["item"] == "phone"
    deps = client.get("/api/v1/kindness/departments", {"period": "2026-H2"}, **officer).json()
    assert {d["name"] for d in deps} >= {"민원팀", "세무과"}
    clerk = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(org.clerk)[1]}"}
    assert client.get("/api/v1/kindness/departments", **clerk).status_code == 403
    assert client.get(f"/api/v1/kindness/staff/{org.outsider.staff.pk}", **clerk).status_code == 403
    assert (
        client.get("/api/v1/kindness/departments", {"period": "2026-13"}, **officer).json()["field"]
        == "period"
    )
