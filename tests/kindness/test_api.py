"""API by role: rankings, a person's score and entries, batch registration (all or nothing)."""

import pytest

from chinjeol.core.models import ApiToken, PersonalDataAccess
from chinjeol.kindness import queries, services
from chinjeol.kindness.models import MileageEntry
from chinjeol.kindness.rules import Period
from tests.factories import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def call(user, method, path, data=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}
        url = f"/api/v1/kindness{path}"
        if method == "get":
            return client.get(url, data or {}, **headers)
        return client.post(url, data, content_type="application/json", **headers)

    return call


def test_department_ranking_for_managers_and_published_only_for_staff(api, org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 2), 8)
    rows = api(org.officer, "get", "/departments", {"period": "2026-H2"}).json()
    team = next(r for r in rows if r["name"] == "민원팀")
    expected = queries.compute_period(Period.parse("2026-H2")).department(org.team.pk)
    assert team == {
        "id": org.team.pk,
        "name": "민원팀",
        "score": str(expected.score),  # one member: pulled toward the organisation mean
        "signal": expected.signal.value,
        "rank": 1,
        "level": "team",
        "members": 1,
        "deduction": "0",
        "published": False,
    }
    for level in {r["level"] for r in rows}:  # ranks count within each level (과, 팀, 실·국)
        ranks = [r["rank"] for r in rows if r["level"] == level]
        assert ranks == sorted(ranks) and ranks[0] == 1
    assert api(org.head, "get", "/departments").status_code == 200
    assert api(org.evaluator, "get", "/departments").status_code == 403
    refused = api(org.clerk, "get", "/departments", {"period": "2026-H2"})
    assert refused.status_code == 403 and "공표되지 않았습니다" in refused.json()["message"]
    services.period_publish(period=Period.parse("2026-H1"), by=org.officer, now=at(2026, 7, 3))
    published = api(org.clerk, "get", "/departments", {"period": "2026-H1"}).json()
    assert published and all(r["published"] for r in published)
    bad = api(org.officer, "get", "/departments", {"period": "2026-13"})
    assert bad.status_code == 400 and bad.json()["field"] == "period" and "기간 형식" in bad.json()["message"]


def test_a_persons_score_items_and_entries_within_scope(api, org, record):
    entry = record(org.clerk.staff, "phone", at(2026, 11, 2), note="인사 정확", source_type="inspection")
    data = api(org.head, "get", f"/staff/{org.clerk.staff.pk}", {"period": "2026-H2"}).json()
    assert (data["score"], data["signal"], data["period"]) == ("77.00", "yellow", "2026-H2")
    assert [i["code"] for i in data["items"]] == ["phone", "survey", "praise", "unkind", "smile", "training"]
    assert data["items"][0]["contribution"] == "2.00"
    assert data["entries"] == [
        {
            "id": entry.pk,
            "item": "phone",
            "points": "2.00",
            "occurred_at": "2026-11-02T10:00:00+09:00",
            "source_type": "inspection",
            "source_name": "점검 결과 등록",
            "source_id": entry.source_id,
            "source_label": "",
            "note": "인사 정확",
            "reverses": None,
            "reversed": False,
        }
    ]
    assert PersonalDataAccess.objects.filter(username="head", action="api").exists()
    assert api(org.clerk, "get", f"/staff/{org.clerk.staff.pk}").status_code == 200  # oneself
    assert api(org.auditor, "get", f"/staff/{org.clerk.staff.pk}").status_code == 200
    assert api(org.outsider, "get", f"/staff/{org.clerk.staff.pk}").status_code == 403
    assert api(org.leader, "get", f"/staff/{org.outsider.staff.pk}").status_code == 403
    assert api(org.evaluator, "get", f"/staff/{org.clerk.staff.pk}").status_code == 403
    assert api(org.officer, "get", "/staff/99999").status_code == 404


def _row(staff, item="phone", **extra):
    return {
        "employee_no": staff.employee_no,
        "item": item,
        "occurred_at": "2026-11-02T10:00:00+09:00",
        **extra,
    }


def test_batch_registration_is_all_or_nothing_with_korean_errors_per_row(api, org):
    rows = [_row(org.clerk.staff), {"employee_no": "NOPE", "item": "phone", "occurred_at": "2026-11-02"}]
    bad = api(org.officer, "post", "/entries", {"entries": rows})
    assert bad.status_code == 422
    assert bad.json()["errors"] == [
        {"row": 2, "field": "employee_no", "message": "재직 중인 직원의 사번이 아닙니다: NOPE"}
    ]
    assert bad.json()["message"] == "1개 행에 오류가 있어 아무것도 등록하지 않았습니다."
    assert not MileageEntry.objects.exists()
    good = api(org.officer, "post", "/entries", {"entries": rows[:1]})
    assert good.status_code == 201 and len(good.json()["created"]) == 1
    entry = MileageEntry.objects.get()
    assert entry.source_type == "api" and entry.registered_by == org.officer


def test_batch_rows_are_checked_against_the_senders_role_and_scope(api, org):
    leader = api(
        org.leader, "post", "/entries", {"entries": [_row(org.clerk.staff), _row(org.outsider.staff)]}
    )
    assert leader.status_code == 422 and leader.json()["errors"][0]["row"] == 2
    assert leader.json()["errors"][0]["field"] == "employee_no"
    evaluator = api(org.evaluator, "post", "/entries", {"entries": [_row(org.outsider.staff, "praise")]})
    assert evaluator.status_code == 422 and evaluator.json()["errors"][0]["field"] == "item"
    assert "외부 평가기관은" in evaluator.json()["errors"][0]["message"]
    assert api(org.evaluator, "post", "/entries", {"entries": [_row(org.outsider.staff)]}).status_code == 201
    for reader in (org.auditor, org.clerk, org.head):
        response = api(reader, "post", "/entries", {"entries": [_row(org.clerk.staff)]})
        assert response.status_code == 403
    assert MileageEntry.objects.count() == 1


def test_batch_with_source_ids_can_be_sent_again(api, org):
    rows = [_row(org.clerk.staff, source_id="KSQA-2026-11-001", points=1.5)]
    first = api(org.evaluator, "post", "/entries", {"entries": rows}).json()
    again = api(org.evaluator, "post", "/entries", {"entries": rows}).json()
    assert again == {"created": [], "existing": first["created"]}
    assert str(MileageEntry.objects.get().points) == "1.50"
    empty = api(org.officer, "post", "/entries", {"entries": []})
    assert empty.status_code == 422 and empty.json()["errors"][0]["message"] == "등록할 행이 없습니다."
    future = api(
        org.officer, "post", "/entries", {"entries": [_row(org.clerk.staff, occurred_at="2099-01-01")]}
    )
    assert future.json()["errors"] == [
        {"row": 1, "field": "occurred_at", "message": "앞으로의 일시로는 등록할 수 없습니다."}
    ]
