"""The happy-call of a closed case: scheduled SMS, the answer (by link or by phone), the catch-call."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import transaction

from chinjeol.cases.models import Case, CaseEvent
from chinjeol.charter import queries as charter_queries
from chinjeol.core.errors import DomainError
from chinjeol.core.workflow import locked
from chinjeol.korean.pii import mask_pii

from .. import conf, notices, rules
from ..models import HappyCall

ITEM_CODE = "survey"  # the kindness item happy-call answers feed (고객만족도 조사)
SOURCE_TYPE = "happy_call"


def _calendar(moment: datetime):
    return charter_queries.calendar_for([moment.year, moment.year + 1])


def happy_call_schedule(case: Case, now: datetime) -> HappyCall | None:
    """The case-closed hook: a happy-call with a one-time link and its SMS held until the next business day
    at 10:00. Nothing for a case without a way to reach the customer, or one already surveyed."""
    if not (case.customer_phone or case.customer_email) or HappyCall.objects.filter(case=case).exists():
        return None
    send_at = rules.happy_call_send_at(now, _calendar(now), conf.happy_call_time())
    call = HappyCall.objects.create(
        case=case,
        token=secrets.token_urlsafe(18),
        send_at=send_at,
        expires_at=rules.link_expires_at(send_at),
    )
    call.message = notices.queue_happy_call(call, now=now)
    call.save(update_fields=["message"])
    return call


def _locked(call_id: int) -> HappyCall:
    return locked(
        HappyCall, call_id, related=("case", "case__assignee"), missing="해피콜을 찾을 수 없습니다."
    )


def _scores(scores: dict) -> dict[str, int]:
    out = {}
    for field, question in rules.HAPPY_QUESTIONS:
        try:
            out[field] = rules.check_score(scores.get(field), "만족도")
        except ValueError as error:
            raise DomainError("invalid", f"‘{question}’: {error}", field=field) from None
    return out


@transaction.atomic
def happy_call_answer(
    *, call_id: int, scores: dict, comment: str, via: str, now: datetime, by=None, token: str | None = None
) -> HappyCall:
    """The customer's answer: by the link (once, until it expires), or entered by the happy-call team."""
    call = _locked(call_id)
    if token is not None and call.token != token:
        raise DomainError("not_found", "조사 링크가 맞지 않습니다.", status=404)
    if call.status == HappyCall.Status.ANSWERED:
        raise DomainError("duplicate", "이미 답해 주셨습니다. 고맙습니다.")
    if via == HappyCall.Via.LINK and (
        call.expires_at is None or not rules.link_open(expires_at=call.expires_at, answered=False, now=now)
    ):
        raise DomainError("expired", "조사 기간(14일)이 지나 더 이상 답할 수 없습니다. 고맙습니다.")
    values = _scores(scores)
    for field, value in values.items():
        setattr(call, field, value)
    call.comment = mask_pii((comment or "").strip()).text[:2000]
    call.status = HappyCall.Status.ANSWERED
    call.answered_at = now
    call.answered_via = via
    call.entered_by = by if via == HappyCall.Via.PHONE else None
    call.dissatisfied = rules.is_dissatisfied(call.scores)
    if call.dissatisfied:
        call.catch_due_at = rules.catch_call_due(now, _calendar(now))
    call.save()
    case = call.case
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.HAPPY_CALL, actor=by, at=now, note=f"만족도 {call.score}점"
    )
    if case.assignee_id:
        from chinjeol.kindness import rules as kindness_rules
        from chinjeol.kindness.services import mileage_record

        mileage_record(
            staff=case.assignee,
            item_code=ITEM_CODE,
            occurred_at=now,
            source_type=SOURCE_TYPE,
            source_id=call.pk,
            points=kindness_rules.happy_call_points(values["score"]),
            source_label=f"해피콜 만족도 {call.score}점 ({case.receipt_no})",
        )
    return call


@transaction.atomic
def happy_call_unreachable(*, call_id: int, by, now: datetime) -> HappyCall:
    """The happy-call team could not reach the customer (or they declined): off the phone list."""
    call = _locked(call_id)
    if call.status != HappyCall.Status.WAITING:
        raise DomainError("state", "응답을 기다리는 해피콜이 아닙니다.")
    call.status = HappyCall.Status.UNREACHABLE
    call.entered_by = by
    call.save(update_fields=["status", "entered_by"])
    return call


@transaction.atomic
def catch_call_done(*, call_id: int, note: str, by, now: datetime) -> HappyCall:
    """The department head called the dissatisfied customer back (불만 해소 전화)."""
    call = _locked(call_id)
    if not call.dissatisfied or call.catch_done_at is not None:
        raise DomainError("state", "불만 해소 전화를 기다리는 해피콜이 아닙니다.")
    if len((note or "").strip()) < 5:
        raise DomainError("required", "통화 결과를 5자 이상 적어 주세요.", field="note")
    call.catch_done_at = now
    call.catch_note = mask_pii(note.strip()).text[:2000]
    call.catch_by = by
    call.save(update_fields=["catch_done_at", "catch_note", "catch_by"])
    CaseEvent.objects.create(
        case=call.case,
        kind=CaseEvent.Kind.NOTE,
        actor=by,
        at=now,
        note="해피콜 불만 해소 전화: " + call.catch_note,
    )
    return call
