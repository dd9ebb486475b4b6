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
            cursor.execute("DELETE FROM knowledge_fts_title WHERE rowid = %s", [article.pk])
            if article.is_active:
                _fts_insert(cursor, [(article.pk, fields)])


def index_write_many(articles: list[Article]) -> None:
    """Index new articles in bulk (the benchmark's generator; the articles must not be indexed yet)."""
    rows = [(a, fields_for(a)) for a in articles]
    ArticleIndex.objects.bulk_create([ArticleIndex(article=a, **f) for a, f in rows])
    if _sqlite():
        with connection.cursor() as cursor:
            _fts_insert(cursor, [(a.pk, f) for a, f in rows if a.is_active])


def _fts_insert(cursor, rows: list[tuple[int, dict[str, str]]]) -> None:
    cursor.executemany(
        "INSERT INTO knowledge_fts (rowid, title, keys, body, grams) VALUES (%s, %s, %s, %s, %s)",
        [(pk, f["title_terms"], f["keys"], f["body_terms"], f["grams"]) for pk, f in rows],
    )
    cursor.executemany(
        "INSERT INTO knowledge_fts_title (rowid, title, keys) VALUES (%s, %s, %s)",
        [(pk, f["title_terms"], f["keys"]) for pk, f in rows],
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


def titles(ids: list[int]) -> dict[int, Fields]:
    """Only the (short) title and keys of many candidates, for a first ranking."""
    return _fields(ids, "''")


def documents(ids: list[int]) -> dict[int, Fields]:
    return _fields(ids, "body_terms")


def _fields(ids: list[int], body: str) -> dict[int, Fields]:
    """The analysed fields of the candidates (plain SQL: this runs on every search)."""
    assert body in ("body_terms", "''")
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT article_id, title_terms, keys, {body} FROM knowledge_articleindex "  # noqa: S608 - constants
            f"WHERE article_id IN ({marks})",
            ids,
        )
        return {pk: Fields(title, keys, body) for pk, title, keys, body in cursor.fetchall()}


# Where a query looks: the title and keys, every analysed word, or the character bigrams.
COLUMNS = {"title": ("{title keys}", "AB"), "words": ("{title keys body}", "ABC"), "grams": ("{grams}", "D")}
WEIGHTS_FOR = {"title": SQLITE_WEIGHTS[:2], "words": SQLITE_WEIGHTS, "grams": (*SQLITE_WEIGHTS[:3], 1.0)}


def count(terms: list[str], *, where: str = "words") -> int:
    """How many articles contain any of the words (cheap: no ranking)."""
    terms = [t for t in (_clean(t) for t in terms) if t]
    if not terms:
        return 0
    with connection.cursor() as cursor:
        if _sqlite():
            match = COLUMNS[where][0] + " : (" + " OR ".join(f'"{t}"' for t in terms) + ")"
            cursor.execute("SELECT count(*) FROM knowledge_fts WHERE knowledge_fts MATCH %s", [match])
        else:
            label = COLUMNS[where][1]
            tsquery = " | ".join(f"'{t}':{label}" for t in terms)
            cursor.execute(
                "SELECT count(*) FROM knowledge_articleindex WHERE search @@ to_tsquery('simple', %s)",
                [tsquery],
            )
        return int(cursor.fetchone()[0])


def query(
    terms: list[str],
    *,
    where: str = "words",
    every: bool = False,
    limit: int,
    category_id: int | None,
    rank: bool = True,
) -> list[tuple[int, float]]:
    """(article id, score) best first among the articles with any (or, `every`, all) of the words in the
    title and keys (`where="title"`), anywhere (`"words"`) or among the character bigrams (`"grams"`).
    The database's ranking reads every article of each word (to count them), which is slow for common
    words; with `rank=False` the newest matches come back unranked (score 0) for ranking in Python."""
    terms = [t for t in (_clean(t) for t in terms) if t]
    if not terms:
        return []
    columns, label = COLUMNS[where]
    with connection.cursor() as cursor:
        if _sqlite():
            table = "knowledge_fts_title" if where == "title" else "knowledge_fts"
            match = columns + " : (" + (" AND " if every else " OR ").join(f'"{t}"' for t in terms) + ")"
            weights = ", ".join(str(w) for w in WEIGHTS_FOR[where])
            sql = f"SELECT f.rowid, -bm25({table}, {weights}) AS score FROM {table} f"  # noqa: S608 - constants
            params: list = [match]
            if category_id:
                sql += f" JOIN knowledge_article a ON a.id = f.rowid WHERE {table} MATCH %s AND a.category_id = %s"
                params.append(category_id)
            else:
                sql += f" WHERE {table} MATCH %s"
            sql += " ORDER BY score DESC LIMIT %s" if rank else " ORDER BY f.rowid DESC LIMIT %s"
            params.append(limit)
            if not rank:
                sql = sql.replace(f"-bm25({table}, {weights})", "0.0")
        else:
            tsquery = (" & " if every else " | ").join(f"'{t}':{label}" for t in terms)
            sql = (
                "SELECT i.article_id, ts_rank_cd(%s, i.search, q) AS score "
                "FROM knowledge_articleindex i JOIN knowledge_article a ON a.id = i.article_id, "
                "to_tsquery('simple', %s) q WHERE i.search @@ q AND a.is_active"
            )
            params = [PG_WEIGHTS, tsquery]
            if category_id:
                sql += " AND a.category_id = %s"
                params.append(category_id)
            sql += " ORDER BY score DESC LIMIT %s" if rank else " ORDER BY i.article_id DESC LIMIT %s"
            params.append(limit)
            if not rank:
                sql = sql.replace("ts_rank_cd(%s, i.search, q)", "0.0")
                params.remove(PG_WEIGHTS)
        cursor.execute(sql, params)
        return [(row[0], float(row[1])) for row in cursor.fetchall()]
