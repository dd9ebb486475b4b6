from __future__ import annotations

import io

import pytest
from django.utils import timezone

from chinjeol.contact.cti import CtiIn, cti_receive
from chinjeol.contact.models import CallbackObligation, CallRecord
from chinjeol.core.models import PersonalDataAccess

from .test_import import load

pytestmark = pytest.mark.django_db
PAGES = ["console", "callbacks", "wallboard", "wallboard_live", "dashboard_333", "volumes"]


@pytest.mark.parametrize("page", PAGES)
def test_pages_by_role(client_for, centre, page):
    from django.urls import reverse

    load()
    url = reverse(f"contact:{page}")
    for user in (centre.clerk, centre.head, centre.officer, centre.auditor):
        r = client_for(user).get(url, {"month": "2026-12"} if page == "dashboard_333" else {})
        assert r.status_code == 200, (page, user)
    assert client_for(centre.evaluator).get(url).status_code == 403


def test_333_dashboard_shows_hand_checked_rates(client_for, centre):
    load()
    html = client_for(centre.officer).get("/callcenter/333/", {"month": "2026-12"}).content.decode()
    assert "김민원" in html and "66.7%" in html and "리더임" in html


def test_console_shows_the_current_call_and_logs_the_history_view(client_for, centre):
    load()
    now = timezone.now()
    cti_receive(CtiIn(event="newCall", callId="live-1", **{"from": "01011110001"}, to="2001", direction="in",
                      extension="2001"), now=now)  # fmt: skip
    html = client_for(centre.clerk).get("/callcenter/").content.decode()
    assert 'data-current="live-1"' in html and "010-1111-****" in html
    assert "이 번호의 이전 통화" in html and "u8" not in html
    assert PersonalDataAccess.objects.filter(subject_type="caller_history").exists()
    cti_receive(CtiIn(event="hangup", callId="live-1", hangupBy="customer"), now=now)
    live = client_for(centre.clerk).get("/callcenter/live/").content.decode()
    assert "data-current" not in live


def test_console_actions(client_for, centre):
    load()
    client = client_for(centre.clerk)
    u2 = CallRecord.objects.get(key="u2")
    client.post("/callcenter/", {"call": u2.pk, "action": "resolved"})
    assert CallRecord.objects.get(pk=u2.pk).resolved_first_contact is True
    client.post("/callcenter/", {"call": u2.pk, "action": "callback", "outcome": "요금 확인"})
    assert CallbackObligation.objects.filter(call=u2, reason="research").exists()
    r = client.post("/callcenter/", {"call": u2.pk, "action": "case", "receipt_no": "없는번호"}, follow=True)
    assert "그 접수번호의 민원이 없습니다" in r.content.decode()
    auditor = client_for(centre.auditor)
    u1 = CallRecord.objects.get(key="u1")
    auditor.post("/callcenter/", {"call": u1.pk, "action": "resolved"})
    assert CallRecord.objects.get(pk=u1.pk).resolved_first_contact is None


def test_callbacks_page_marks_overdue_and_records_done(client_for, centre):
    load()
    client = client_for(centre.clerk)
    html = client.get("/callcenter/callbacks/").content.decode()
    assert html.count("기한 지남") == 0  # u3 and u5 were both called back
    ob = CallbackObligation.objects.create(
        number_hash="x", number_masked="010-****-9999", staff=centre.clerk.staff, department=centre.team,
        missed_at=timezone.now() - timezone.timedelta(hours=3), due_at=timezone.now() - timezone.timedelta(hours=2),
    )  # fmt: skip
    assert "기한 지남" in client.get("/callcenter/callbacks/").content.decode()
    client.post("/callcenter/callbacks/", {"callback": ob.pk, "outcome": "안내 완료"})
    ob.refresh_from_db()
    assert ob.status == "late" and ob.by_hand and ob.outcome == "안내 완료"


def test_volume_exports(client_for, centre):
    load()
    client = client_for(centre.officer)
    params = {"unit": "day", "from": "2026-12-01", "to": "2026-12-03"}
    csv_body = client.get("/callcenter/volumes/", {**params, "format": "csv"}).content.decode("utf-8")
    assert csv_body.startswith("\ufeff기간,인입,응답")
    assert "2026. 12. 2.,8,5,62.5,1,2,0,80.0" in csv_body.replace("\r", "")  # 8 inbound, u4 and u6 went out
    from openpyxl import load_workbook

    xlsx = client.get("/callcenter/volumes/", {**params, "unit": "month", "format": "xlsx"}).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet["A1"].value == "기간" and sheet["A2"].value == "2026년 12월" and sheet["B2"].value == 8


def test_unmapped_extensions_page_for_the_officer(client_for, centre):
    load()
    assert "2999" in client_for(centre.officer).get("/callcenter/extensions/").content.decode()
    assert client_for(centre.clerk).get("/callcenter/extensions/").status_code == 403
