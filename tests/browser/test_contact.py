"""The wallboard and the counsellor console in a browser (Playwright + Debian chromium)."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chinjeol.contact.cti import CtiIn, cti_receive
from tests.contact.conftest import centre  # noqa: F401 - the call centre's fixture
from tests.contact.test_import import load

from .conftest import ARTIFACTS, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def snap(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"contact-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_wallboard_refreshes_and_console_follows_the_call(page, centre):  # noqa: F811 - fixture
    load()
    login(page, "officer", centre.password)
    page.goto("/callcenter/wallboard/")
    assert page.locator("[data-tile=waiting]").inner_text() == "0"
    cti_receive(CtiIn(event="newCall", callId="w-1", **{"from": "01055556666"}, to="120", direction="in"),
                now=timezone.now())  # fmt: skip
    expect(page.locator("[data-tile=waiting]")).to_have_text("1", timeout=9000)  # htmx refresh every 5 s
    snap(page, "wallboard")
    for path, name in (("/callcenter/333/?month=2026-12", "333"), ("/callcenter/callbacks/?show=done", "callbacks"),
                       ("/callcenter/volumes/?unit=day&from=2026-12-01&to=2026-12-03", "volumes")):  # fmt: skip
        page.goto(path)
        snap(page, name)

    login(page, "clerk", centre.password)
    page.goto("/callcenter/")
    assert "지금 울리거나 통화 중인 전화가 없습니다" in page.locator("#current-call").inner_text()
    cti_receive(CtiIn(event="newCall", callId="c-9", **{"from": "01011110001"}, to="2001", direction="in",
                      extension="2001"), now=timezone.now())  # fmt: skip
    page.wait_for_selector("[data-current='c-9']", timeout=8000)
    assert "010-1111-****" in page.locator("#current-call").inner_text()
    page.get_by_role("button", name="첫 통화 해결").first.click()
    page.wait_for_load_state()
    assert "첫 통화에서 해결한 통화로 표시했습니다" in page.content()
    snap(page, "console")
