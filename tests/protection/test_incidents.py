"""Incidents: the console's 폭언 신고 button, support approved by the supervisor and seen only by the counsellor
and the CS officer, the evidence PDF, the exposure page, the console's banner and timer."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone

from chinjeol.contact.cti import CtiIn, cti_receive
from chinjeol.protection.models import Incident, SupportRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_call(org):
    """김민원 (extension 2001) is on a call from 010-3333-4444, answered 16 minutes ago."""
    org.clerk.staff.extension = "2001"
    org.clerk.staff.save()
    now = timezone.now()
    for event, at in (("newCall", now - timedelta(minutes=17)), ("answer", now - timedelta(minutes=16))):
        cti_receive(
            CtiIn.model_validate(
                {
                    "event": event,
                    "callId": "call-9",
                    "from": "01033334444",
                    "to": "120",
                    "direction": "in",
                    "extension": "2001",
                }
            ),  # fmt: skip
            now=at,
        )
    return org


def report(client, category="threat", note="찾아가서 가만 안 둔다고 했습니다. 제 번호는 010-9999-8888"):
    return client.post("/protection/report-call/", {"call": "call-9", "category": category, "note": note})


def test_the_console_reports_abuse_on_the_current_call(on_call, client_for):
    client = client_for(on_call.clerk)
    page = client.get("/callcenter/").content.decode()
    assert (
        "폭언 신고" in page
        and 'id="call-timer"' in page
        and 'data-warn="900"' in page
        and 'data-end="1200"' in page
    )
    assert 'hx-get="/knowledge/search/"' in page  # the knowledge search as you type
    assert report(client).status_code == 302
    incident = Incident.objects.get()
    assert (
        incident.channel == "voice"
        and incident.call_key == "call-9"
        and incident.staff == on_call.clerk.staff
    )
    assert incident.number_masked == "010-3333-****" and "8888" not in incident.excerpt
    report(client, category="profanity", note="")
    incident.refresh_from_db()
    assert Incident.objects.count() == 1 and incident.category == "threat"  # the most serious stays
    assert incident.events.filter(kind="reported").count() == 2


def test_support_is_approved_by_the_supervisor_and_seen_by_the_counsellor_and_the_officer(
    on_call, client_for
):
    report(client_for(on_call.clerk))
    incident = Incident.objects.get()
    url = f"/protection/{incident.pk}/"
    # the counsellor may not approve their own rest
    assert client_for(on_call.clerk).post(url, {"kind": "rest", "minutes": "30"}).status_code == 403
    head = client_for(on_call.head)
    assert head.post(url, {"kind": "rest", "minutes": "30", "note": "휴식 후 복귀"}).status_code == 302
    head.post(url, {"kind": "counselling", "note": "사내 심리상담 연계"})
    assert head.post(url, {"kind": "rest", "minutes": "0"}).status_code == 302  # refused with a message
    assert SupportRecord.objects.count() == 2
    assert SupportRecord.objects.get(kind="rest").minutes == 30
    assert "휴식 30분 승인" in client_for(on_call.head).get(url).content.decode()  # the timeline says rest
    for user, sees in ((on_call.clerk, True), (on_call.officer, True), (on_call.head, False),
                       (on_call.auditor, False), (on_call.leader, False)):  # fmt: skip
        page = client_for(user).get(url)
        assert page.status_code == 200
        assert ("상담사 지원 기록" in page.content.decode()) is sees, user
    assert client_for(on_call.outsider).get(url).status_code == 404


def test_evidence_package_is_a_korean_pdf(on_call, client_for, tmp_path):
    report(client_for(on_call.clerk))
    incident = Incident.objects.get()
    response = client_for(on_call.officer).get(f"/protection/{incident.pk}/evidence.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 2000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext(poppler-utils)가 없습니다.")
    path = tmp_path / "evidence.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    for words in (
        "폭언 사건 증거 자료",
        "call-9",
        "폭언 신고",
        "신변 위협",
        "김민원",
        "010-3333-****",
        "경과",
    ):
        assert words in text, words
    assert "8888" not in text


def test_exposure_page_counts_each_counsellor_per_month(on_call, client_for):
    report(client_for(on_call.clerk))
    page = client_for(on_call.head).get("/protection/exposure/").content.decode()
    assert "김민원" in page and "상담사 폭언 노출 현황" in page
    assert client_for(on_call.clerk).get("/protection/exposure/").status_code == 403


def test_flagged_number_shows_a_banner_in_the_console(on_call, client_for, settings):
    settings.CHINJEOL_PROTECTION = {"REPEAT_THRESHOLD": 1}
    report(client_for(on_call.clerk))
    page = client_for(on_call.clerk).get("/callcenter/live/").content.decode()
    assert "반복 폭언 번호입니다" in page


def test_todays_work_lists_incidents_waiting_for_support_and_unassigned_chats(on_call, client_for):
    from chinjeol.contact.chat_inbox import work_for as chats_for
    from chinjeol.protection.inbox import work_for

    report(client_for(on_call.clerk))
    now = timezone.now()
    (item,) = work_for(on_call.head, now)
    assert item.count == 1 and item.url == "/protection/"
    assert work_for(on_call.clerk, now) == []
    client_for(on_call.head).post(
        f"/protection/{Incident.objects.get().pk}/", {"kind": "rest", "minutes": "20"}
    )
    assert work_for(on_call.head, now)[0].count == 0
    assert chats_for(on_call.clerk, now)[0].count == 0


def test_a_past_call_is_reported_from_the_recent_calls(on_call, client_for):
    from chinjeol.contact.models import CallRecord

    now = timezone.now()
    call = CallRecord.objects.create(
        key="past-1", direction="inbound", number_hash="h" * 32, number_masked="010-5555-****", extension="2001",
        answered_extension="2001", staff=on_call.clerk.staff, started_at=now - timedelta(hours=1),
        answered_at=now - timedelta(hours=1), ended_at=now - timedelta(minutes=40), local_date=now.date(),
        local_hour=10, billsec=1200, disposition="ANSWERED",
    )  # fmt: skip
    client = client_for(on_call.clerk)
    assert f'name="record" value="{call.pk}"' in client.get("/callcenter/").content.decode()
    client.post("/protection/report-call/", {"record": call.pk, "category": "sexual", "note": ""})
    incident = Incident.objects.get()
    assert incident.call_key == "past-1" and incident.number_masked == "010-5555-****"
    # a call the user may not see is not found
    client_for(on_call.outsider).post("/protection/report-call/", {"record": call.pk, "category": "sexual"})
    assert Incident.objects.count() == 1
