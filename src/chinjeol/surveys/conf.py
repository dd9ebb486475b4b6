"""Settings of the surveys, from `settings.CHINJEOL_SURVEYS` (all optional):
HAPPY_CALL_TIME "10:00" (when the happy-call SMS goes out on the next business day)."""

from __future__ import annotations

from datetime import time

from django.conf import settings

from . import rules


def happy_call_time() -> time:
    raw = (getattr(settings, "CHINJEOL_SURVEYS", {}) or {}).get("HAPPY_CALL_TIME")
    if not raw:
        return rules.DEFAULT_SEND_TIME
    if isinstance(raw, time):
        return raw
    hours, minutes = str(raw).split(":")
    return time(int(hours), int(minutes))
