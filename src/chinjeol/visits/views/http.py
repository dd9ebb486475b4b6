"""What every visits page does the same way: the nav area, write checks, error pages."""

from __future__ import annotations

from django.contrib import messages

from chinjeol.core.errors import DomainError

AREA = "cases"  # the counter, field visits and the expert room belong to 민원 (docs/decisions.md)


def area(request) -> None:
    request.area = AREA


def run(request, action, success: str = "") -> bool:
    """Run a service call; a DomainError becomes a message. True when it went through."""
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    if success:
        messages.success(request, success)
    return True
