"""What every community page does the same way: the nav area, form errors as messages, public-form throttling."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.utils import timezone

from chinjeol.cases import throttle
from chinjeol.core.privacy import request_ip

PUBLIC_LIMIT = 5
PUBLIC_WINDOW = timedelta(minutes=10)
THROTTLED = "짧은 시간에 너무 많이 보내셨습니다. 10분 뒤에 다시 시도해 주세요."


def area(request) -> None:
    request.area = "kindness"


def throttled(request, scope: str) -> bool:
    """Count one public submission from this address; True when it is over the limit."""
    key = f"community-{scope}:{request_ip(request) or 'unknown'}"
    return not throttle.hit(key, limit=PUBLIC_LIMIT, window=PUBLIC_WINDOW, now=timezone.now())


def first_error(form) -> str:
    field, errors = next(iter(form.errors.items()))
    label = form.fields[field].label if field in form.fields else ""
    return f"{label + ': ' if label else ''}{errors[0]}"


def flash_form_error(request, form) -> None:
    messages.error(request, first_error(form))
