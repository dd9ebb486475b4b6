"""A view of a text in which personal numbers are easy to find, with a way back to the original.

`normalize` folds what people type or transcribe into plain ASCII digits and separators — full-width
digits and letters (０-９, Ａ-Ｚ, ＠), every Unicode dash, odd spaces, zero-width characters, and phone or
registration numbers spelled out in Korean digits as counsellors transcribe them (공일공 일이삼사
오육칠팔, 영일영-…, 팔오공삼일오 일육이팔사오삼). Each character of the view knows the index of the
original character it came from, so a span found in the view masks exactly the original characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
# Dashes, and ㅡ (the Hangul vowel people type for a dash on a Korean keyboard).
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u30fc\u3161")
_SPACES = frozenset(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_FOLD = {"＠": "@", "．": ".", "／": "/", "（": "(", "）": ")", "：": ":", "＋": "+", "｡": ".", "・": "·"}

KOREAN_DIGITS = {
    "공": "0",
    "영": "0",
    "빵": "0",
    "일": "1",
    "이": "2",
    "삼": "3",
    "사": "4",
    "오": "5",
    "육": "6",
    "륙": "6",
    "칠": "7",
    "팔": "8",
    "구": "9",
}
_KD = "".join(KOREAN_DIGITS)
# A run of digits (Korean or Arabic) in groups, the groups joined by a few separator characters or by
# the words counsellors write between groups (공일공에 일이삼사에 …, 다시, 의). The run must not continue
# a Hangul word on its left (사이, 일이 …), but a particle may follow it (…오육칠팔로).
# A group: digits, or Korean digit words; one or two of them glued to more Hangul are a word (사무실),
# unless the Hangul is the 에 counsellors write between groups (공이에 이공공공에 …).
_GROUP = rf"(?:[{_KD}]{{3,}}|[{_KD}]{{1,2}}(?:(?![가-힣])|(?=에 ?[{_KD}0-9]))|[0-9]+)"
_SPOKEN_RUN = re.compile(
    rf"(?<![가-힣]){_GROUP}(?:(?:[ \-./·]{{1,3}}|에 ?|의 ?| ?다시 ?){_GROUP}"
    rf"|(?<=[0-9])[{_KD}]{{3,}}|(?<=[{_KD}])[0-9]+)*"  # 010일이삼사5678: groups glued together
)
# "…오육칠팔이요": a final 이 followed by one of these is the particle, not the digit 2.
_PARTICLE_AFTER_I = frozenset("요에고라랑며니야나면었")
_SPOKEN_MIN_DIGITS = 7
# Spoken numbers come in groups of three or four words (or 공이, 02, before digits); without one,
# there is nothing to spell.
_THREE_SPOKEN = re.compile(
    rf"[{_KD}]{{3}}|[{_KD}] [{_KD}] [{_KD}] [{_KD}]|(?<![가-힣])[{_KD}]{{2}}(?:[ \-./·]{{0,3}}|에 ?)[0-9]"
)


@dataclass(frozen=True)
class View:
    text: str  # the folded text
    origin: Sequence[int]  # origin[i] = index in the original text of view character i


def _fold_char(char: str) -> str | None:
    if char in _DROP:
        return None
    if char in _DASHES:
        return "-"
    if char in _SPACES:
        return " "
    if char in _FOLD:
        return _FOLD[char]
    if "\uff10" <= char <= "\uff5a":  # full-width digits and letters
        return unicodedata.normalize("NFKC", char)
    if char.isdigit() and not char.isascii():
        value = unicodedata.decimal(char, None)
        return str(value) if value is not None else char
    return char


def _one_for_one() -> dict[int, str]:
    """The folds that replace one character by one character, as a `str.translate` table."""
    table = {}
    for code in range(0x80, 0x10000):
        char = chr(code)
        if char in _DROP:
            continue
        folded = _fold_char(char)
        if folded != char and folded is not None and len(folded) == 1:
            table[code] = folded
    return table


_TRANSLATE = _one_for_one()
_HAS_DROP = re.compile("[" + "".join(sorted(_DROP)) + "]")


def _fold(text: str) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded is None:
            continue
        chars.append(folded)
        origin.append(index)
    return chars, origin


def _is_particle(run: str, after: str) -> bool:
    """Is the final 이 of a spoken run the subject particle (…오육칠팔이 맞아요) rather than a 2?"""
    if after in _PARTICLE_AFTER_I:
        return True
    last_group = len(run) - len(run.rstrip(_KD))
    return last_group in (5, 8)  # a group of four (or of 4+4, or an RRN's seven) and the particle


_SEPARATOR_RUN = re.compile(r"[ \-./·]+")
_WHOLE_NUMBER_DIGITS = 10  # a phone number or more: a group of its own, not the first group of a spoken one


def _written_numbers_before(run: str) -> int:
    """How much of a run's start is whole numbers written in digits (10 digits or more, up to a space) before the
    spoken part: they are numbers of their own (850315-1628453 공일공 …), not the spoken number's first group."""
    first_spoken = next(i for i, c in enumerate(run) if c in KOREAN_DIGITS)
    prefix, cut = run[:first_spoken], 0
    for separator in _SEPARATOR_RUN.finditer(prefix):
        whole = sum(c.isdigit() for c in prefix[: separator.start()]) >= _WHOLE_NUMBER_DIGITS
        if whole and " " in separator.group(0):
            cut = separator.end()
    return cut


