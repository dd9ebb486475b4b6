"""Ranking quality: mean reciprocal rank at k and recall at k over (question, right answer) pairs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class Evaluation:
    queries: int = 0
    mrr_at_10: float = 0.0
    recall_at_5: float = 0.0
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)  # question, expected, got


def evaluate(pairs: Iterable[tuple[str, str]], ranked: Callable[[str], list[str]]) -> Evaluation:
    result = Evaluation()
    reciprocal = found = 0.0
    for question, expected in pairs:
        got = ranked(question)[:10]
        result.queries += 1
        if expected in got:
            position = got.index(expected) + 1
            reciprocal += 1.0 / position
            found += position <= 5
            if position > 1:
                result.misses.append((question, expected, got[:3]))
        else:
            result.misses.append((question, expected, got[:3]))
    if result.queries:
        result.mrr_at_10 = reciprocal / result.queries
        result.recall_at_5 = found / result.queries
    return result


def read_pairs(text: str) -> list[tuple[str, str]]:
    """Tab-separated lines `question<TAB>code`; blank lines and # comments skipped."""
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            question, code = line.rsplit("\t", 1)
            pairs.append((question.strip(), code.strip()))
    return pairs
