"""Call-back obligations: created from missed calls (on import) or by a counsellor, met when any
extension of the same department calls the number back (answered) or when recorded by hand."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from django.db import transaction

from chinjeol.core.errors import DomainError
from chinjeol.korean.pii import mask_pii

from .. import rules
from ..conf import number_identity
from ..models import CallbackObligation, CallRecord
from .context import ImportContext

MAX_OUTCOME = 500


def _status(due_at: datetime, done_at: datetime) -> str:
    return (
        CallbackObligation.Status.MET
        if rules.callback_met(due_at, done_at)
        else CallbackObligation.Status.LATE
    )


def callbacks_match(since: datetime, *, now: datetime) -> int:
    """Close open obligations (missed after `since`) that an answered outgoing call from the same
    department to the same number has met. The earliest such call after the missed call counts."""
    open_ = list(
        CallbackObligation.objects.filter(
            status=CallbackObligation.Status.OPEN, missed_at__gte=since, by_hand=False
        ).exclude(number_hash="")
    )
    if not open_:
        return 0
    hashes = {o.number_hash for o in open_}
    calls: dict[str, list[tuple]] = defaultdict(list)
    hash_list = sorted(hashes)
    for i in range(0, len(hash_list), 500):
        for row in (
            CallRecord.objects.filter(
                direction=CallRecord.Direction.OUTBOUND,
                answered_at__isnull=False,
                number_hash__in=hash_list[i : i + 500],
                started_at__gte=since,
                started_at__lte=now,
            )
            .order_by("started_at")
            .values_list("number_hash", "started_at", "pk", "department_id", "staff_id")
        ):
            calls[row[0]].append(row[1:])
    closed = []
    for ob in open_:
        for started_at, pk, department_id, staff_id in calls.get(ob.number_hash, ()):
            if started_at < ob.missed_at:
                continue
            if ob.department_id is not None and department_id != ob.department_id:
                continue
            ob.done_at, ob.done_call_id, ob.done_by_id = started_at, pk, staff_id
            ob.status = _status(ob.due_at, started_at)
            closed.append(ob)
            break
    CallbackObligation.objects.bulk_update(
        closed, ["done_at", "done_call", "done_by", "status", "updated_at"], batch_size=500
    )
    return len(closed)


@transaction.atomic
def callback_create(
    *, call: CallRecord | None, staff, now: datetime, number: str = "", outcome: str = ""
) -> CallbackObligation:
    """A counsellor promises to call back (the answer needs research): due CALLBACK_ABSENT minutes of
    working time from now."""
    if call is None and not number:
        raise DomainError("required", "통화를 고르거나 전화번호를 입력해 주세요.", field="number")
    if call is not None:
        number_hash, masked = call.number_hash, call.number_masked
    else:
        number_hash, masked = number_identity(number)
        if len(number_hash) == 0 or len(masked) < 8:
            raise DomainError("invalid", "전화번호 형식이 올바르지 않습니다.", field="number")
    if call is not None and CallbackObligation.objects.filter(call=call).exists():
        raise DomainError("duplicate", "이 통화의 콜백이 이미 있습니다.", field="call")
    ctx = ImportContext()
    version_id, minutes = ctx.callback.at(now, rules.DEFAULT_CALLBACK_MINUTES)
    return CallbackObligation.objects.create(
        call=call,
        reason=CallbackObligation.Reason.RESEARCH,
        number_hash=number_hash,
        number_masked=masked,
        staff=staff,
        department_id=staff.department_id if staff else (call.department_id if call else None),
        missed_at=now,
        due_at=rules.callback_due(now, ctx.calendar, minutes),
        version_id=version_id,
        outcome=_clean(outcome),
    )


def _clean(text: str) -> str:
    text = mask_pii((text or "").strip()).text
    if len(text) > MAX_OUTCOME:
        raise DomainError("too_long", f"결과는 {MAX_OUTCOME}자 이하로 적어 주세요.", field="outcome")
    return text


@transaction.atomic
def callback_done(
    *, obligation_id: int, staff, at: datetime, now: datetime, outcome: str = ""
) -> CallbackObligation:
    """Record a call-back by hand (e.g. from a mobile phone the PBX does not see)."""
    ob = CallbackObligation.objects.select_for_update().filter(pk=obligation_id).first()
    if ob is None:
        raise DomainError("not_found", "콜백을 찾을 수 없습니다.", status=404)
    if ob.status != CallbackObligation.Status.OPEN:
        raise DomainError("closed", "이미 회신을 기록한 콜백입니다.", field="status", status=409)
    if at > now + timedelta(minutes=1):
        raise DomainError("invalid", "회신 시각이 현재보다 늦을 수 없습니다.", field="at")
    if at < ob.missed_at:
        raise DomainError("invalid", "회신 시각이 부재 중 전화보다 이를 수 없습니다.", field="at")
    ob.done_at = at
    ob.done_by = staff
    ob.by_hand = True
    ob.status = _status(ob.due_at, at)
    ob.outcome = _clean(outcome)
    ob.save()
    return ob