def _spell_korean_digits(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """Turn runs of Korean digit words into digits; the words between groups become one hyphen."""
    text = "".join(chars)
    if not _THREE_SPOKEN.search(text):
        return chars, origin
    out_chars: list[str] = []
    out_origin: list[int] = []
    cursor = 0
    digits_of = KOREAN_DIGITS.keys() | set("0123456789")
    for match in _SPOKEN_RUN.finditer(text):
        run = match.group(0)
        after = text[match.end() : match.end() + 1]
        if run.endswith("이") and _is_particle(run, after):
            run = run[:-1]
        if not any(c in KOREAN_DIGITS for c in run):
            continue
        start = match.start()
        cut = _written_numbers_before(run)
        run, start = run[cut:], start + cut
        digits = sum(1 for c in run if c.isdigit() or c in KOREAN_DIGITS)
        if digits < _SPOKEN_MIN_DIGITS:
            continue
        out_chars.extend(chars[cursor:start])
        out_origin.extend(origin[cursor:start])
        in_separator = False
        for offset, char in enumerate(run):
            position = start + offset
            if char.isdigit() or char in KOREAN_DIGITS:
                out_chars.append(KOREAN_DIGITS.get(char, char))
                out_origin.append(origin[position])
                in_separator = False
            elif not in_separator:  # a space stays a space; a hyphen or a word (에, 다시) becomes a hyphen
                out_chars.append(" " if char == " " and run[offset + 1 : offset + 2] in digits_of else "-")
                out_origin.append(origin[position])
                in_separator = True
        cursor = start + len(run)
    out_chars.extend(chars[cursor:])
    out_origin.extend(origin[cursor:])
    return out_chars, out_origin


# Digits read out one by one: "8 5 0 3 1 5 - 1 6 2 8 …", or the same spelled in Korean digit words.
_ONE_BY_ONE = re.compile(r"(?<![0-9])[0-9](?:(?: ?- ?| )[0-9](?![0-9])){5,}")
_MAYBE_ONE_BY_ONE = re.compile(r"[0-9] [0-9] [0-9]|[0-9]-[0-9]-[0-9]-[0-9]")


def _join_one_by_one(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """Digits said one at a time become one number; a hyphen among them stays, as one hyphen."""
    text = "".join(chars)
    if not _MAYBE_ONE_BY_ONE.search(text):
        return chars, origin
    keep = [True] * len(chars)
    for match in _ONE_BY_ONE.finditer(text):
        for position in range(match.start(), match.end()):
            char = text[position]
            if char == " " or (char == "-" and text[position - 1] == "-"):
                keep[position] = False
    if all(keep):
        return chars, origin
    return [c for c, k in zip(chars, keep, strict=True) if k], [
        o for o, k in zip(origin, keep, strict=True) if k
    ]


def normalize(text: str) -> View:
    if _HAS_DROP.search(text):
        chars, origin = _fold(text)
    else:  # the usual case: nothing to drop, so every character keeps its place
        folded = text.translate(_TRANSLATE)
        if not _THREE_SPOKEN.search(folded) and not _MAYBE_ONE_BY_ONE.search(folded):
            return View(folded, range(len(folded)))
        chars, origin = list(folded), list(range(len(folded)))
    chars, origin = _spell_korean_digits(chars, origin)
    chars, origin = _join_one_by_one(chars, origin)
    return View("".join(chars), tuple(origin))
