"""The packaged starting data: the everyday-words table (loaded by a migration) and the demo articles."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def synonym_rows() -> list[tuple[str, str]]:
    """(everyday phrase, official terms) from fixtures/synonyms.tsv."""
    rows = []
    for line in (FIXTURES / "synonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, terms = line.split("\t")[:2]
        rows.append((phrase.strip(), terms.strip()))
    return rows


def load_articles(*, now: datetime) -> int:
    """Import fixtures/articles.tsv; give each article a review date and, where a department's name
    matches the category's keywords, an owner department."""
    from chinjeol.organization.models import Department

    from .importer import kb_import
    from .models import Article

    path = FIXTURES / "articles.tsv"
    result = kb_import(filename=path.name, data=path.read_bytes(), by=None, now=now)
    if not result.ok:
        raise ValueError("; ".join(str(e) for e in result.errors[:5]))
    departments = list(Department.objects.filter(is_active=True).values_list("pk", "name"))
    for number, article in enumerate(Article.objects.select_related("category").order_by("code")):
        stem = article.category.name.split("·")[0][:2]
        owner = next((pk for pk, name in departments if stem and stem in name), None)
        due = (
            (now + timedelta(days=30 + number * 3)).date()
            if number % 12
            else (now - timedelta(days=10)).date()
        )
        Article.objects.filter(pk=article.pk).update(owner_department_id=owner, review_due=due)
    return len(result.created)
