"""Korean formatting for templates: dates as 2026. 11. 22., money as 10,000원."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def ko_date(value) -> str:
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}. {value.month}. {value.day}."
    return str(value)


@register.filter
def ko_datetime(value) -> str:
    if not value:
        return ""
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{local.year}. {local.month}. {local.day}. {local:%H:%M}"
    return ko_date(value)


@register.filter
def won(value) -> str:
    if value is None or value == "":
        return ""
    return f"{int(Decimal(value)):,}원"


@register.filter
def num(value, places: int = 0) -> str:
    if value is None or value == "":
        return ""
    return f"{Decimal(value):,.{int(places)}f}"


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def period_ko(value) -> str:
    """'2026-H1' → '2026년 상반기', '2026-11' → '2026년 11월': period codes never reach the screen."""
    from chinjeol.core.periods import Period

    try:
        return Period.parse(str(value)).label_ko
    except ValueError:
        return str(value)
