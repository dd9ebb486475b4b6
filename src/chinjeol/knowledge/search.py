"""The counsellor's search: a question in a citizen's words → articles best first, with highlights."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from chinjeol.korean.search import (
    Expansion,
    QueryPlan,
    SynonymTable,
    TypoIndex,
    highlight,
    plan_query,
    snippet,
)
from chinjeol.korean.search.rank import bm25f

from . import index
from .models import Article, Synonym

VOCABULARY_SECONDS = 300.0
SYNONYM_SECONDS = 30.0
FINALISTS = 60  # articles of each kind of match ranked on every field
POOL = 300  # articles with every selective word ranked by their titles first
SELECTIVE_SHARE, SELECTIVE_MIN = 0.04, 40  # a word in more articles than this only ranks, never selects
FALLBACK_SHARE = 0.5  # a bigram-only hit scores at most half the weakest word hit


@dataclass(frozen=True)
class Hit:
    id: int
    code: str
    title: str
    category: str
    snippet: str
    score: float
    title_html: SafeString
    snippet_html: SafeString


class _Cached:
    """One value per process, rebuilt after `seconds` or when `clear()` is called (on every save)."""

    def __init__(self, build, seconds: float):
        self._build, self._seconds = build, seconds
        self._value, self._at = None, 0.0
        self._lock = threading.Lock()

    def get(self):
        if self._value is None or time.monotonic() - self._at > self._seconds:
            with self._lock:
                if self._value is None or time.monotonic() - self._at > self._seconds:
                    self._value, self._at = self._build(), time.monotonic()
        return self._value

    def clear(self) -> None:
        with self._lock:
            self._value = None


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, int]  # analysed word → articles using it
    typos: TypoIndex
    total: int
    average_length: float


def _build_lexicon() -> Lexicon:
    words = index.vocabulary()
    total, average = index.stats()
    return Lexicon(words, TypoIndex(words.items()), total, average)


def _build_synonyms() -> SynonymTable:
    return SynonymTable(Expansion(p, t) for p, t in Synonym.objects.values_list("phrase", "terms"))


LEXICON = _Cached(_build_lexicon, VOCABULARY_SECONDS)
SYNONYMS = _Cached(_build_synonyms, SYNONYM_SECONDS)


def caches_clear() -> None:
    LEXICON.clear()
    SYNONYMS.clear()


def plan(question: str) -> QueryPlan:
    lexicon = LEXICON.get()
    return plan_query(question, synonyms=SYNONYMS.get(), vocabulary=lexicon.words, typos=lexicon.typos)


def _selective(terms: list[str], lexicon: Lexicon) -> list[str]:
    """The words that pick candidates: those in at most SELECTIVE_SHARE of the articles, else the rarest two."""
    ceiling = max(SELECTIVE_SHARE * lexicon.total, SELECTIVE_MIN)
    chosen = [t for t in terms if lexicon.words.get(t, 0) <= ceiling]
    return chosen or sorted(terms, key=lambda t: lexicon.words.get(t, 0))[:2]


def _candidates(
    terms: list[str], selective: list[str], lexicon: Lexicon, category_id: int | None
) -> list[int]:
    """Articles worth ranking. When the selective words are in few articles, all of them; otherwise the
    best title matches (ranked by the index: titles are short) and up to FINALISTS articles with every
    selective word (unranked: ranking them in the index reads every article of each word)."""
    if index.count(selective) <= FINALISTS:
        return [i for i, _s in index.query(selective, limit=FINALISTS, category_id=category_id, rank=False)]
    found = dict.fromkeys(
        i for i, _s in index.query(selective, where="title", limit=FINALISTS, category_id=category_id)
    )
    if len(selective) > 1:
        every = [
            i for i, _s in index.query(selective, every=True, limit=POOL, category_id=category_id, rank=False)
        ]
        if len(every) > FINALISTS:  # among articles with every word, those whose title matches come first
            every = [i for i, _s in _bm25f(terms, index.titles(every), lexicon)[:FINALISTS]]
        found.update((i, None) for i in every)
    return list(found)


def _bm25f(terms: list[str], documents, lexicon: Lexicon) -> list[tuple[int, float]]:
    return bm25f(
        terms,
        documents,
        document_frequency=lexicon.words,
        total=lexicon.total,
        average_length=lexicon.average_length,
    )


def ranked(
    question: str, *, limit: int = 10, category_id: int | None = None
) -> tuple[QueryPlan, list[tuple[int, float]]]:
    """Article ids with scores: candidates from the index by the selective words, ranked by BM25F over all
    the words; character bigrams fill the list when words find too little."""
    query_plan = plan(question)
    lexicon = LEXICON.get()
    terms = query_plan.all_terms
    ids = _candidates(terms, _selective(terms, lexicon), lexicon, category_id)
    hits = _bm25f(terms, index.documents(ids), lexicon)[:limit]
    confidence = query_plan.confidence()
    hits = [(i, s * confidence) for i, s in hits]
    if len(hits) < limit and (query_plan.unknown or len(hits) < 3):
        floor = min((s for _i, s in hits), default=1.0) * FALLBACK_SHARE
        seen = {i for i, _s in hits}
        few = index.count(query_plan.grams, where="grams") <= FINALISTS
        extra = index.query(query_plan.grams, where="grams", limit=limit, category_id=category_id, rank=few)
        top = max((s for _i, s in extra), default=1.0) or 1.0
        hits += [(i, floor * s / top) for i, s in extra if i not in seen][: limit - len(hits)]
    return query_plan, hits


def search(question: str, *, limit: int = 10, category_id: int | None = None) -> list[Hit]:
    question = (question or "").strip()[:200]
    if not question:
        return []
    query_plan, hits = ranked(question, limit=limit, category_id=category_id)
    if not hits:
        return []
    articles = (
        Article.objects.select_related("category")
        .only("code", "title", "body", "is_active", "category__name")
        .in_bulk([i for i, _s in hits])
    )
    words = query_plan.highlight_words() + [w for w in query_plan.grams if len(w) == 2]
    strong = query_plan.highlight_words()
    out: list[Hit] = []
    for article_id, score in hits:
        article = articles.get(article_id)
        if article is None or not article.is_active:
            continue
        text = snippet(article.body, strong or words)
        out.append(
            Hit(
                id=article.pk,
                code=article.code,
                title=article.title,
                category=article.category.name,
                snippet=text,
                score=round(score, 4),
                title_html=mark_safe(highlight(article.title, strong or words)),  # noqa: S308 - escaped first
                snippet_html=mark_safe(highlight(text, strong or words)),  # noqa: S308 - escaped first
            )
        )
    return out
