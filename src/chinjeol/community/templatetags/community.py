"""Template filters of the community pages."""

from __future__ import annotations

from django import template

from chinjeol.korean.pii import mask_name

register = template.Library()


@register.filter
def masked_name(value) -> str:
    """홍길동 → 홍*동 (public boards never show a writer's full name)."""
    return mask_name(str(value or ""))
