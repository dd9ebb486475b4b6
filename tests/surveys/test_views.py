from __future__ import annotations

import pytest
from django.urls import reverse

from chinjeol.surveys import services
from chinjeol.surveys.models import HappyCall, Response
from tests.factories import at

pytestmark = pytest.mark.django_db
SCORES = {
    "score_result": "5",
    "score_kindness": "5",
    "score_speed": "4",
    "score": "5",
    "comment": "고맙습니다",
}


def test_citizen_answers_the_link_once(closed_case, client, time_machine):
    time_machine.move_to(at(2026, 11, 25, 11))
    call = HappyCall.objects.get(case=closed_case())
    url = reverse("surveys:happy_answer", args=[call.token])
    page = client.get(url)
    assert page.status_code == 200 and "처리 결과에 얼마나 만족하십니까?" in page.text
    bad = client.post(url, {**SCORES, "score_speed": ""})
    assert bad.status_code == 400
    assert client.post(url, SCORES).status_code == 302
    assert "고맙습니다" in client.get(url).text
    call.refresh_from_db()
    assert call.status == "answered" and call.answered_via == "link"
    assert client.get(reverse("surveys:happy_answer", args=["wrong"])).status_code == 404


def test_status_page_offers_the_happy_call(closed_case, client, time_machine):
    time_machine.move_to(at(2026, 11, 25, 11))
    case = closed_case()
    call = HappyCall.objects.get(case=case)
    page = client.post(
        reverse("cases:citizen_status"), {"receipt_no": case.receipt_no, "phone_last4": "5678"}
    )
    assert reverse("surveys:happy_answer", args=[call.token]) in page.text


def test_results_export_and_phone_entry(closed_case, client_for, org, time_machine):
    time_machine.move_to(at(2026, 11, 29, 11))
    call = HappyCall.objects.get(case=closed_case())
    officer = client_for(org.officer)
    assert "전화하고 입력" in officer.get(reverse("surveys:phone_list")).text
    entry = reverse("surveys:phone_entry", args=[call.pk])
    assert "010-1234-5678" in officer.get(entry).text  # the team sees the number to call (logged)
    assert officer.post(entry, SCORES).status_code == 302
    call.refresh_from_db()
    assert call.answered_via == "phone"
    page = officer.get(reverse("surveys:happy_results") + "?start=2026-11-01&end=2026-11-30&by=person")
    assert "김민원" in page.text and "100.0%" in page.text
    xlsx = officer.get(reverse("surveys:happy_results") + "?start=2026-11-01&end=2026-11-30&format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    csv = officer.get(
        reverse("surveys:happy_results") + "?start=2026-11-01&end=2026-11-30&what=comments&format=csv"
    )
    assert "고맙습니다" in csv.content.decode("utf-8-sig")


def test_survey_pages(org, client_for, client):
    survey = services.survey_create(title="방문 고객 조사", opens_on=None, closes_on=None, by=org.officer)
    officer = client_for(org.officer)
    detail = reverse("surveys:detail", args=[survey.pk])
    officer.post(detail, {"action": "question", "kind": "scale5", "text": "만족하십니까?", "required": "on"})
    officer.post(
        detail,
        {"action": "question", "kind": "single", "text": "경로", "options": "방문\n전화", "required": "on"},
    )
    officer.post(detail, {"action": "open"})
    qr = officer.get(reverse("surveys:qr", args=[survey.pk]))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    assert "인쇄" in officer.get(reverse("surveys:print", args=[survey.pk])).text
    client.logout()
    answer = reverse("surveys:answer", args=[survey.token])
    q1, q2 = survey.questions.all()
    assert client.post(answer + "?via=qr", {f"q{q1.pk}": "4"}).status_code == 400
    done = client.post(answer + "?via=qr", {f"q{q1.pk}": "4", f"q{q2.pk}": "1"})
    assert "고맙습니다" in done.text and Response.objects.get().channel == "qr"
    officer = client_for(org.officer)
    results = officer.get(reverse("surveys:results", args=[survey.pk]))
    assert "<svg" in results.text and "교차분석" in results.text
    officer.post(detail, {"action": "closed"})
    publish = officer.post(
        reverse("surveys:publish", args=[survey.pk]), {"findings": "좋음", "actions": "주차 안내 개선"}
    )
    assert publish.status_code == 302
    client.logout()
    public = client.get(reverse("surveys:public_detail", args=[survey.pk]))
    assert "주차 안내 개선" in public.text and "<svg" in public.text
    assert "방문 고객 조사" in client.get(reverse("surveys:public_list")).text
