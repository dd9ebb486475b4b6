from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.html import format_html

from chinjeol.kindness.rules import SIGNAL_LABELS, Signal

register = template.Library()
ONE = Decimal("0.1")
# A shape per colour so the light never depends on colour alone.
ICONS = {Signal.BLUE: "◆", Signal.GREEN: "●", Signal.YELLOW: "▲", Signal.ORANGE: "■", Signal.RED: "✖"}


@register.filter
def signal_badge(signal) -> str:
    """The traffic light as colour, shape and words: ◆ 파랑 · 매우 우수."""
    if not signal:
        return ""
    signal = Signal(signal)
    label = SIGNAL_LABELS[signal]
    return format_html(
        '<span class="light light-{}"><span aria-hidden="true">{}</span> {} · {}</span>',
        signal.value,
        ICONS[signal],
        label.colour,
        label.meaning,
    )


@register.filter
def signal_name(signal) -> str:
    if not signal:
        return ""
    label = SIGNAL_LABELS[Signal(signal)]
    return f"{label.colour}({label.meaning})"


@register.filter
def signed(value) -> str:
    """+2.0, −1.0, 0.0: points with their sign, one decimal."""
    if value is None or value == "":
        return ""
    number = Decimal(value).quantize(ONE, rounding=ROUND_HALF_UP)
    return f"{number:+.1f}" if number else "0.0"


@register.filter
def score(value) -> str:
    """A score with one decimal, as everywhere on the kindness pages: 83.0; "—" when there is none."""
    if value is None or value == "":
        return "—"
    return f"{Decimal(value).quantize(ONE, rounding=ROUND_HALF_UP):.1f}"


@register.filter
def short(value) -> str:
    """90.00 → 90, 1.50 → 1.5."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value):.2f}".rstrip("0").rstrip(".")
