"""Character n-grams: the fallback for words the dictionary does not know and for one-word queries."""

from __future__ import annotations


def bigrams(word: str) -> list[str]:
    """Overlapping character bigrams of a word without spaces; a one-letter word is its own gram."""
    word = "".join(word.split())
    if len(word) < 2:
        return [word] if word else []
    return [word[i : i + 2] for i in range(len(word) - 1)]
