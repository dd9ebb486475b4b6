"""The quality pages and API operations as each role uses them."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from chinjeol.kindness.models import MileageEntry
from chinjeol.quality.models import Evaluation
from tests.clock import fixed_clock

pytestmark = pytest.mark.django_db
_clock = fixed_clock(2026, 11, 20)
FULL = {"speed": 10, "greeting": 10, "transfer": 10, "language": 10, "listening": 10, "guidance": 10,
        "attitude": 10, "closing": 15, "hangup": 5, "overall": 10}  # fmt: skip


def _post_sheet(client, staff_pk, **overrides):
    data = {"scorecard": "seoul-phone", "staff": staff_pk, "kind": "phone", "evaluated_at": "2026-11-03T10:00",
            "note": "소속과 이름을 밝힘"}  # fmt: skip
    data.update({f"score-{k}": v for k, v in FULL.items()})
    data.update(overrides)
    return client.post(reverse("quality:evaluate"), data)


def test_evaluator_home_leads_to_evaluation_entry(org, client_for):
    client = client_for(org.evaluator)
    page = client.get("/").content.decode()
    assert "평가 입력" in page and reverse("quality:evaluate") in page


def test_staff_picker_finds_by_name_number_and_department(org, client_for):
    client = client_for(org.evaluator)
    url = reverse("organization:staff_pick")
    assert "김민원" in client.get(url, {"q": "김민"}).content.decode()
    assert "김민원" in client.get(url, {"q": org.clerk.staff.employee_no}).content.decode()
    assert "김민원" in client.get(url, {"q": "민원팀"}).content.decode()
    assert "맞는 직원이 없습니다" in client.get(url, {"q": "없는사람"}).content.decode()
    # a CS leader registering results is kept to their departments
    leader = client_for(org.leader)
    assert "박세무" not in leader.get(url, {"q": "박세", "scope": "register"}).content.decode()
    assert "박세무" in leader.get(url, {"q": "박세"}).content.decode()
    assert "김민원" in leader.get(url, {"q": "김민", "scope": "register"}).content.decode()


def test_evaluator_scores_a_call_and_the_official_sees_the_source(org, client_for):
    client = client_for(org.evaluator)
    assert client.get(reverse("quality:evaluate")).status_code == 200
    response = _post_sheet(client, org.clerk.staff.pk, **{"score-closing": "5"})
    evaluation = Evaluation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "quality:evaluation", args=[evaluation.pk]
    )
    entry = MileageEntry.objects.get(source_type="evaluation")
    me = client_for(org.clerk).get("/kindness/me/?period=2026-H2").content.decode()
    assert reverse("quality:evaluation", args=[evaluation.pk]) in me and "서비스 품질 평가" in me
    detail = client_for(org.clerk).get(reverse("quality:evaluation", args=[evaluation.pk])).content.decode()
    assert "90.0" in detail and "매우우수" in detail and "이의 신청" in detail
    assert entry.points == 3


def test_a_negative_bonus_is_refused_on_the_page(org, client_for):
    client = client_for(org.evaluator)
    data = {"scorecard": "visit-kindness", "staff": org.clerk.staff.pk, "kind": "visit",
            "evaluated_at": "2026-11-03T10:00"}  # fmt: skip
    for code in ("welcome", "appearance", "seeing-off", "overall"):
        data[f"score-{code}"] = 10
    for code in ("guide", "listening", "explain", "attitude"):
        data[f"score-{code}"] = 15
    data["score-praise"] = "-2"
    response = client.post(reverse("quality:evaluate"), data)
    assert response.status_code == 400
    assert "가점 항목이라 음수를 넣을 수 없습니다" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_others_cannot_see_an_evaluation(org, client_for):
    from django.test import Client

    _post_sheet(client_for(org.evaluator), org.clerk.staff.pk)
    evaluation = Evaluation.objects.get()
    outsider = Client()
    outsider.force_login(org.outsider)
    assert outsider.get(reverse("quality:evaluation", args=[evaluation.pk])).status_code == 403
    assert "김민원" not in outsider.get(reverse("quality:evaluations")).content.decode()


def test_evaluation_list_exports(org, client_for):
    _post_sheet(client_for(org.evaluator), org.clerk.staff.pk)
    response = client_for(org.officer).get(reverse("quality:evaluations"), {"format": "xlsx"})
    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "평가 번호" and rows[1][5] == "김민원" and rows[1][7] == 100


def test_pages_of_the_area_answer(org, client_for):
    client = client_for(org.officer)
    for name in ("scorecards", "mystery", "calibrations", "sqi", "import", "evaluations"):
        assert client.get(reverse(f"quality:{name}")).status_code == 200, name
    response = client.post(reverse("quality:plan_new"), {"month": "2026-12", "size": "3"})
    assert response.status_code == 302
    assert "배정" in client.get(reverse("quality:mystery") + "?month=2026-12").content.decode()


# --- API ---------------------------------------------------------------------------------------------------
def test_api_scorecards_and_evaluations(org, client_for):
    client = client_for(org.evaluator)
    sheets = client.get("/api/v1/scorecards").json()
    seoul = next(s for s in sheets if s["code"] == "seoul-phone")
    assert seoul["name"] and len(seoul["items"]) == 10
    assert set(seoul["items"][0]) >= {"code", "name", "max_points"}
    body = {"scorecard": "seoul-phone", "employee_no": org.clerk.staff.employee_no,
            "evaluated_at": "2026-11-03T10:00:00+09:00", "kind": "phone", "scores": dict(FULL, transfer=None),
            "note": "좋음"}  # fmt: skip
    response = client.post("/api/v1/evaluations", json.dumps(body), content_type="application/json",
                           HTTP_IDEMPOTENCY_KEY="k1")  # fmt: skip
    assert response.status_code == 201, response.content
    out = response.json()
    assert out["id"] and out["total"] == "100.00" or float(out["total"]) == 100
    entry = MileageEntry.objects.get(source_type="evaluation")
    assert entry.source_id == str(out["id"])
    listed = client.get("/api/v1/evaluations").json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == out["id"]
    bad = dict(body, scores=dict(FULL, closing=20))
    response = client.post("/api/v1/evaluations", json.dumps(bad), content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "scores.closing"
    staff_client = client_for(org.clerk)
    assert (
        staff_client.post(
            "/api/v1/evaluations", json.dumps(body), content_type="application/json"
        ).status_code
        == 403
    )
