"""Demo: the call centre's knowledge base (about 150 articles) through the same import service."""

from __future__ import annotations

from django.utils import timezone


def build(scale: float = 1.0) -> None:
    from chinjeol.knowledge.seed import load_articles

    load_articles(now=timezone.now())
