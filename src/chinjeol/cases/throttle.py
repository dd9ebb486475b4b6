"""A fixed-window request counter kept in the database, so every web process shares it."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import RateLimitHit


def hit(key: str, *, limit: int, window: timedelta, now: datetime) -> bool:
    """Count one request; False when the key already used up its window."""
    seconds = int(window.total_seconds())
    start = datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=now.tzinfo)
    with transaction.atomic():
        updated = RateLimitHit.objects.filter(key=key, window_start=start, count__lt=limit).update(
            count=F("count") + 1
        )
        if updated:
            return True
        if RateLimitHit.objects.filter(key=key, window_start=start).exists():
            return False
        try:
            with transaction.atomic():
                RateLimitHit.objects.create(key=key, window_start=start, count=1)
        except IntegrityError:
            return hit(key, limit=limit, window=window, now=now)
    RateLimitHit.objects.filter(window_start__lt=now - 4 * window).delete()
    return True
