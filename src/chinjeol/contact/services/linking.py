"""What a CDR or queue_log import does after its rows are in: queue events joined to the calls, repeat-call
flags, call-backs met, who hung up first from CTI, and the daily tallies of the days touched."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..cdr import RowError
from ..expressions import PlusDays
from ..models import CallRecord, QueueEvent
from ..queuelog import QueueLine, read_lines
from .results import BATCH, ImportResult

REPEAT_DAYS = 7


def after_import(first: datetime | None, last: datetime | None, *, now: datetime) -> None:
    """Joins and flags that need other rows: queue events, repeat calls, call-backs met; then the daily
    tallies of every day whose calls may have changed."""
    from ..cti import apply_hangups
    from ..tallies import tallies_refresh
    from .callbacks import callbacks_match

    if first is None or last is None:
        return
    if QueueEvent.objects.exists():
        queue_apply(first - timedelta(hours=1), last + timedelta(hours=1))
    repeat_flags(first, last)
    callbacks_match(first - timedelta(days=7), now=now)
    apply_hangups(first - timedelta(hours=1))
    tallies_refresh(first - timedelta(days=REPEAT_DAYS + 1), last + timedelta(hours=1))


def repeat_flags(first: datetime, last: datetime, days: int = REPEAT_DAYS) -> int:
    """Flag answered inbound calls followed by another inbound call from the same number within `days`
    (first-contact resolution); calls up to `days` before the import are looked at again."""
    later = CallRecord.objects.filter(
        number_hash=OuterRef("number_hash"),
        direction=CallRecord.Direction.INBOUND,
        started_at__gt=OuterRef("started_at"),
        started_at__lte=PlusDays(OuterRef("started_at"), days),
    )
    scope = CallRecord.objects.filter(
        direction=CallRecord.Direction.INBOUND,
        answered_at__isnull=False,
        started_at__gte=first - timedelta(days=days),
        started_at__lte=last,
    ).exclude(number_hash="")
    flagged = scope.filter(repeat_7d=False).filter(Exists(later)).update(repeat_7d=True)
    scope.filter(repeat_7d=True).exclude(Exists(later)).update(repeat_7d=False)
    return flagged


# --- queue_log ---------------------------------------------------------------------------------------
def _line_hash(line: QueueLine) -> str:
    raw = "|".join(
        (str(int(line.at.timestamp())), line.callid, line.queue, line.agent, line.event, *line.data)
    )
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def queue_log_import(
    lines: Iterable[str], *, dry_run: bool = False, now: datetime | None = None
) -> ImportResult:
    """Import a queue_log file and join its events to the call records by call id."""
    from ..tallies import tallies_refresh

    now = now or timezone.now()
    result = ImportResult(dry_run=dry_run)
    events: list[QueueEvent] = []
    for _number, item in read_lines(lines):
        result.read += 1
        if isinstance(item, RowError):
            result.error(item)
            continue
        result.span(item.at, item.at)
        events.append(
            QueueEvent(
                line_hash=_line_hash(item),
                at=item.at,
                callid=item.callid,
                queue=item.queue[:64],
                agent=item.agent[:100],
                event=item.event[:30],
                data="|".join(item.data)[:500],
            )
        )
    if dry_run:
        return result
    with transaction.atomic():
        before = QueueEvent.objects.count()
        for i in range(0, len(events), BATCH):
            QueueEvent.objects.bulk_create(events[i : i + BATCH], ignore_conflicts=True)
        result.inserted = QueueEvent.objects.count() - before
        if result.first is not None and result.last is not None:
            first, last = result.first - timedelta(hours=1), result.last + timedelta(hours=1)
            queue_apply(first, last)
            repeat_flags(first, last)
            tallies_refresh(first - timedelta(days=REPEAT_DAYS + 1), last)
    return result


def queue_apply(first: datetime, last: datetime) -> int:
    """Join queue events to call records (call id = the CDR's uniqueid): queue, wait, the agent's own
    ring time, who hung up first, abandons."""
    from .queue_join import apply_events

    return apply_events(first, last)
