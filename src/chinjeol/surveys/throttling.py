"""The public survey forms share the request counter of the public case forms."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from chinjeol.cases import throttle
from chinjeol.core.privacy import request_ip

LIMIT = 30
WINDOW = timedelta(minutes=10)


def throttled(request, scope: str) -> bool:
    key = f"{scope}:{request_ip(request) or 'unknown'}"
    return not throttle.hit(key, limit=LIMIT, window=WINDOW, now=timezone.now())
