"""Playwright driving Debian's chromium against a live server of the app."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHINJEOL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("CHINJEOL_TEST_ARTIFACTS", "test-artifacts"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian chromium이 없습니다 ({CHROMIUM}): 'make test'가 apt로 설치합니다.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def _reference_data():
    """Transactional tests flush the database afterwards, data-migration rows included; put the
    charter's standards, the evaluation items and the chat reply phrases back when they are missing."""
    from importlib import import_module

    from django.apps import apps

    from chinjeol.charter.models import ServiceStandard
    from chinjeol.contact.models import ReplyTemplate
    from chinjeol.kindness.models import EvaluationItem

    if not ServiceStandard.objects.exists():
        import_module("chinjeol.charter.migrations.0002_default_charter").create(apps, None)
    if not EvaluationItem.objects.exists():
        import_module("chinjeol.kindness.migrations.0002_default_items").create(apps, None)
    if not ReplyTemplate.objects.exists():
        import_module("chinjeol.contact.migrations.0006_reply_templates").add_starting_set(apps, None)


@pytest.fixture
def page(browser, live_server):
    _reference_data()
    context = browser.new_context(
        locale="ko-KR", base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    blocked: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(live_server.url) or url.startswith("data:"):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert not blocked, f"외부로 나가는 요청이 있었습니다: {blocked}"


@pytest.fixture
def shot(page, request):
    """shot('name') saves a screenshot under test-artifacts/ for a person to look at."""

    def take(name: str):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{name}.png"), full_page=True)

    return take


def login(page, username: str, password: str):
    page.context.clear_cookies()
    page.goto("/login/")
    page.get_by_label("아이디").fill(username)
    page.get_by_label("비밀번호").fill(password)
    page.get_by_role("button", name="로그인").click()
