"""What every visits page does the same way: the nav area."""

from __future__ import annotations

AREA = "cases"  # the counter, field visits and the expert room belong to 민원 (docs/decisions.md)


def area(request) -> None:
    request.area = AREA
