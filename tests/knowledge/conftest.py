from __future__ import annotations

import pytest
from django.utils import timezone


@pytest.fixture
def demo_articles(db):
    """The packaged demo articles, imported through the import service."""
    from chinjeol.knowledge.search import caches_clear
    from chinjeol.knowledge.seed import load_articles

    load_articles(now=timezone.now())
    caches_clear()
    yield
    caches_clear()
