"""Template filters for the personal-data access log."""

from __future__ import annotations

from django import template

from chinjeol.core.privacy import accessor_label

register = template.Library()


@register.filter
def accessor(entry) -> str:
    """The person who looked, with their department: 김민원 (민원과)."""
    return accessor_label(entry)
