from decimal import Decimal

from django import template
from django.utils.html import format_html

from chinjeol.kindness.rules import SIGNAL_LABELS, Signal

register = template.Library()
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
    """+2.00, −1.00, 0.00: points with their sign."""
    if value is None or value == "":
        return ""
    number = Decimal(value)
    return f"{number:+.2f}" if number else "0.00"


@register.filter
def short(value) -> str:
    """90.00 → 90, 1.50 → 1.5."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value):.2f}".rstrip("0").rstrip(".")
