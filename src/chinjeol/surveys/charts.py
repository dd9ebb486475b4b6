"""Charts drawn by the app as SVG (no script, no outside library): horizontal bars of a distribution."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_H = 22
GAP = 8
LABEL_W = 112
BAR_W = 200
COUNT_W = 88


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str) -> SafeString:
    """One bar per (label, count), with the count and its share; `title` is the accessible name."""
    total = sum(n for _label, n in rows) or 1
    top = max((n for _label, n in rows), default=0) or 1
    height = len(rows) * (BAR_H + GAP) + GAP
    width = LABEL_W + BAR_W + COUNT_W
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, n) in enumerate(rows):
        y = GAP + i * (BAR_H + GAP)
        w = round(BAR_W * n / top)
        share = round(100 * n / total)
        short = label if len(label) <= 8 else label[:7] + "…"
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y + BAR_H * 0.7:.1f}" text-anchor="end" class="chart-label">'
            f"{escape(short)}</text>"
            f'<rect x="{LABEL_W}" y="{y}" width="{BAR_W}" height="{BAR_H}" class="chart-track" rx="3"/>'
            f'<rect x="{LABEL_W}" y="{y}" width="{w}" height="{BAR_H}" class="chart-bar" rx="3"/>'
            f'<text x="{LABEL_W + BAR_W + 8}" y="{y + BAR_H * 0.7:.1f}" class="chart-count">'
            f"{n:,} ({share}%)</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text inside is escaped above
