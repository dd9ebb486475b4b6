"""The counter and the field visits in a browser: a visitor logged at the counter is judged in the charter
compliance; a field visit's day-before SMS is in the notice log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from .conftest import ARTIFACTS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def snap(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"visits-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_visitor_logged_at_the_counter_is_in_visit_guide_compliance(page, org):
    login(page, "clerk", org.password)
    page.set_viewport_size({"width": 390, "height": 900})  # the counter on a phone
    page.goto("/visits/counter/")
    page.locator("label.dept-chip", has_text="민원과").click()
    page.get_by_label("방문 목적").fill("여권 재발급")
    page.get_by_role("button", name="번호 발급 · 도착 기록").click()
    assert "1번 방문객을 민원과(으)로 기록했습니다" in page.content()
    waiting = page.locator(".waiting-item", has_text="민원과")
    assert waiting.count() == 1
    snap(page, "counter")
    waiting.get_by_role("button", name="안내함").click()
    assert "1번 방문객을 담당자에게 안내했습니다" in page.content()

    login(page, "officer", org.password)
    page.goto("/reports/compliance/")
    row = page.locator("tr", has_text="방문하신 고객을 5분 안에 담당자에게 안내하겠습니다")
    assert row.locator("td").nth(0).inner_text() == "1"  # judged
    assert row.locator("td").nth(1).inner_text() == "1"  # met
    row.locator("a.figure").first.click()
    assert "방문객 안내 기록" in page.title()
    assert page.locator("tbody tr", has_text="민원과").locator(".badge").inner_text() == "이행"
    snap(page, "log")


def test_a_field_visits_day_before_sms_is_in_the_notice_log(page, org):
    from chinjeol.visits.models import FieldVisit
    from chinjeol.visits.services import field_visit_notices_send

    login(page, "clerk", org.password)
    page.goto("/visits/field/new/")
    day = timezone.localdate() + timedelta(days=10)
    page.get_by_label("고객 이름").fill("최시민")
    page.get_by_label("고객 휴대전화").fill("010-9876-5432")
    page.get_by_label("방문 장소").fill("한빛로 12 상가 2층")
    page.get_by_label("방문 목적").fill("영업 신고 현장 확인")
    page.get_by_label("약속 날짜").fill(day.isoformat())
    page.get_by_label("약속 시각").fill("14:00")
    page.get_by_role("button", name="약속 등록").click()
    assert "문자를 자동으로 보냅니다" in page.content()
    visit = FieldVisit.objects.get()
    assert visit.notice_message is None
    snap(page, "field-detail")

    field_visit_notices_send(now=visit.notice_send_at)  # the worker's periodic job on the day before
    login(page, "officer", org.password)
    page.goto("/cases/messages/")
    row = page.locator("tr", has_text="현장 방문 사전 안내")
    assert row.count() == 1
    assert "010-9876-****" in row.inner_text()
    row.get_by_role("link", name=f"현장 방문 {timezone.localtime(visit.scheduled_at):%Y-%m-%d %H:%M}").click()
    assert page.url.endswith(f"/visits/field/{visit.pk}/")
    body = page.locator(".sms").inner_text()
    for text in ("김민원", "민원팀", "영업 신고 현장 확인", "14:00"):
        assert text in body
    snap(page, "field-notice")
