"""Kiwi morphology, loaded once and only when a word that may be a verb (보지, 자지, 새기) turns up."""

from __future__ import annotations

import threading
from functools import lru_cache

_lock = threading.Lock()
_kiwi = None


def kiwi():
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi(num_workers=-1)
    return _kiwi


@lru_cache(maxsize=4096)
def _tokens(sentence: str) -> tuple[tuple[int, str], ...]:
    return tuple((t.start, t.tag) for t in kiwi().tokenize(sentence))


def is_verb_at(text: str, start: int, window: int = 24) -> bool:
    """True when Kiwi reads the word beginning at `start` as a verb or adjective stem (보지 않다).
    Without a usable Kiwi the word is not excused (a false alarm is safer for the counsellor than a miss)."""
    left = max(0, start - window)
    try:
        tokens = _tokens(text[left : start + window])
    except (ImportError, OSError, RuntimeError):
        return False
    for token_start, tag in tokens:
        if token_start == start - left:
            return tag.startswith(("VV", "VA", "VX"))
    return False
