"""A case taken from intake to its result notice through the API alone, with the page's permissions."""

from __future__ import annotations

import pytest

from chinjeol.core.models import ApiToken
from chinjeol.notify.models import Message

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "channel": "web",
    "kind": "inquiry",
    "title": "가로등 고장",
    "body": "집 앞 가로등이 꺼져 있습니다.",
    "customer": {"name": "최민원", "phone": "01099998888", "email": "choi@example.com"},
    "department": None,
}


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


def post(client, path, body, user):
    return client.post(f"/api/v1/cases{path}", body, content_type="application/json", **bearer(user))


def test_intake_to_result_notice_through_the_api(client, org):
    created = post(client, "", {**PAYLOAD, "department": org.civil.pk}, org.officer)
    assert created.status_code == 201
    case_id = created.json()["id"]

    assigned = post(client, f"/{case_id}/assign", {"assignee": org.clerk.staff_id}, org.head)
    assert assigned.status_code == 200 and assigned.json()["assignee"] == org.clerk.staff_id

    started = post(client, f"/{case_id}/start", {}, org.clerk)
    assert started.json()["status"] == "in_progress"

    answered = post(
        client, f"/{case_id}/answer", {"answer": "오늘 수리했습니다. 불편을 드려 죄송합니다."}, org.clerk
    )
    body = answered.json()
    assert answered.status_code == 200 and body["status"] == "closed"
    assert body["answer"].startswith("오늘 수리했습니다")
    kinds = [n["kind"] for n in body["notices"]]
    assert "received" in kinds and "result" in kinds
    result = next(n for n in body["notices"] if n["kind"] == "result")
    assert result["status"] in {"queued", "sent"} and result["channel"] in {"sms", "email"}
    assert [e["kind"] for e in body["events"]][:1] == ["received"]
    assert {"assigned", "started", "closed"} <= {e["kind"] for e in body["events"]}
    assert Message.objects.filter(about_type="cases.case", about_id=case_id, kind="result").exists()

    fetched = client.get(f"/api/v1/cases/{case_id}", **bearer(org.officer)).json()
    assert fetched["notices"] == body["notices"] and fetched["events"] == body["events"]


def test_interim_extend_transfer_and_withdraw(client, org):
    case_id = post(client, "", {**PAYLOAD, "department": org.civil.pk}, org.officer).json()["id"]
    post(client, f"/{case_id}/assign", {"assignee": org.clerk.staff_id}, org.head)

    interim = post(
        client,
        f"/{case_id}/interim",
        {"progress": "현장 확인 중입니다.", "expected_at": "2030-01-10T18:00:00+09:00"},
        org.clerk,
    )
    assert interim.status_code == 200 and "interim" in {e["kind"] for e in interim.json()["events"]}

    naive = post(
        client,
        f"/{case_id}/interim",
        {"progress": "확인 중", "expected_at": "2030-01-10T18:00:00"},
        org.clerk,
    )
    assert naive.status_code == 400 and naive.json()["field"] == "expected_at"

    # only the department head (or the CS officer) extends
    refused = post(client, f"/{case_id}/extend", {"days": 5, "reason": "현장 조사"}, org.clerk)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    extended = post(client, f"/{case_id}/extend", {"days": 5, "reason": "현장 조사"}, org.head)
    assert extended.status_code == 200 and "extended" in {e["kind"] for e in extended.json()["events"]}

    moved = post(client, f"/{case_id}/transfer", {"reason": "세무 담당", "department": org.tax.pk}, org.head)
    assert moved.status_code == 200 and moved.json()["department"] == org.tax.pk

    other = post(client, "", {**PAYLOAD, "department": org.civil.pk}, org.officer).json()["id"]
    withdrawn = post(client, f"/{other}/withdraw", {"reason": "민원인 요청"}, org.head)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"


def test_steps_follow_the_page_rules(client, org):
    case_id = post(client, "", {**PAYLOAD, "department": org.civil.pk}, org.officer).json()["id"]
    # another department's official cannot see it; the evaluator has no case role
    assert post(client, f"/{case_id}/start", {}, org.outsider).status_code == 404  # not theirs: not revealed
    assert post(client, f"/{case_id}/start", {}, org.evaluator).status_code == 403
    assert post(client, "/999999/start", {}, org.officer).status_code == 404
    # a step the state does not allow is a Korean 400
    closed = post(client, f"/{case_id}/withdraw", {}, org.head)
    assert closed.status_code == 200
    again = post(client, f"/{case_id}/start", {}, org.head)
    assert again.status_code == 400 and again.json()["code"] == "state"
    # an unknown assignee is refused with the field named
    fresh = post(client, "", {**PAYLOAD, "department": org.civil.pk}, org.officer).json()["id"]
    missing = post(client, f"/{fresh}/assign", {"assignee": 999999}, org.head)
    assert missing.status_code in (400, 404) and missing.json()["message"]
