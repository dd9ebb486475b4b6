"""Matched words marked in a title or a snippet: the text is escaped first, then marked."""

from __future__ import annotations

import re
from html import escape

_MARKUP = re.compile(r"[#*_`>\[\]()|]+|https?://\S+")


def _pattern(words: list[str]) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def highlight(text: str, words: list[str]) -> str:
    """HTML with every occurrence of the words in <mark>; everything else escaped."""
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out: list[str] = []
    cursor = 0
    for match in pattern.finditer(text):
        out.append(escape(text[cursor : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        cursor = match.end()
    out.append(escape(text[cursor:]))
    return "".join(out)


def plain(markdown: str) -> str:
    """Body text without Markdown signs and links, on one line."""
    return " ".join(_MARKUP.sub(" ", markdown).split())


def snippet(body: str, words: list[str], width: int = 110) -> str:
    """A plain-text window of the body around the first matched word (or its beginning)."""
    text = plain(body)
    pattern = _pattern(words)
    match = pattern.search(text) if pattern else None
    start = 0 if match is None else max(0, match.start() - width // 3)
    piece = text[start : start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(text) else "")
