"""A small, safe Markdown: the text is HTML-escaped first, then headings (#, ##, ###), lists (-, *, 1.),
paragraphs, **bold** and [links](https://…) are turned into tags. Links keep only http(s), mailto, tel
and addresses inside the site; anything else is shown as plain text."""

from __future__ import annotations

import re
from html import escape

from django.utils.safestring import SafeString, mark_safe

_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_BULLET = re.compile(r"^[-*]\s+(.*)$")
_NUMBER = re.compile(r"^\d+[.)]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_SAFE_URL = re.compile(r"^(https?://|mailto:|tel:|/(?!/))", re.IGNORECASE)


def _link(match: re.Match) -> str:
    text, url = match.group(1), match.group(2)
    if not _SAFE_URL.match(url.replace("&amp;", "&")):
        return text
    return f'<a href="{url}" rel="noopener noreferrer">{text}</a>'


def _inline(escaped: str) -> str:
    return _LINK.sub(_link, _BOLD.sub(r"<strong>\1</strong>", escaped))


def render(source: str) -> SafeString:
    html: list[str] = []
    paragraph: list[str] = []
    open_list: str | None = None

    def close_paragraph():
        if paragraph:
            html.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()

    def close_list():
        nonlocal open_list
        if open_list:
            html.append(f"</{open_list}>")
            open_list = None

    for raw in (source or "").replace("\r\n", "\n").split("\n"):
        line = _inline(escape(raw.strip(), quote=True))
        if not line:
            close_paragraph()
            close_list()
            continue
        if heading := _HEADING.match(line):
            close_paragraph()
            close_list()
            level = len(heading.group(1)) + 2  # h3–h5 inside the page's own h1/h2
            html.append(f"<h{level}>{heading.group(2)}</h{level}>")
            continue
        item = _BULLET.match(line) or _NUMBER.match(line)
        if item:
            kind = "ul" if _BULLET.match(line) else "ol"
            close_paragraph()
            if open_list != kind:
                close_list()
                html.append(f"<{kind}>")
                open_list = kind
            html.append(f"<li>{item.group(1)}</li>")
            continue
        close_list()
        paragraph.append(line)
    close_paragraph()
    close_list()
    return mark_safe("\n".join(html))  # noqa: S308 - every piece was escaped before tags were added
