"""The workflow steps on a case: assign, start, transfer, withdraw, interim notice, extension, answer."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from chinjeol.charter import queries as charter_queries
from chinjeol.charter import rules as charter_rules
from chinjeol.charter.calendar import format_dt_ko
from chinjeol.core.errors import DomainError
from chinjeol.core.workflow import locked, transition
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Department, Staff

from .. import hooks, rules
from ..models import Case, CaseEvent
from .common import _agency_name, _event, _notify_customer, handler_of

Status = Case.Status


def _locked(case_id: int) -> Case:
    return locked(
        Case, case_id, related=("assignee__department", "department"), missing="민원을 찾을 수 없습니다."
    )


def _move(case: Case, target: str) -> str:
    return transition(case, target, problem=rules.transition_error)


@transaction.atomic
def case_assign(*, case_id: int, staff_id: int, by, now: datetime) -> Case:
    case = _locked(case_id)
    staff = Staff.objects.select_related("department").filter(pk=staff_id, is_active=True).first()
    if staff is None:
        raise DomainError("invalid", "재직 중인 직원을 골라 주세요.", field="staff")
    before = _move(case, Status.ASSIGNED if case.status == Status.RECEIVED else case.status)
    case.assignee = staff
    case.department = staff.department
    case.save(update_fields=["assignee", "department", "status", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.ASSIGNED,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note=f"{staff.department.name} {staff.name}에게 배정",
    )
    return case


@transaction.atomic
def case_start(*, case_id: int, by, now: datetime) -> Case:
    case = _locked(case_id)
    if case.assignee_id is None:
        raise DomainError("state", "담당자를 먼저 배정하세요.", field="staff")
    before = _move(case, Status.IN_PROGRESS)
    case.save(update_fields=["status", "updated_at"])
    _event(case, CaseEvent.Kind.STARTED, by=by, at=now, before=before, after=case.status)
    return case


@transaction.atomic
def case_transfer(
    *, case_id: int, reason: str, by, now: datetime, department_id: int | None = None, agency: str = ""
) -> Case:
    """이송: to another department of the agency, or to another agency (which ends the case here)."""
    case = _locked(case_id)
    if not reason.strip():
        raise DomainError("required", "이송 사유를 적어 주세요.", field="reason")
    if bool(department_id) == bool(agency.strip()):
        raise DomainError("required", "이송할 부서 또는 기관 중 하나를 정하세요.", field="department")
    if department_id:
        department = Department.objects.filter(pk=department_id, is_active=True).first()
        if department is None:
            raise DomainError("invalid", "없는 부서입니다.", field="department")
        if department.pk == case.department_id:
            raise DomainError("invalid", "지금 담당 부서와 같은 부서입니다.", field="department")
        if not case.is_open:
            raise DomainError("state", rules.transition_error(case.status, Status.TRANSFERRED) or "")
        before, case.status = case.status, Status.RECEIVED
        case.department, case.assignee = department, None
        case.save(update_fields=["department", "assignee", "status", "updated_at"])
        _event(
            case,
            CaseEvent.Kind.TRANSFERRED,
            by=by,
            at=now,
            before=before,
            after=case.status,
            note=f"{department.name}(으)로 이송: {reason.strip()}",
        )
        return case
    before = _move(case, Status.TRANSFERRED)
    case.transferred_to = agency.strip()[:100]
    case.closed_at = now
    case.save(update_fields=["status", "transferred_to", "closed_at", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.TRANSFERRED,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note=f"{case.transferred_to}(으)로 이송: {reason.strip()}",
    )
    _notify_customer(
        case,
        "transfer",
        f"[{_agency_name()}] 민원 이송 안내 ({case.receipt_no})",
        "notify/transfer.txt",
        {"to": case.transferred_to, "reason": reason.strip(), "handler": handler_of(case)},
        now,
    )
    return case


@transaction.atomic
def case_withdraw(*, case_id: int, reason: str, by, now: datetime) -> Case:
    case = _locked(case_id)
    before = _move(case, Status.WITHDRAWN)
    case.closed_at = now
    case.save(update_fields=["status", "closed_at", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.WITHDRAWN,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note=reason.strip() or "민원인 요청으로 취하",
    )
    return case


def _require_handler(case: Case) -> dict:
    handler = handler_of(case)
    if not (handler["department"] and handler["name"] and handler["contact"]):
        raise DomainError(
            "handler",
            "통지에는 담당자의 부서·이름·연락처가 있어야 합니다. 담당자를 배정하고 내선번호를 확인하세요.",
        )
    return handler


@transaction.atomic
def case_interim_notice(*, case_id: int, progress: str, expected_at: datetime, by, now: datetime) -> Case:
    """중간통지 [C7]: progress and the new expected date, before the deadline passes."""
    case = _locked(case_id)
    if not case.is_open:
        raise DomainError("state", "처리 중인 민원에만 중간통지를 보낼 수 있습니다.")
    if not progress.strip():
        raise DomainError("required", "진행 상황을 적어 주세요.", field="progress")
    if expected_at <= now:
        raise DomainError("invalid", "처리 예정일은 지금보다 뒤여야 합니다.", field="expected_at")
    handler = _require_handler(case)
    case.interim_last_at = now
    case.save(update_fields=["interim_last_at", "updated_at"])
    expected = format_dt_ko(expected_at)
    _event(case, CaseEvent.Kind.INTERIM, by=by, at=now, note=f"{progress.strip()} (예정 {expected})")
    _notify_customer(
        case,
        "interim",
        f"[{_agency_name()}] 민원 처리 중간 안내 ({case.receipt_no})",
        "notify/interim.txt",
        {"progress": progress.strip(), "expected": expected, "handler": handler},
        now,
    )
    return case


@transaction.atomic
def case_extend(*, case_id: int, days: int, reason: str, customer_consent: bool, by, now: datetime) -> Case:
    """기한 연장 (시행령 제21조), approved by the department head or the CS officer, with notice."""
    case = _locked(case_id)
    if not case.is_open:
        raise DomainError("state", "처리 중인 민원만 연장할 수 있습니다.")
    if not reason.strip():
        raise DomainError("required", "연장 사유를 적어 주세요.", field="reason")
    service, promise = case.statutory_service, case.promise_version
    statutory_days = service.period if service is not None else None
    original = charter_rules.legal_period(case.kind, statutory_days=statutory_days)
    if promise is not None and promise.days is not None and case.due_at == case.promise_due_at:
        original = charter_rules.Period.of_days(promise.days)
    calendar = charter_queries.calendar_for()
    try:
        extended = charter_rules.extension_due(
            case.due_at,
            original,
            calendar,
            extension_no=case.extensions + 1,
            days=days,
            customer_consent=customer_consent,
            requested_at=now,
            kind=case.kind,
        )
    except charter_rules.ExtensionError as exc:
        raise DomainError("extension", str(exc), field="days") from None
    handler = _require_handler(case)
    case.due_at = extended.due_at
    case.extensions += 1
    case.deadline_rule = f"{case.deadline_rule}\n{extended.rule}"
    case.save(update_fields=["due_at", "extensions", "deadline_rule", "updated_at"])
    _event(case, CaseEvent.Kind.EXTENDED, by=by, at=now, note=f"{extended.rule} · 사유: {reason.strip()}")
    _notify_customer(
        case,
        "extension",
        f"[{_agency_name()}] 민원 처리기간 연장 안내 ({case.receipt_no})",
        "notify/extension.txt",
        {"reason": reason.strip(), "new_due": format_dt_ko(case.due_at), "handler": handler},
        now,
    )
    return case


@transaction.atomic
def case_close(*, case_id: int, answer: str, by, now: datetime, first_contact: bool = False) -> Case:
    """결과통지 [C8]: the answer with the handler's department, name and contact; refused otherwise."""
    case = _locked(case_id)
    if len(answer.strip()) < 10:
        raise DomainError("required", "답변을 10자 이상 구체적으로 적어 주세요.", field="answer")
    handler = _require_handler(case)
    before = _move(case, Status.CLOSED)
    case.answer = mask_pii(answer.strip()).text
    case.closed_at = now
    case.first_contact_resolved = first_contact
    case.save(update_fields=["answer", "closed_at", "status", "first_contact_resolved", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.CLOSED,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note="첫 접촉에서 해결" if first_contact else "결과 통지",
    )
    _notify_customer(
        case,
        "result",
        f"[{_agency_name()}] 민원 처리 결과 ({case.receipt_no})",
        "notify/result.txt",
        {"handler": handler},
        now,
    )
    hooks.case_closed(case, now)
    return case
