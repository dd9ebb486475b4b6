from __future__ import annotations


def area(request) -> None:
    request.area = "surveys"
