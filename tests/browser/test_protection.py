"""The counsellor console: a colloquial question finds the right article as you type; an abusive chat is warned,
then ended, and becomes an incident with its evidence file."""

from __future__ import annotations

import json
import urllib.request
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone

from tests.browser.conftest import login


@pytest.fixture
def knowledge(transactional_db):
    from chinjeol.knowledge.models import Synonym
    from chinjeol.knowledge.search import caches_clear
    from chinjeol.knowledge.seed import load_articles

    if not Synonym.objects.exists():
        import_module("chinjeol.knowledge.migrations.0003_seed_synonyms").seed(apps, None)
    load_articles(now=timezone.now())
    caches_clear()
    yield
    caches_clear()


def test_console_search_puts_the_right_article_on_top(page, org, knowledge, shot):
    login(page, "clerk", org.password)
    page.goto("/callcenter/")
    box = page.get_by_label("시민이 한 말 그대로 입력하세요")
    box.press_sequentially("여권 잃어버렸는데 다시 만들려면", delay=20)
    page.locator(".kb-hit").first.wait_for()
    page.wait_for_function("document.querySelector('.kb-hit-title').textContent.includes('여권')")
    first = page.locator(".kb-hit").first
    assert "여권" in first.locator(".kb-hit-title").inner_text()
    assert first.locator("mark").count() >= 1
    shot("console-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("console-390")


def _inbound(base: str, token: str, text: str, message_id: str) -> dict:
    body = json.dumps({"from": "kakao-user-77", "to": "@한빛구청", "text": text, "channel": "chat",
                       "provider": "kakao", "provider_message_id": message_id}).encode()  # fmt: skip
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        f"{base}/api/v1/messages/inbound", data=body, method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
        return json.loads(response.read())


def test_abusive_chat_is_warned_then_ended_and_becomes_an_incident(page, org, knowledge, live_server, shot):
    from chinjeol.core.models import ApiToken

    token = ApiToken.issue(org.officer)[1]
    first = _inbound(live_server.url, token, "안녕하세요, 전입신고 문의드려요", "k-1")
    login(page, "clerk", org.password)
    page.goto("/callcenter/conversations/")
    page.locator(f"a[href='/callcenter/conversations/{first['conversation']}/']").click()
    page.get_by_role("button", name="이 상담 맡기").click()
    page.get_by_label("시민이 한 말 그대로 입력하세요").press_sequentially(
        "여권 잃어버렸는데 다시 만들려면", delay=20
    )
    page.locator(".kb-insert").first.wait_for(timeout=30_000)  # a knowledge hit offers to go into the reply
    shot("reply-1280")
    page.get_by_role("button", name="인사").click()
    page.get_by_role("button", name="보내기").click()
    page.locator(".chat-counsellor").first.wait_for()

    warned = _inbound(live_server.url, token, "야 이 씨발놈아 빨리 처리해", "k-2")
    assert warned["action"] == "warn"
    banner = page.locator(".protocol-alert")
    banner.wait_for(timeout=15_000)  # the conversation refreshes itself every 3 seconds
    assert "폭언 경고" in banner.inner_text() and "상담을 종료할 수 있습니다" in banner.inner_text()
    assert page.locator(".chat-system").count() == 1  # the automatic warning went to the citizen
    shot("warned-1280")

    ended = _inbound(live_server.url, token, "개새끼야 말귀를 못 알아듣네", "k-3")
    assert ended["action"] == "end" and ended["conversation_status"] == "ended"
    page.locator(".protocol-alert[data-action=end]").wait_for(timeout=15_000)
    assert "상담이 종료되었습니다" in page.locator(".protocol-alert").inner_text()
    page.reload()
    assert page.locator("#reply-text").count() == 0  # an ended conversation takes no reply
    shot("ended-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("ended-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="폭언 사건").last.click()
    heading = page.get_by_role("heading", level=1)
    assert "폭언 사건" in heading.inner_text() and "욕설·모욕" in heading.inner_text()
    assert "응대 절차에 따라 종료" in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name="증거 자료 PDF 내려받기").click()
    path = download.value.path()
    assert open(path, "rb").read(5) == b"%PDF-"  # noqa: SIM115
    assert download.value.suggested_filename.endswith("-evidence.pdf")
    shot("incident-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("incident-390")
