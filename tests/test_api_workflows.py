"""The report investigation, compensation and mileage corrections through the API alone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.models import ApiToken
from chinjeol.kindness.models import MileageEntry

pytestmark = pytest.mark.django_db
DUE_ON = str(date.today() + timedelta(days=30))


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


def post(client, path, body, user):
    return client.post(f"/api/v1{path}", body, content_type="application/json", **bearer(user))


REPORT = {
    "kind": "unkind",
    "official_name": "김민원",
    "department_name": "민원팀",
    "body": "전화를 퉁명스럽게 받고 먼저 끊었습니다.",
    "reporter": {"name": "이신고", "phone": "010-2222-3333"},
}


def test_an_unkind_report_investigated_and_substantiated_through_the_api(client, org):
    report_id = post(client, "/community/reports", REPORT, org.officer).json()["id"]
    assert post(client, f"/community/reports/{report_id}/investigate", {}, org.head).status_code == 403

    started = post(client, f"/community/reports/{report_id}/investigate", {}, org.officer)
    assert started.status_code == 200 and started.json()["status"] == "investigating"
    named = post(
        client, f"/community/reports/{report_id}/officials", {"staff": org.clerk.staff_id}, org.officer
    )
    assert [o["staff"] for o in named.json()["officials"]] == [org.clerk.staff_id]

    missing_measure = post(
        client, f"/community/reports/{report_id}/substantiate", {"finding": "확인됨"}, org.officer
    )
    assert missing_measure.status_code == 400 and missing_measure.json()["field"] == "measure"

    decided = post(
        client,
        f"/community/reports/{report_id}/substantiate",
        {
            "finding": "통화 녹음으로 확인했습니다.",
            "prevention": {
                "measure": "전화 응대 교육",
                "responsible": org.head.staff_id,
                "due_on": DUE_ON,
            },
        },
        org.officer,
    )
    assert decided.status_code == 200, decided.json()
    assert decided.json()["status"] == "substantiated"
    assert MileageEntry.objects.filter(source_type="kindness_report", source_id=str(report_id)).count() == 1
    entry = CompensationEntry.objects.get(source_type="kindness_report", source_id=str(report_id))

    # compensation: approve, then hand over
    assert post(client, f"/compensation/{entry.pk}/approve", {}, org.head).status_code == 403
    approved = post(client, f"/compensation/{entry.pk}/approve", {"note": "확인"}, org.officer)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["recipient"] != "이신고"
    handed_on = str(timezone.localtime(entry.occurred_at).date())
    future = post(
        client,
        f"/compensation/{entry.pk}/hand-over",
        {"on": str(date.today() + timedelta(days=2)), "handed_by": "고담당"},
        org.officer,
    )
    assert future.status_code == 400 and future.json()["field"] == "on"
    handed = post(
        client,
        f"/compensation/{entry.pk}/hand-over",
        {"on": handed_on, "handed_by": "고담당"},
        org.officer,
    )
    assert handed.status_code == 200 and handed.json()["status"] == "handed_over"
    listed = client.get("/api/v1/compensation?status=handed_over", **bearer(org.auditor)).json()
    assert [i["id"] for i in listed["items"]] == [entry.pk]
    assert client.get("/api/v1/compensation", **bearer(org.clerk)).status_code == 403


def test_a_mileage_entry_is_reversed_through_the_api(client, org):
    report_id = post(client, "/community/reports", REPORT, org.officer).json()["id"]
    post(client, f"/community/reports/{report_id}/investigate", {}, org.officer)
    post(client, f"/community/reports/{report_id}/officials", {"staff": org.clerk.staff_id}, org.officer)
    post(
        client,
        f"/community/reports/{report_id}/substantiate",
        {
            "finding": "확인",
            "prevention": {"measure": "교육", "responsible": org.head.staff_id, "due_on": DUE_ON},
        },
        org.officer,
    )
    entry = MileageEntry.objects.get(source_type="kindness_report")
    assert (
        post(client, f"/kindness/entries/{entry.pk}/reverse", {"reason": "오인 신고"}, org.head).status_code
        == 403
    )
    reversed_ = post(client, f"/kindness/entries/{entry.pk}/reverse", {"reason": "오인 신고"}, org.officer)
    assert reversed_.status_code == 201
    body = reversed_.json()
    assert body["reverses"] == entry.pk and float(body["points"]) == -float(entry.points)
    again = post(client, f"/kindness/entries/{entry.pk}/reverse", {"reason": "다시"}, org.officer)
    assert again.status_code == 400 and again.json()["code"] == "state"
