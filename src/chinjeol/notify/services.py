"""Queueing and sending messages. Every message is a row first, written in the transaction of what caused it.

Sending: `chinjeol worker` runs a sender that claims due messages (`messages_send_due`), so a message is sent even
if the process that wrote it stopped right after its commit, and a failed delivery is tried again later
(`RETRY_AFTER`). With a task backend outside the database (a broker; or the immediate backend of the tests) a
send task is also handed over on commit; sending twice is impossible either way (`message_send` claims the row)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from chinjeol.korean.pii import mask_email, mask_notice, mask_phone

from .backends import DeliveryError, backend_for
from .models import Message

MAX_ATTEMPTS = 3
RETRY_AFTER = (timedelta(minutes=1), timedelta(minutes=10))  # after the 1st and the 2nd failed attempt
LEASE = timedelta(minutes=5)  # how long a claimed message is left to the sender that claimed it


def message_queue(
    *,
    kind: str,
    channel: str,
    recipient: str,
    subject: str,
    template: str,
    context: dict,
    now: datetime,
    case=None,
) -> Message:
    body = mask_notice(render_to_string(template, context).strip())
    subject = mask_notice(subject)
    masked = mask_phone(recipient) if channel == Message.Channel.SMS else mask_email(recipient)
    message = Message.objects.create(
        kind=kind,
        channel=channel,
        recipient=recipient,
        recipient_masked=masked or recipient,
        subject=subject,
        body=body,
        case=case,
        created_at=now,
        next_attempt_at=now,
    )
    if not _tasks_in_database():
        transaction.on_commit(lambda: _enqueue(message.pk))
    return message


def _tasks_in_database() -> bool:
    from django_tasks import task_backends

    from .tasks import send_message

    return type(task_backends[send_message.backend]).__module__.startswith("django_tasks_db")


def _enqueue(message_id: int) -> None:
    from .tasks import send_message

    send_message.enqueue(message_id=message_id)


def message_send(*, message_id: int, now: datetime | None = None) -> Message:
    """Claim the message, then deliver it. The claim (a conditional update that also moves the next attempt
    `LEASE` ahead) lets one sender only have it; if that sender dies while sending, the message is due again
    once the lease ends."""
    now = now or timezone.now()
    claimed = Message.objects.filter(
        pk=message_id,
        status=Message.Status.QUEUED,
        attempts__lt=MAX_ATTEMPTS,
        next_attempt_at__lte=now,
    ).update(attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
    message = Message.objects.get(pk=message_id)
    if claimed:
        backend = _deliver(message, now)
        if backend is not None:
            _mark_sent([message.pk], backend)
            message.refresh_from_db()
    return message


def messages_send_due(*, now: datetime, limit: int = 100) -> int:
    """Send the messages that are due, at most `limit`; returns how many were tried. The batch is claimed in one
    transaction (rows other senders hold are skipped on PostgreSQL; SQLite runs write transactions one at a
    time), sent, and the sent ones marked in one statement per backend."""
    with transaction.atomic():
        ids = list(
            Message.objects.due(now)
            .filter(attempts__lt=MAX_ATTEMPTS)
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:limit]
        )
        if ids:
            Message.objects.filter(pk__in=ids).update(attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
    sent: dict[str, list[int]] = {}
    for message in Message.objects.filter(pk__in=ids).order_by("next_attempt_at", "id"):
        backend = _deliver(message, now)
        if backend is not None:
            sent.setdefault(backend, []).append(message.pk)
    for backend, sent_ids in sent.items():
        _mark_sent(sent_ids, backend)
    return len(ids)


def _deliver(message: Message, now: datetime) -> str | None:
    """Hand a claimed message to its backend: the backend's name when it went out; otherwise the failure is
    recorded and the message is tried again later (or given up after `MAX_ATTEMPTS`)."""
    backend = backend_for(message.channel)
    try:
        backend.send(message)
    except DeliveryError as exc:
        message.error = str(exc)
        message.backend = getattr(backend, "name", "")
        if message.attempts >= MAX_ATTEMPTS:
            message.status = Message.Status.FAILED
            message.next_attempt_at = None
        else:
            message.status = Message.Status.QUEUED
            message.next_attempt_at = now + RETRY_AFTER[min(message.attempts, len(RETRY_AFTER)) - 1]
        message.save(update_fields=["error", "status", "backend", "next_attempt_at"])
        return None
    return backend.name


def _mark_sent(ids: list[int], backend: str) -> None:
    Message.objects.filter(pk__in=ids).update(
        status=Message.Status.SENT, sent_at=timezone.now(), backend=backend, error="", next_attempt_at=None
    )
