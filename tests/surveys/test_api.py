from __future__ import annotations

from datetime import date

import pytest

from chinjeol.core.models import ApiToken
from chinjeol.surveys import services
from chinjeol.surveys.models import HappyCall
from tests.factories import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def get(client, org):
    def make(path, user=None):
        token = ApiToken.issue(user or org.officer)[1]
        return client.get(f"/api/v1{path}", HTTP_AUTHORIZATION=f"Bearer {token}")

    return make


def test_the_case_lists_its_scheduled_happy_call(closed_case, get, time_machine):
    time_machine.move_to(at(2026, 11, 24, 16))
    case = closed_case()
    notices = get(f"/cases/{case.pk}").json()["notices"]
    happy = [n for n in notices if n["kind"] == "happy_call"]
    assert len(happy) == 1 and happy[0]["status"] == "scheduled"
    assert happy[0]["send_at"].startswith("2026-11-25T01:00:00")  # 10:00 in Seoul


def test_happy_call_results(closed_case, get, org, time_machine):
    time_machine.move_to(at(2026, 11, 30, 9))
    call = HappyCall.objects.get(case=closed_case())
    services.happy_call_answer(
        call_id=call.pk,
        scores={"score_result": 4, "score_kindness": 5, "score_speed": 3, "score": 4},
        comment="",
        via="link",
        now=at(2026, 11, 25, 12),
    )
    body = get("/happy-calls/results?start=2026-11-01&end=2026-11-30&by=person").json()
    assert body["by"] == "person" and body["total"]["sent"] == 1 and body["total"]["response_rate"] == "100.0"
    assert body["rows"][0]["label"] == "김민원" and body["rows"][0]["means"]["kindness"] == "5.00"
    assert get("/happy-calls/results", user=org.clerk).status_code == 403
    assert get("/happy-calls/results?by=nobody").status_code == 422


def test_survey_results(org, get):
    survey = services.survey_create(
        title="연례 조사", opens_on=date(2026, 11, 1), closes_on=None, by=org.officer
    )
    q = services.question_add(survey_id=survey.pk, kind="nps", text="추천하시겠습니까?", options=[])
    services.survey_set_status(survey_id=survey.pk, status="open")
    survey.refresh_from_db()
    for n in (10, 9, 2):
        services.survey_submit(
            survey=survey, data={f"q{q.pk}": [str(n)]}, channel="link", now=at(2026, 11, 2)
        )
    assert get("/surveys").json()[0]["responses"] == 3
    body = get(f"/surveys/{survey.pk}/results").json()
    assert body["questions"][0]["nps"] == 33 and body["questions"][0]["distribution"][10] == {
        "label": "10점",
        "count": 1,
    }
    assert body["actions"] == []
    assert get(f"/surveys/{survey.pk}/results", user=org.head).status_code == 403
    assert get("/surveys/987654/results").status_code == 404
