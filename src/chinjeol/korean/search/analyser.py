"""Morphological analysis with Kiwi: particles and endings removed, nouns and stems kept, compounds split
and also kept whole, English lower-cased. The Kiwi model loads once, on first use."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .ngrams import bigrams

# Parts of speech that carry meaning for search (Sejong tags as Kiwi uses them).
NOUNS = frozenset({"NNG", "NNP", "NR", "XR", "SL", "SH", "SN", "NP"})
STEMS = frozenset({"VV", "VA", "VV-I", "VA-I", "VV-R", "VA-R", "XSN"})
# Words too common in questions to tell articles apart.
STOP = frozenset(
    {
        "것", "수", "등", "때", "곳", "거", "뭐", "무엇", "어디", "언제", "어떻게", "왜", "누구", "저", "제",
        "나", "우리", "여기", "거기", "이거", "그거", "하", "되", "있", "없", "알", "싶", "주", "좀",
        "이", "그", "저희", "경우", "관련", "대하", "위하", "받", "문의", "질문", "방법", "안내", "궁금",
        "어떡하", "어떤", "해주", "가능", "알려주", "말", "요", "네", "번", "the", "a", "to", "of", "is",
        "how", "do", "i", "my", "what", "where", "when", "can", "for", "in",
    }
)  # fmt: skip

_SPACE = re.compile(r"\s+")
_lock = threading.Lock()
_kiwi = None


def kiwi():
    """The shared Kiwi analyser (loading the model takes about a second, so once per process)."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


def normalize(text: str) -> str:
    """NFKC (full-width letters, compatibility jamo kept), lower case, one space between words."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "").lower()).strip()


@dataclass(frozen=True)
class Analysis:
    terms: tuple[str, ...]  # nouns and stems in order, repeats kept (term frequency counts)
    keys: tuple[str, ...]  # compounds joined back (주민 + 등록 → 주민등록)
    grams: tuple[str, ...]  # character bigrams of the meaningful words, for unknown and short words

    def all_terms(self) -> tuple[str, ...]:
        return self.terms + self.keys


def _meaningful(form: str, tag: str) -> str | None:
    if tag in NOUNS:
        word = form.lower()
    elif tag in STEMS and tag != "XSN":
        word = form
    else:
        return None
    if word in STOP or not word.strip():
        return None
    if tag == "SN" and len(word) > 6:
        return None
    return word


def _join(run: list[str], keys: list[str]) -> None:
    """A compound written apart or split by the analyser is also kept whole, and in pairs when long."""
    if len(run) > 1:
        keys.append("".join(run))
    if len(run) > 2:
        keys.extend(a + b for a, b in zip(run, run[1:], strict=False))


@lru_cache(maxsize=20_000)
def _analyse_cached(text: str) -> Analysis:
    terms: list[str] = []
    keys: list[str] = []
    run: list[str] = []
    run_end = -1
    prefix: tuple[str, int] | None = None  # 재(발급), 폐(가구): a prefix joins the noun after it
    for token in kiwi().tokenize(text):
        if token.tag == "XPN":
            prefix = (token.form, token.start + token.len)
            continue
        word = _meaningful(token.form, token.tag)
        is_noun = token.tag in ("NNG", "NNP", "XR")
        if prefix and is_noun and word and token.start == prefix[1]:
            keys.append(prefix[0] + word)
        prefix = None
        if is_noun and word and token.start == run_end:
            run.append(word)
        else:
            _join(run, keys)
            run = [word] if is_noun and word else []
        run_end = token.start + token.len if is_noun and word else -1
        if word:
            terms.append(word)
    _join(run, keys)
    grams: list[str] = []
    for word in terms:
        if len(word) >= 2 and not word.isascii():
            grams.extend(bigrams(word))
    for word in keys:
        grams.extend(bigrams(word))
    return Analysis(tuple(terms), tuple(keys), tuple(grams))


def analyse(text: str) -> Analysis:
    """Analyse a field or a question. Spacing errors are repaired by Kiwi's own spacing model. A text of
    several lines is analysed line by line, so lines shared between documents are analysed once."""
    lines = [normalize(line) for line in (text or "").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return Analysis((), (), ())
    if len(lines) == 1:
        return _analyse_cached(lines[0])
    parts = [_analyse_cached(line) for line in lines]
    return Analysis(
        tuple(t for p in parts for t in p.terms),
        tuple(t for p in parts for t in p.keys),
        tuple(t for p in parts for t in p.grams),
    )
