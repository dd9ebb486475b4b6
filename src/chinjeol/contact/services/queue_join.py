"""Queue events joined to call records by call id (the queue caller channel's uniqueid)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from .. import rules
from ..models import CallRecord, Queue, QueueEvent
from ..queuelog import QueueLine
from .context import ImportContext

CALL_EVENTS = ("ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "ABANDON", "TRANSFER")
FIELDS = [
    "queue",
    "department",
    "staff",
    "answered_extension",
    "wait_s",
    "ring_s",
    "judged",
    "within_standard",
    "phone_version_id",
    "abandoned",
    "customer_hung_up_first",
    "transferred",
]


def _line(event: QueueEvent) -> QueueLine:
    return QueueLine(
        event.at, event.callid, event.queue, event.agent, event.event, tuple(event.data.split("|"))
    )


def _queue_ids(names: set[str]) -> dict[str, Queue]:
    known = {q.name: q for q in Queue.objects.filter(name__in=names)}
    for name in names - set(known):
        known[name] = Queue.objects.create(name=name)
    return known


def apply_to(
    record: CallRecord, lines: list[QueueLine], ctx: ImportContext, queues: dict[str, Queue]
) -> None:
    """Update one call record from its queue events (pure given the context)."""
    for line in sorted(lines, key=lambda q: q.at):
        queue = queues.get(line.queue)
        if queue is not None:
            record.queue = queue
            if record.department_id is None and queue.department_id:
                record.department_id = queue.department_id
        if line.event == "CONNECT":
            record.wait_s = line.holdtime
            ring = line.ringtime
            if ring is not None:
                record.ring_s = ring
            extension = rules.extension_of_channel(line.agent)
            if extension:
                record.answered_extension = extension
                person = ctx.person(extension)
                if person is not None:
                    record.staff_id = person.staff_id
                    record.department_id = person.department_id
            if record.answered_at is not None and record.direction == CallRecord.Direction.INBOUND:
                version_id, rings = ctx.phone.at(record.started_at, rules.DEFAULT_RINGS)
                record.judged = True
                record.phone_version_id = version_id
                record.within_standard = rules.within_standard(
                    record.ring_s, rings=rings, cadence_s=ctx.conf.cadence_s
                )
        elif line.event == "ABANDON":
            record.abandoned = True
            record.wait_s = line.holdtime
            record.judged = False
            record.within_standard = False
        elif line.event in ("COMPLETEAGENT", "COMPLETECALLER"):
            record.customer_hung_up_first = line.caller_hung_up_first
        elif line.event == "TRANSFER" and line.data:
            # credited to whoever finally handled it: the extension it was transferred to
            target = rules.final_handler(record.answered_extension, [line.data[0]])
            if target and target != record.answered_extension:
                record.answered_extension = target[:20]
                person = ctx.person(target)
                record.staff_id = person.staff_id if person is not None else None
                if person is not None:
                    record.department_id = person.department_id
            record.transferred = True


def apply_events(first: datetime, last: datetime) -> int:
    events = QueueEvent.objects.filter(at__gte=first, at__lte=last, event__in=CALL_EVENTS).exclude(
        callid="NONE"
    )
    by_call: dict[str, list[QueueLine]] = defaultdict(list)
    for event in events.iterator(chunk_size=5000):
        by_call[event.callid].append(_line(event))
    if not by_call:
        return 0
    ctx = ImportContext()
    queues = _queue_ids({line.queue for lines in by_call.values() for line in lines if line.queue})
    keys = list(by_call)
    changed = 0
    for i in range(0, len(keys), 500):
        records = list(CallRecord.objects.filter(key__in=keys[i : i + 500]))
        for record in records:
            apply_to(record, by_call[record.key], ctx, queues)
        CallRecord.objects.bulk_update(records, FIELDS, batch_size=500)
        changed += len(records)
    return changed
