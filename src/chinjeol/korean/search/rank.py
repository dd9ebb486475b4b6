"""BM25F over pre-analysed fields: the final ranking of the candidates the full-text index returns.

The index (FTS5 or PostgreSQL) only proposes candidates from the question's selective words, which keeps
it fast at tens of thousands of articles; every word of the question, common ones included, counts here."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

K1, B = 1.2, 0.75


@dataclass(frozen=True)
class Fields:
    title: str  # space-separated analysed words
    keys: str
    body: str


WEIGHTS = (10.0, 4.0, 1.0)  # title, keys, body


def bm25f(
    terms: list[str],
    documents: Mapping[int, Fields],
    *,
    document_frequency: Mapping[str, int],
    total: int,
    average_length: float,
    weights: tuple[float, float, float] = WEIGHTS,
) -> list[tuple[int, float]]:
    """(document id, score) best first; documents that share no word with the question are left out."""
    wanted = set(terms)
    idf = {
        t: math.log(1 + (total - document_frequency.get(t, 0) + 0.5) / (document_frequency.get(t, 0) + 0.5))
        for t in wanted
    }
    average_length = max(average_length, 1.0)
    scored: list[tuple[int, float]] = []
    for doc_id, fields in documents.items():
        counts: dict[str, float] = {}
        length = 0
        for weight, text in zip(weights, (fields.title, fields.keys, fields.body), strict=True):
            words = text.split()
            length += len(words) if weight == weights[2] else 0
            for word in words:
                if word in wanted:
                    counts[word] = counts.get(word, 0.0) + weight
        if not counts:
            continue
        norm = K1 * (1 - B + B * length / average_length)
        score = sum(idf[t] * tf * (K1 + 1) / (tf + norm) for t, tf in counts.items())
        scored.append((doc_id, score))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored
