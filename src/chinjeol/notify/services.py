"""Queueing and sending messages. Every message is a row first, written in the transaction of what caused it.

Sending: `chinjeol worker` runs a sender that claims due messages (`messages_send_due`), so a message is sent even
if the process that wrote it stopped right after its commit, and a failed delivery is tried again later
(`RETRY_AFTER`). With a task backend outside the database (a broker; or the immediate backend of the tests) a
send task is also handed over on commit; sending twice is impossible either way (`message_send` claims the row)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from chinjeol.korean.pii import mask_email, mask_notice, mask_phone

from . import kinds
from .backends import DeliveryError, backend_for
from .models import Message

MAX_ATTEMPTS = 3
# Backends that cannot be asked whether they already have a message (SMTP): each is marked sent the moment it
# went out instead of with its batch, so a sender killed mid-batch leaves at most one of them in doubt.
UNASKABLE = frozenset({"smtp", "console"})
RETRY_AFTER = (timedelta(minutes=1), timedelta(minutes=10))  # after the 1st and the 2nd failed attempt
# How long a claimed message is left to the sender that claimed it (shortened only by bench/kill9.py).
LEASE = timedelta(seconds=int(os.environ.get("CHINJEOL_NOTIFY_LEASE_SECONDS", "300")))


def message_queue(
    *,
    kind: str,
    channel: str,
    recipient: str,
    subject: str,
    template: str,
    context: dict,
    now: datetime,
    about=None,
    send_at: datetime | None = None,
    key: str | None = None,
) -> Message:
    """Queue a message in the caller's transaction. With `key`, at most one message is ever queued for it (a
    unique column): a second call returns the first message.

    `kind` must be registered (`notify.kinds.register_kind`); `about` is the object the message concerns (a
    model registered with `notify.kinds.register_about`), or None; `send_at` holds the message until then
    (shown as 예약 until it is sent)."""
    if kind not in kinds.KINDS:
        raise ValueError(f"등록되지 않은 통지 종류입니다: {kind!r} (notify.kinds.register_kind)")
    about_type, about_text = "", ""
    if about is not None:
        about_type = kinds.about_key(about)
        registered = kinds.about_for(about_type)
        if registered is None:
            raise ValueError(
                f"통지 대상으로 등록되지 않은 모델입니다: {about_type} (notify.kinds.register_about)"
            )
        about_text = f"{registered.label} {registered.describe(about)}"[:100]
    if key is not None:
        existing = Message.objects.filter(dedupe_key=key).first()
        if existing is not None:
            existing.was_queued_before = True
            return existing
    body = mask_notice(render_to_string(template, context).strip())
    subject = mask_notice(subject)
    if channel == Message.Channel.SMS:
        masked = mask_phone(recipient)
    elif channel == Message.Channel.CHAT:
        masked = recipient[:4] + "****"  # a chat gateway's user key: only its start is shown
    else:
        masked = mask_email(recipient)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                kind=kind,
                channel=channel,
                recipient=recipient,
                recipient_masked=masked or recipient,
                subject=subject,
                body=body,
                about_type=about_type,
                about_id=about.pk if about is not None else None,
                about_text=about_text,
                created_at=now,
                next_attempt_at=max(send_at, now) if send_at is not None else now,
                dedupe_key=key,
            )
    except IntegrityError:
        if key is None:
            raise
        message = Message.objects.get(dedupe_key=key)  # another process queued it first
        message.was_queued_before = True
        return message
    message.was_queued_before = False
    if not _tasks_in_database() and (send_at is None or send_at <= now):
        # A message held for later is left to the sender's periodic pass (`messages_send_due`).
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
    with transaction.atomic():
        claimed = _claim(
            Message.objects.filter(
                pk=message_id,
                status=Message.Status.QUEUED,
                attempts__lt=MAX_ATTEMPTS,
                next_attempt_at__lte=now,
            ),
            now,
        )
    message = Message.objects.get(pk=message_id)
    if claimed:
        backend = _deliver(message, now, in_doubt=claimed[message_id])
        if backend is not None:
            _mark_sent([message.pk], backend)
            message.refresh_from_db()
    return message


def messages_send_due(*, now: datetime, limit: int = 100) -> int:
    """Send the messages that are due, at most `limit`; returns how many were tried. The batch is claimed in one
    transaction (rows other senders hold are skipped on PostgreSQL; SQLite runs write transactions one at a
    time), sent, and the sent ones marked in one statement per backend."""
    with transaction.atomic():
        claimed = _claim(Message.objects.due(now).filter(attempts__lt=MAX_ATTEMPTS), now, limit=limit)
    sent: dict[str, list[int]] = {}
    for message in Message.objects.filter(pk__in=claimed).order_by("next_attempt_at", "id"):
        backend = _deliver(message, now, in_doubt=claimed[message.pk])
        if backend in UNASKABLE:  # nobody to ask after a crash: leave no batch-long window of doubt
            _mark_sent([message.pk], backend)
        elif backend is not None:
            sent.setdefault(backend, []).append(message.pk)
    for backend, sent_ids in sent.items():
        _mark_sent(sent_ids, backend)
    return len(claimed)


def _claim(candidates, now: datetime, *, limit: int | None = None) -> dict[int, bool]:
    """Take the messages (inside the caller's transaction) and record the attempt before anything is sent:
    {id: in doubt}. A message is in doubt when an earlier attempt started and never recorded its outcome (its
    sender died mid-send): the provider may have it already, so it goes out again only under the same
    delivery key, after asking the provider where it can answer (`_deliver`)."""
    rows = candidates.select_for_update(skip_locked=True).values_list("id", "delivery_started_at")
    taken = {pk: started is not None for pk, started in (rows[:limit] if limit else rows)}
    if taken:
        Message.objects.filter(pk__in=taken).update(
            attempts=F("attempts") + 1, next_attempt_at=now + LEASE, delivery_started_at=now
        )
    return taken


def _deliver(message: Message, now: datetime, *, in_doubt: bool = False) -> str | None:
    """Hand a claimed message to its backend: the backend's name when it went out (or the provider already had
    it); otherwise the failure is recorded and the message is tried again later (or given up after
    `MAX_ATTEMPTS`)."""
    backend = backend_for(message.channel)
    try:
        if in_doubt and backend.already_delivered(message):
            return backend.name
        backend.send(message)
    except DeliveryError as exc:
        message.error = str(exc)
        message.backend = getattr(backend, "name", "")
        message.delivery_started_at = None
        if message.attempts >= MAX_ATTEMPTS:
            message.status = Message.Status.FAILED
            message.next_attempt_at = None
        else:
            message.status = Message.Status.QUEUED
            message.next_attempt_at = now + RETRY_AFTER[min(message.attempts, len(RETRY_AFTER)) - 1]
        message.save(update_fields=["error", "status", "backend", "next_attempt_at", "delivery_started_at"])
        return None
    return backend.name


def _mark_sent(ids: list[int], backend: str) -> None:
    Message.objects.filter(pk__in=ids).update(
        status=Message.Status.SENT,
        sent_at=timezone.now(),
        backend=backend,
        error="",
        next_attempt_at=None,
        delivery_started_at=None,
    )
