"""One normalisation pass with a map back to the original offsets.

Two views of a message are built:

- the **surface**: the text with full-width forms, conjoining jamo and capitals mapped one character to one
  character (so its offsets ARE the original offsets); phrase rules (threats, sexual remarks) read it;
- the **skeleton**: only Hangul, jamo, Latin letters and digits, with spaces, symbols and a lone digit
  between two Hangul characters removed (시 발, 시@발, 씨1발 → 시발), typed jamo composed (ㅅㅣㅂㅏㄹ →
  시발), repeated characters collapsed and look-alike spellings folded. Each skeleton character remembers
  the original range it came from and whether a space or a symbol was removed just before it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .hangul import CHO, FOLD, JUNG, VOWELS, compose, syllable

GAP_NONE, GAP_SYMBOL, GAP_SPACE = 0, 1, 2


def _surface_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x3000):  # look-alike letters and digits (superscripts, circled, Roman…)
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code) and folded.isalnum() and folded.isascii():
            table[code] = folded.lower()
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0).lower()
    for code in range(0xFFA0, 0xFFDD):  # half-width Hangul jamo
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            table[code] = folded
    for code in range(0x1100, 0x1200):  # conjoining jamo → compatibility jamo
        name = unicodedata.name(chr(code), "")
        short = name.rsplit(" ", 1)[-1]
        compat = f"HANGUL LETTER {short}"
        try:
            table[code] = unicodedata.lookup(compat)
        except KeyError:
            continue
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    table[0x3000] = " "
    return table


SURFACE = _surface_table()


def surface(text: str) -> str:
    """Same length as `text`; offsets are shared."""
    return text.translate(SURFACE)


_RUNS = re.compile(r"([가-힣]+)|([ㄱ-ㅣ]+)|([a-z0-9]+)|(\s+)|([^\s가-힣ㄱ-ㅣa-z0-9]+)")
_DIGIT_RUNS = re.compile(r"[0-9]+")
_HANGUL_OR_JAMO = re.compile(r"[가-힣ㄱ-ㅣ]")


def _held_vowels() -> tuple[dict[str, str], dict[str, str]]:
    """아 after 바, 이 after 시: a vowel held longer (씨이발, 시바아). Both tables by vowel."""
    held, open_ = {}, {}
    for jung in JUNG:
        held[syllable("ㅇ", jung)] = jung
        for cho in CHO:
            if cho != "ㅇ":
                open_[syllable(cho, jung)] = jung
    return held, open_


_HELD, _OPEN = _held_vowels()


@dataclass(frozen=True)
class Skeleton:
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    gaps: tuple[int, ...]  # what was removed just before each character
    raw: str = ""  # the same characters before look-alike folding (for forms that must match exactly)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of skeleton characters start..end-1."""
        return self.starts[start], self.ends[end - 1]

    def has_gap(self, start: int, end: int, kind: int = GAP_SPACE) -> bool:
        return any(g >= kind for g in self.gaps[start + 1 : end])


def skeleton(text: str) -> Skeleton:
    """The skeleton of an already `surface`d text."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    gaps: list[int] = []
    gap = GAP_NONE
    for m in _RUNS.finditer(text):
        kind, begin, run = m.lastindex, m.start(), m.group()
        if kind == 4:
            gap = GAP_SPACE
            continue
        if kind == 5:
            gap = max(gap, GAP_SYMBOL)
            continue
        if kind == 2 and any(c in VOWELS for c in run):  # ㅅㅣㅂㅏㄹ → 시발
            units = compose([(c, begin + k, begin + k + 1) for k, c in enumerate(run)])
            chars.extend(u[0] for u in units)
            starts.extend(u[1] for u in units)
            ends.extend(u[2] for u in units)
        elif kind == 3 and run.isdigit() and len(run) == 1 and chars and _after_hangul(text, m, gap):
            gap = max(gap, GAP_SYMBOL)  # 씨1발, 씨 1 발: a digit planted inside a word
            continue
        else:
            chars.extend(run)
            starts.extend(range(begin, begin + len(run)))
            ends.extend(range(begin + 1, begin + len(run) + 1))
        gaps.append(gap)
        gaps.extend([GAP_NONE] * (len(chars) - len(gaps)))
        gap = GAP_NONE
    if _HAS_REPEAT.search("".join(chars)):
        _collapse(chars, starts, ends, gaps)
    raw = "".join(chars)
    return Skeleton(raw.translate(FOLD), tuple(starts), tuple(ends), tuple(gaps), raw)


def _after_hangul(text: str, m: re.Match, gap: int) -> bool:
    """A lone digit planted between Hangul: 씨1발, 시.1.발, or with spaces (씨 1 발) unless it is the 8 of a
    number pun (씨 8, 씹8 진짜)."""
    symbols = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~·"
    before = text[: m.start()].rstrip(" " + symbols)[-1:]
    after = text[m.end() : m.end() + 4]
    glued = gap < GAP_SPACE and bool(_HANGUL_OR_JAMO.match(after.lstrip(symbols)[:1] or " "))
    spaced = m.group() != "8" and bool(_HANGUL_OR_JAMO.match(after.lstrip(" " + symbols)[:1] or " "))
    return bool(_HANGUL_OR_JAMO.match(before or " ")) and (glued or spaced)


_HAS_REPEAT = re.compile(
    r"([^0-9])\1|"
    + "|".join(
        "[" + "".join(o for o, v in _OPEN.items() if v == vowel) + "]" + held for held, vowel in _HELD.items()
    )
)


def _collapse(chars: list[str], starts: list[int], ends: list[int], gaps: list[int]) -> None:
    """시발발발, ㅋㅋㅋ, fuuuck, 씨이이발: one character each, in place."""
    out = 0
    for k in range(len(chars)):
        char = chars[k]
        if out and (
            (chars[out - 1] == char and not char.isdigit())
            or (char in _HELD and _OPEN.get(chars[out - 1]) == _HELD[char])
        ):
            ends[out - 1] = ends[k]
            continue
        chars[out], starts[out], ends[out], gaps[out] = char, starts[k], ends[k], gaps[k]
        out += 1
    del chars[out:], starts[out:], ends[out:], gaps[out:]


def fold_form(form: str, exact: bool = False) -> str:
    """A lexicon form in the shape the skeleton has (so entries are written as people spell them)."""
    sk = skeleton(surface(form))
    return sk.raw if exact else sk.text
