"""Everyday words for official terms: '딱지' → 과태료 주정차 위반, 'passport' → 여권.

The table is data (edited by the CS officer); this module only matches it against a question. A phrase
matches when its letters appear in the question with the spaces removed, so '쓰레기 버리는 날' matches
'쓰레기버리는날이 언제에요'; an English phrase matches whole words only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .analyser import normalize


@dataclass(frozen=True)
class Expansion:
    phrase: str
    terms: str  # official words, separated by spaces or commas


def _squash(text: str) -> str:
    return "".join(normalize(text).split())


class SynonymTable:
    def __init__(self, rows: Iterable[Expansion]):
        self._korean: list[tuple[str, Expansion]] = []
        self._latin: list[tuple[re.Pattern, Expansion]] = []
        for row in rows:
            key = _squash(row.phrase)
            if not key:
                continue
            if key.isascii():
                words = normalize(row.phrase).split()
                pattern = r"\b" + r"\s*".join(re.escape(w) for w in words) + r"(?:e?s)?\b"
                self._latin.append((re.compile(pattern), row))
            else:
                self._korean.append((key, row))
        # Longer phrases first, so that '음식물 쓰레기' wins over '쓰레기' when both are listed.
        self._korean.sort(key=lambda item: -len(item[0]))

    def __len__(self) -> int:
        return len(self._korean) + len(self._latin)

    def matches(self, question: str) -> list[Expansion]:
        squashed = _squash(question)
        spaced = normalize(question)
        found: list[Expansion] = []
        covered: list[tuple[int, int]] = []
        for key, row in self._korean:
            start = squashed.find(key)
            while start >= 0:
                end = start + len(key)
                if not any(s <= start and end <= e for s, e in covered):
                    covered.append((start, end))
                    found.append(row)
                    break
                start = squashed.find(key, start + 1)
        for pattern, row in self._latin:
            if pattern.search(spaced):
                found.append(row)
        return found
