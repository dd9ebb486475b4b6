"""The full-text index over pre-analysed words, on SQLite (FTS5, bm25) or PostgreSQL (tsvector, ts_rank_cd).

Raw SQL here is deliberate: neither FTS5 nor a weighted tsvector over our own tokens has an ORM form, and
this is the hot path of the counsellor's search (measured in bench/knowledge_search.py)."""

from __future__ import annotations

import re

from django.db import connection

from chinjeol.korean.search import analyse
from chinjeol.korean.search.rank import Fields

from .models import Article, ArticleIndex

# Column weights: title, keys (tags and compounds), body; bigrams only in the fallback.
SQLITE_WEIGHTS = (10.0, 4.0, 1.0, 0.0)
PG_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"  # D (grams), C (body), B (keys), A (title)
_SAFE = re.compile(r"[^\w]")


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


def fields_for(article: Article) -> dict[str, str]:
    title = analyse(article.title)
    body = analyse(article.body)
    tags = analyse(" ".join(article.tag_list))
    keys = [*title.keys, *tags.terms, *tags.keys, *("".join(t.split()) for t in article.tag_list)]
    return {
        "title_terms": " ".join(title.terms),
        "keys": " ".join(_clean(k) for k in keys),
        "body_terms": " ".join(body.terms + body.keys),
        "grams": " ".join(title.grams + tags.grams + body.grams),
    }


def _clean(term: str) -> str:
    return _SAFE.sub("", term)


def index_write(article: Article) -> None:
    """(Re)index one article inside the caller's transaction."""
    fields = fields_for(article)
    ArticleIndex.objects.update_or_create(article=article, defaults=fields)
    if _sqlite():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM knowledge_fts WHERE rowid = %s", [article.pk])
            if article.is_active:
                cursor.execute(
                    "INSERT INTO knowledge_fts (rowid, title, keys, body, grams) VALUES (%s, %s, %s, %s, %s)",
                    [
                        article.pk,
                        fields["title_terms"],
                        fields["keys"],
                        fields["body_terms"],
                        fields["grams"],
                    ],
                )


def index_write_many(articles: list[Article]) -> None:
    """Index new articles in bulk (the benchmark's generator; the articles must not be indexed yet)."""
    rows = [(a, fields_for(a)) for a in articles]
    ArticleIndex.objects.bulk_create([ArticleIndex(article=a, **f) for a, f in rows])
    if _sqlite():
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO knowledge_fts (rowid, title, keys, body, grams) VALUES (%s, %s, %s, %s, %s)",
                [
                    (a.pk, f["title_terms"], f["keys"], f["body_terms"], f["grams"])
                    for a, f in rows
                    if a.is_active
                ],
            )


def vocabulary() -> dict[str, int]:
    """Every analysed word in the index (not the bigrams) with how many articles use it."""
    with connection.cursor() as cursor:
        if _sqlite():
            cursor.execute(
                "SELECT term, max(doc) FROM knowledge_fts_vocab WHERE col != 'grams' GROUP BY term"
            )
        else:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat($$SELECT search FROM knowledge_articleindex$$, 'abc')"
            )
        return {term: count for term, count in cursor.fetchall()}


def stats() -> tuple[int, float]:
    """(articles indexed, average number of words in a body)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), avg(length(body_terms) - length(replace(body_terms, ' ', '')) + 1) "
            "FROM knowledge_articleindex"
        )
        total, average = cursor.fetchone()
    return int(total or 0), float(average or 1.0)


def documents(ids: list[int]) -> dict[int, Fields]:
    rows = ArticleIndex.objects.filter(article_id__in=ids).values_list(
        "article_id", "title_terms", "keys", "body_terms"
    )
    return {pk: Fields(title, keys, body) for pk, title, keys, body in rows}


def query(terms: list[str], *, grams: bool, limit: int, category_id: int | None) -> list[tuple[int, float]]:
    """(article id, score) best first. `grams=False` looks up analysed words in the title, keys and body;
    `grams=True` looks up character bigrams (the fallback)."""
    terms = [t for t in (_clean(t) for t in terms) if t]
    if not terms:
        return []
    with connection.cursor() as cursor:
        if _sqlite():
            columns = "{grams}" if grams else "{title keys body}"
            match = columns + " : (" + " OR ".join(f'"{t}"' for t in terms) + ")"
            weights = ", ".join(str(w) for w in (SQLITE_WEIGHTS[:3] + (1.0,) if grams else SQLITE_WEIGHTS))
            sql = f"SELECT f.rowid, -bm25(knowledge_fts, {weights}) AS score FROM knowledge_fts f"  # noqa: S608 - constant weights
            params: list = [match]
            if category_id:
                sql += " JOIN knowledge_article a ON a.id = f.rowid WHERE knowledge_fts MATCH %s AND a.category_id = %s"
                params.append(category_id)
            else:
                sql += " WHERE knowledge_fts MATCH %s"
            sql += " ORDER BY score DESC LIMIT %s"
            params.append(limit)
        else:
            label = "D" if grams else "ABC"
            tsquery = " | ".join(f"'{t}':{label}" for t in terms)
            sql = (
                "SELECT i.article_id, ts_rank_cd(%s, i.search, q) AS score "
                "FROM knowledge_articleindex i JOIN knowledge_article a ON a.id = i.article_id, "
                "to_tsquery('simple', %s) q WHERE i.search @@ q AND a.is_active"
            )
            params = [PG_WEIGHTS, tsquery]
            if category_id:
                sql += " AND a.category_id = %s"
                params.append(category_id)
            sql += " ORDER BY score DESC LIMIT %s"
            params.append(limit)
        cursor.execute(sql, params)
        return [(row[0], float(row[1])) for row in cursor.fetchall()]
