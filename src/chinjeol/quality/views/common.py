from __future__ import annotations

from django.shortcuts import render

from chinjeol.core.errors import DomainError


def area(request) -> None:
    request.area = "surveys"


def error_page(request, error: DomainError):
    return render(request, "core/forbidden.html", {"message": error.message}, status=error.status)
