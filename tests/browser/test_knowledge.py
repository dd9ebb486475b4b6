"""A counsellor types a citizen's colloquial question; the right article is on top, words highlighted."""

from __future__ import annotations

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

    if not Synonym.objects.exists():  # a flush after an earlier live-server test removes the seeded table
        import_module("chinjeol.knowledge.migrations.0003_seed_synonyms").seed(apps, None)
    load_articles(now=timezone.now())
    caches_clear()
    yield
    caches_clear()


def test_counsellor_finds_the_article_from_a_colloquial_question(page, org, knowledge, shot):
    login(page, "clerk", org.password)
    page.goto("/knowledge/")
    box = page.get_by_label("검색어")
    box.press_sequentially("주차딱지 떼였는데 어디서 내요", delay=20)
    first = page.locator(".kb-hit").first
    first.wait_for()
    page.wait_for_function("document.querySelector('.kb-hit-title').textContent.includes('과태료')")
    assert "주정차 위반 과태료" in first.locator(".kb-hit-title").inner_text()
    assert first.locator("mark").count() >= 1
    shot("results-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("results-390")
    first.locator(".kb-hit-title").click()
    page.get_by_role("heading", level=1).wait_for()
    assert "과태료" in page.get_by_role("heading", level=1).inner_text()
    shot("article-390")
