from django import template
from django.utils.html import format_html

from chinjeol.kindness.rules import SIGNAL_LABELS, Signal

register = template.Library()
ICONS = {Signal.BLUE: "◆", Signal.GREEN: "●", Signal.YELLOW: "▲", Signal.ORANGE: "■", Signal.RED: "✖"}


@register.filter
def signal_badge(signal) -> str:
    """The traffic light as colour, icon and words (never colour alone)."""
    if not signal:
        return ""
    signal = Signal(signal)
    colour, meaning = SIGNAL_LABELS[signal]
    return format_html(
        '<span class="light light-{}"><span aria-hidden="true">{}</span> {} · {}</span>',
        signal.value,
        ICONS[signal],
        colour,
        meaning,
    )
