"""Template filters for compliance figures (rates as 93.4%, changes as ▲ 1.2%p, bar widths) and the
deadlines of a case with the calendar each was counted on."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from chinjeol.charter.rules import CaseDeadline, case_deadlines

register = template.Library()


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def rate(value) -> str:
    number = _decimal(value)
    return "—" if number is None else f"{number:.1f}%"


@register.filter
def change(value) -> str:
    number = _decimal(value)
    if number is None:
        return "—"
    if number > 0:
        return f"▲ {number:.1f}%p"
    if number < 0:
        return f"▼ {-number:.1f}%p"
    return "변동 없음"


@register.filter
def change_class(value) -> str:
    number = _decimal(value)
    if number is None or number == 0:
        return ""
    return "up" if number > 0 else "down"


@register.filter
def bar(value, width=100) -> str:
    """The width of a rate's bar in a `width`-wide SVG (0 when there is no rate)."""
    number = _decimal(value)
    if number is None:
        return "0"
    return f"{max(Decimal(0), min(Decimal(100), number)) * Decimal(width) / 100:.1f}"


@register.simple_tag
def deadlines_of(case) -> list[CaseDeadline]:
    """The case's deadlines (처리기한, 법정 처리기한, 헌장 약속 기한) with their calendars."""
    return case_deadlines(
        legal_due_at=case.legal_due_at,
        promise_due_at=case.promise_due_at,
        due_at=case.due_at,
        extensions=case.extensions,
    )
