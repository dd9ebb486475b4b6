"""Queueing and sending messages. Every message is a row first; sending is a task. With the database task
backend the task row is written in the same transaction as the message, so a message is never left without its
task; other backends (a broker outside the database) are handed the task once the transaction commits."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from chinjeol.korean.pii import mask_email, mask_phone

from .backends import DeliveryError, backend_for
from .models import Message

MAX_ATTEMPTS = 3


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
    body = render_to_string(template, context).strip()
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
    )
    if _tasks_in_database():
        _enqueue(message.pk)
    else:
        transaction.on_commit(lambda: _enqueue(message.pk))
    return message


def _tasks_in_database() -> bool:
    from django_tasks import task_backends

    from .tasks import send_message

    return type(task_backends[send_message.backend]).__module__.startswith("django_tasks_db")


def _enqueue(message_id: int) -> None:
    from .tasks import send_message

    send_message.enqueue(message_id=message_id)


def message_send(*, message_id: int) -> Message:
    """Claim the message (so two workers never send it twice), then deliver it."""
    claimed = Message.objects.filter(
        pk=message_id, status=Message.Status.QUEUED, attempts__lt=MAX_ATTEMPTS
    ).update(attempts=F("attempts") + 1)
    message = Message.objects.get(pk=message_id)
    if not claimed:
        return message
    backend = backend_for(message.channel)
    try:
        backend.send(message)
    except DeliveryError as exc:
        message.error = str(exc)
        message.status = Message.Status.FAILED if message.attempts >= MAX_ATTEMPTS else Message.Status.QUEUED
        message.backend = getattr(backend, "name", "")
        message.save(update_fields=["error", "status", "backend"])
        return message
    message.status = Message.Status.SENT
    message.sent_at = timezone.now()
    message.backend = backend.name
    message.error = ""
    message.save(update_fields=["status", "sent_at", "backend", "error"])
    return message
