"""The live CTI webhook (Zammad's generic CTI shape): events stored once per (callId, event); the
console and the wallboard read them; `hangupBy` fills "customer hung up first" on the call record."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from django.db import IntegrityError, transaction
from pydantic import BaseModel, ConfigDict, Field

from .conf import contact_settings, number_identity
from .models import CallRecord, CtiEvent
from .rules import is_extension

ROUTING_DAYS = 7


class CtiIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    event: Literal["newCall", "answer", "hangup"]
    call_id: str = Field(..., alias="callId", min_length=1, max_length=64)
    from_: str = Field("", alias="from", max_length=40)
    to: str = Field("", max_length=40)
    direction: Literal["in", "out", ""] = ""
    user: str = Field("", max_length=100)
    extension: str = Field("", max_length=20)
    queue: str = Field("", max_length=64)
    cause: str = Field("", max_length=40)
    answering_number: str = Field("", alias="answeringNumber", max_length=40)
    hangup_by: Literal["customer", "agent", ""] = Field("", alias="hangupBy")


class Routing(BaseModel):
    extension: str
    reason: str


class CtiOut(BaseModel):
    ok: bool = True
    duplicate: bool = False
    routing: Routing | None = None


def _extension(event: CtiIn) -> str:
    max_len = contact_settings().extension_max_len
    for candidate in (
        event.extension,
        event.answering_number,
        event.to if event.direction == "in" else event.from_,
    ):
        if candidate and is_extension(candidate, max_len):
            return candidate
    return ""


def routing_hint(number_hash: str, now: datetime) -> Routing | None:
    """The counsellor who answered this number most recently in the last 7 days, for continuity."""
    if not number_hash:
        return None
    last = (
        CallRecord.objects.filter(
            number_hash=number_hash,
            started_at__gte=now - timedelta(days=ROUTING_DAYS),
            answered_at__isnull=False,
        )
        .exclude(answered_extension="")
        .order_by("-started_at")
        .values_list("answered_extension", flat=True)
        .first()
    )
    if not last:
        return None
    return Routing(extension=last, reason="최근 7일 안에 이 번호와 통화한 상담사")


def cti_receive(event: CtiIn, *, now: datetime) -> CtiOut:
    outside = event.from_ if event.direction != "out" else event.to
    number_hash, masked = number_identity(outside) if outside and not is_extension(outside) else ("", "")
    try:
        with transaction.atomic():
            CtiEvent.objects.create(
                call_id=event.call_id,
                event=event.event,
                at=now,
                direction=event.direction,
                number_hash=number_hash,
                number_masked=masked,
                extension=_extension(event),
                queue=event.queue,
                cause=event.cause,
                hangup_by=event.hangup_by,
            )
    except IntegrityError:
        return CtiOut(duplicate=True)
    if event.event == "hangup" and event.hangup_by:
        from .tallies import tallies_refresh_calls

        calls = CallRecord.objects.filter(key=event.call_id)
        if calls.update(customer_hung_up_first=event.hangup_by == "customer"):
            tallies_refresh_calls(calls)
    if event.event == "newCall" and event.direction == "in":
        return CtiOut(routing=routing_hint(number_hash, now))
    return CtiOut()


def apply_hangups(keys_since: datetime) -> int:
    """After a CDR import: who hung up first, from the CTI hangup events of the imported calls."""
    changed = 0
    for by in ("customer", "agent"):
        ids = CtiEvent.objects.filter(event="hangup", hangup_by=by, at__gte=keys_since).values("call_id")
        changed += CallRecord.objects.filter(key__in=ids, customer_hung_up_first__isnull=True).update(
            customer_hung_up_first=by == "customer"
        )
    return changed
