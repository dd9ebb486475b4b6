"""Geometry of the server-rendered SVG charts (presentation attributes only, always with text labels)."""

from __future__ import annotations

from decimal import Decimal

from ..rules import SIGNAL_LABELS, Signal

FILL = {
    "blue": "#1f5fbf",
    "green": "#2e7d32",
    "yellow": "#b88a00",
    "orange": "#d9640a",
    "red": "#c62828",
}


def short_number(value) -> str:
    """90.00 → 90, 1.50 → 1.5."""
    return f"{Decimal(value):.2f}".rstrip("0").rstrip(".")


def signal_text(signal) -> str:
    label = SIGNAL_LABELS[Signal(signal)]
    return f"{label.colour}({label.meaning})"


def trend_chart(points, thresholds) -> dict:
    """Monthly score bars on a 0–100 scale cut at a floor, with the traffic-light bounds as guides."""
    width, height, left, top, bottom = 1100, 270, 64, 26, 46
    scores = [float(p.score) for p in points] or [75.0]
    floor = min(50, int(min(scores) // 10 * 10))
    span = 100 - floor
    plot_h = height - top - bottom
    slot = (width - left - 10) / max(len(points), 1)
    bar_w = min(48, slot * 0.55)

    def y(value: float) -> float:
        return round(top + plot_h * (100 - max(floor, min(100, value))) / span, 1)

    guides = [
        {
            "y": y(float(getattr(thresholds, name))),
            "label": f"{SIGNAL_LABELS[Signal(name)].colour} {short_number(getattr(thresholds, name))}",
        }
        for name in ("blue", "green", "yellow", "orange")
    ]
    bars = []
    for index, p in enumerate(points):
        x = round(left + slot * index + (slot - bar_w) / 2, 1)
        top_y = y(float(p.score))
        change = ""
        if p.change is not None and p.change != 0:
            change = f"{'▲' if p.change > 0 else '▼'}{short_number(abs(p.change))}"
        bars.append(
            {
                "x": x,
                "cx": round(x + bar_w / 2, 1),
                "y": top_y,
                "h": round(height - bottom - top_y, 1),
                "w": round(bar_w, 1),
                "fill": FILL[p.signal.value],
                "score": p.score,
                "label_y": round(top_y - 6, 1),
                "month": f"{p.period.number}월",
                "year_mark": f"{p.period.year}" if index == 0 or p.period.number == 1 else "",
                "change": change,
                "title": f"{p.period.label_ko} {p.score}점 {signal_text(p.signal)}, 기록 {p.entries}건",
            }
        )
    return {
        "width": width,
        "height": height,
        "left": left,
        "base_y": height - bottom,
        "right": width - 10,
        "floor": floor,
        "floor_y": y(floor),
        "guides": guides,
        "bars": bars,
        "month_y": height - bottom + 18,
        "change_y": height - bottom + 34,
    }


def distribution_chart(distribution: list[tuple[str, int]]) -> dict:
    """Horizontal bars of staff per colour with counts and shares written out."""
    total = sum(n for _s, n in distribution) or 1
    widest = max((n for _s, n in distribution), default=0) or 1
    row_h, label_w, bar_max = 42, 170, 720
    rows = []
    for index, (signal, count) in enumerate(distribution):
        w = round(bar_max * count / widest, 1)
        label = SIGNAL_LABELS[Signal(signal)]
        rows.append(
            {
                "y": index * row_h + 8,
                "ty": index * row_h + 28,
                "w": max(w, 2 if count else 0),
                "fill": FILL[signal],
                "label": f"{label.colour} · {label.meaning}",
                "value": f"{count:,}명 ({Decimal(count * 100) / total:.1f}%)",
                "vx": label_w + max(w, 2) + 8,
                "count": count,
            }
        )
    return {"rows": rows, "height": len(rows) * row_h + 10, "label_w": label_w, "total": total}
