"""Reads of the counsellor's console: the call ringing or answered at an extension now (from the CTI events)
and what the same number called about before (kept apart from the call metrics' queries)."""

from __future__ import annotations

from datetime import datetime, timedelta

from .models import CallRecord, CtiEvent
from .queries import Scope, calls_for


def caller_history(number_hash: str, scope: Scope, limit: int = 20) -> list[CallRecord]:
    if not number_hash:
        return []
    return list(
        calls_for(scope)
        .filter(number_hash=number_hash)
        .select_related("staff", "case")
        .order_by("-started_at")[:limit]
    )


def current_call(extension: str, now: datetime):
    """The CTI call ringing or answered at this extension, if any (the latest within 2 hours)."""
    if not extension:
        return None
    recent = CtiEvent.objects.filter(at__gte=now - timedelta(hours=2))
    ended = recent.filter(event=CtiEvent.Kind.HANGUP).values("call_id")
    event = (
        recent.filter(extension=extension, event__in=[CtiEvent.Kind.NEW_CALL, CtiEvent.Kind.ANSWER])
        .exclude(call_id__in=ended)
        .order_by("-at")
        .first()
    )
    if event is None:
        return None
    first = recent.filter(call_id=event.call_id, event=CtiEvent.Kind.NEW_CALL).first() or event
    return {"call_id": event.call_id, "state": event.event, "number_masked": first.number_masked,
            "number_hash": first.number_hash, "since": first.at, "queue": first.queue}  # fmt: skip
