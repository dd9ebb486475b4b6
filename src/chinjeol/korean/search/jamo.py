"""Jamo-level spelling: Hangul syllables split into their letters, an edit distance over letters, and a
small SymSpell-style index that finds the known word nearest a misspelt one (여건 → 여권, 쓰래기 → 쓰레기)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

_BASE, _LAST = 0xAC00, 0xD7A3
_LEAD = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWEL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_TAIL = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")


def to_jamo(text: str) -> str:
    """'여권' → 'ㅇㅕㄱㅝㄴ'; characters that are not Hangul syllables are kept as they are."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if _BASE <= code <= _LAST:
            index = code - _BASE
            out.append(_LEAD[index // 588])
            out.append(_VOWEL[(index % 588) // 28])
            out.append(_TAIL[index % 28])
        else:
            out.append(ch)
    return "".join(out)


def jamo_distance(a: str, b: str) -> int:
    """Levenshtein distance between the jamo spellings of two words."""
    return _levenshtein(to_jamo(a), to_jamo(b))


def _levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _max_distance(jamo: str) -> int:
    """One letter wrong in a short word, two in a long one; a one-syllable word is never corrected."""
    if len(jamo) < 4:
        return 0
    return 1 if len(jamo) < 8 else 2


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    for k in range(1, depth + 1):
        for drop in combinations(range(len(word)), k):
            out.add("".join(ch for i, ch in enumerate(word) if i not in drop))
    return out


class TypoIndex:
    """Known words (with how many documents use them); `correct(word)` returns the nearest known word
    within the distance allowed for its length, the more frequent one on a tie, or None."""

    def __init__(self, words: Iterable[tuple[str, int]]):
        self.frequency: dict[str, int] = {}
        self._answers: dict[str, str | None] = {}
        self._by_delete: dict[str, list[str]] = {}
        for word, count in words:
            if not word or word.isascii():
                continue
            self.frequency[word] = count
            jamo = to_jamo(word)
            for variant in _deletes(jamo, _max_distance(jamo)):
                self._by_delete.setdefault(variant, []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.frequency

    def correct(self, word: str) -> str | None:
        if word in self.frequency or word.isascii():
            return None
        if word not in self._answers:
            if len(self._answers) > 50_000:
                self._answers.clear()
            self._answers[word] = self._nearest(word)
        return self._answers[word]

    def _nearest(self, word: str) -> str | None:
        jamo = to_jamo(word)
        depth = _max_distance(jamo)
        if depth == 0:
            return None
        best: tuple[int, int, str] | None = None
        for variant in _deletes(jamo, depth):
            for candidate in self._by_delete.get(variant, ()):
                distance = _levenshtein(jamo, to_jamo(candidate))
                if distance > min(depth, _max_distance(to_jamo(candidate)) or 0):
                    continue
                key = (distance, -self.frequency[candidate], candidate)
                if best is None or key < best:
                    best = key
        return best[2] if best else None
