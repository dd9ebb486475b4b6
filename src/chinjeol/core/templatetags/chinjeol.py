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


@register.inclusion_tag("core/_export_links.html", takes_context=True)
def export_links(context, note: str = ""):
    """엑셀·CSV 내려받기 links for the current list with its filters (not its page number); shown only on
    pages registered with `core.exports.register`."""
    from chinjeol.core import exports

    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or not exports.is_registered(match.view_name):
        return {"show": False}
    query = request.GET.copy()
    for key in ("page", "format"):
        query.pop(key, None)
    encoded = query.urlencode()
    return {"show": True, "query": f"{encoded}&" if encoded else "", "note": note}


@register.simple_tag
def sort_th(key: str, label: str, current: str, query: str, css: str = ""):
    """A column heading that sorts the list by `key` (again: the other way), keeping the filters in `query`;
    `aria-sort` tells screen readers which column the list is sorted by."""
    from django.utils.html import format_html

    ascending = current == key
    descending = current == f"-{key}"
    target = f"-{key}" if ascending else key
    href = f"?{query}&sort={target}" if query else f"?sort={target}"
    sort = "ascending" if ascending else "descending" if descending else None
    mark = " ▲" if ascending else " ▼" if descending else ""
    return format_html(
        '<th scope="col"{}{}><a class="sort" href="{}">{}<span aria-hidden="true">{}</span></a></th>',
        format_html(' class="{}"', css) if css else "",
        format_html(' aria-sort="{}"', sort) if sort else "",
        href,
        label,
        mark,
    )


@register.filter
def period_ko(value) -> str:
    """'2026-H1' → '2026년 상반기', '2026-11' → '2026년 11월': period codes never reach the screen."""
    from chinjeol.core.periods import Period

    try:
        return Period.parse(str(value)).label_ko
    except ValueError:
        return str(value)
