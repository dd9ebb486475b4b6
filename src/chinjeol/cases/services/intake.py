"""Receiving a case: the intake's checks, its deadlines and its receipt notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction

from chinjeol.charter import queries as charter_queries
from chinjeol.charter import rules as charter_rules
from chinjeol.charter.calendar import format_dt_ko
from chinjeol.charter.models import StatutoryService
from chinjeol.core.errors import DomainError
from chinjeol.core.phones import phone_or_blank
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Department

from ..models import Case, CaseEvent
from .common import _agency_name, _insert, _next_receipt_no, _notify_customer, _route

Status = Case.Status


@dataclass
class CaseIntake:
    channel: str
    kind: str
    title: str
    body: str
    customer_name: str
    customer_phone: str = ""
    customer_email: str = ""
    received_at: datetime | None = None
    department_id: int | None = None
    statutory_service_id: int | None = None


def _validate(intake: CaseIntake) -> None:
    if intake.channel not in Case.Channel.values:
        raise DomainError("invalid", f"알 수 없는 접수 경로입니다: {intake.channel}", field="channel")
    if intake.kind not in Case.Kind.values:
        raise DomainError("invalid", f"알 수 없는 민원 종류입니다: {intake.kind}", field="kind")
    if not intake.title.strip():
        raise DomainError("required", "제목을 입력하세요.", field="title")
    if len(intake.title) > 200:
        raise DomainError("too_long", "제목은 200자 이하로 입력하세요.", field="title")
    if not intake.body.strip():
        raise DomainError("required", "내용을 입력하세요.", field="body")
    if len(intake.body) > 20_000:
        raise DomainError("too_long", "내용은 20,000자 이하로 입력하세요.", field="body")
    if not intake.customer_name.strip():
        raise DomainError("required", "민원인 이름을 입력하세요.", field="customer.name")
    if intake.kind == Case.Kind.STATUTORY and not intake.statutory_service_id:
        raise DomainError(
            "required", "법정민원은 민원처리기준표의 사무를 골라야 합니다.", field="statutory_service"
        )


@transaction.atomic
def case_register(*, intake: CaseIntake, by=None, now: datetime) -> Case:
    _validate(intake)
    received_at = intake.received_at or now
    if received_at > now + timedelta(minutes=5):
        raise DomainError("future", "접수 시각은 현재보다 늦을 수 없습니다.", field="received_at")
    phone = phone_or_blank(intake.customer_phone, field="customer.phone")
    statutory_days = None
    if intake.statutory_service_id:
        service = StatutoryService.objects.filter(pk=intake.statutory_service_id, is_active=True).first()
        if service is None:
            raise DomainError("invalid", "민원처리기준표에 없는 사무입니다.", field="statutory_service")
        statutory_days = service.period
    department_id = intake.department_id or _route(intake)
    if (
        intake.department_id
        and not Department.objects.filter(pk=intake.department_id, is_active=True).exists()
    ):
        raise DomainError("invalid", "없는 부서입니다.", field="department")

    calendar = charter_queries.calendar_for()
    promise_version = charter_queries.promises_at(received_at).get(intake.channel)
    legal, promise, binding = charter_rules.binding_deadline(
        received_at,
        kind=intake.kind,
        channel=intake.channel,
        calendar=calendar,
        charter_days=promise_version.days if promise_version else None,
        statutory_days=statutory_days,
    )
    case = Case(
        receipt_no=_next_receipt_no(received_at.astimezone(calendar.tz).year),
        channel=intake.channel,
        kind=intake.kind,
        title=mask_pii(intake.title.strip()).text,
        body=mask_pii(intake.body.strip()).text,
        customer_name=intake.customer_name.strip()[:100],
        customer_phone=phone,
        customer_email=intake.customer_email.strip(),
        department_id=department_id,
        received_at=received_at,
        counted_from=legal.counted_from or received_at,
        legal_due_at=legal.due_at,
        promise_due_at=promise.due_at if promise else None,
        promise_version=promise_version if promise else None,
        due_at=binding.due_at,
        deadline_rule=binding.rule,
        statutory_service_id=intake.statutory_service_id,
        created_by=by,
    )
    _insert(case)
    _insert(
        CaseEvent(
            case=case,
            kind=CaseEvent.Kind.RECEIVED,
            actor=by,
            at=now,
            note=f"{case.get_channel_display()} 접수",
            from_status="",
            to_status=Status.RECEIVED,
        )
    )
    if intake.channel in (
        Case.Channel.WEB,
        Case.Channel.EPEOPLE,
        Case.Channel.DISCLOSURE,
        Case.Channel.EMAIL,
    ):
        _notify_customer(
            case,
            "received",
            f"[{_agency_name()}] 민원 접수 안내 ({case.receipt_no})",
            "notify/received.txt",
            {"due": format_dt_ko(case.due_at)},
            now,
        )
    return case
