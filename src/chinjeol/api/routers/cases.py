from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from chinjeol.api.idempotency import idempotent
from chinjeol.cases import queries, services, workflow
from chinjeol.cases.contact import Contact, case_contact_for, masked_contact
from chinjeol.cases.models import Case
from chinjeol.charter.rules import case_deadlines
from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.organization.queries import active_department_names

from ..pagination import PageNumbers, Rows, paginated
from ..types import BodyId, Email, Moment, QueryId

router = Router(tags=["민원"])
INTAKE_ROLES = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)


class CustomerIn(Schema):
    name: str = Field(..., min_length=1, max_length=100, description="민원인 이름")
    phone: str = Field("", max_length=30, description="전화번호 (하이픈 있어도 없어도 됨)")
    email: Email = Field("", description="이메일 (형식 확인)")


class CaseIn(Schema):
    channel: Case.Channel = Field(
        ..., description="web|phone|visit|mail|fax|epeople|disclosure|sms|chat|email"
    )
    kind: Case.Kind = Field(
        ..., description="inquiry_law|inquiry|suggestion|grievance|other|statutory|disclosure|praise|unkind"
    )
    title: str = Field(..., min_length=1, max_length=200)
    body: str = Field(..., min_length=1, max_length=20_000)
    customer: CustomerIn
    received_at: Moment | None = Field(
        None, description="접수 시각 (ISO 8601, 시간대 포함, 2000~2100년). 없으면 지금"
    )
    department: BodyId | None = Field(None, description="담당 부서 ID. 없으면 배정 규칙에 따름")
    statutory_service: BodyId | None = Field(None, description="법정민원의 민원처리기준표 ID")


class CaseDeadlineOut(Schema):
    which: str = Field(..., description="binding(처리기한)|legal(법정 처리기한)|promise(헌장 약속 기한)")
    label: str
    due_at: datetime
    calendar: str = Field(
        ..., description="law: 토요일·공휴일만 제외(민원처리법 제19조) | agency: 기관 휴무일·추가 근무일 반영"
    )
    calendar_label: str


class CaseOut(Schema):
    id: int
    receipt_no: str
    status: str
    status_label: str
    channel: str
    kind: str
    title: str
    body: str
    department: int | None
    department_name: str | None
    assignee: int | None
    received_at: datetime
    due_at: datetime
    legal_due_at: datetime
    promise_due_at: datetime | None
    deadline_rule: str
    deadlines: list[CaseDeadlineOut] = Field(..., description="기한마다 계산에 쓴 달력")
    closed_at: datetime | None
    answer: str
    first_contact_resolved: bool
    customer: dict


class NoticeOut(Schema):
    kind: str = Field(..., description="received|interim|extension|transfer|result|reminder|happy_call")
    kind_label: str
    channel: str
    status: str = Field(..., description="queued(대기)|sent(발송)|failed(실패)")
    send_at: datetime | None = Field(None, description="보낼 (다시 시도할) 시각")
    sent_at: datetime | None


class EventOut(Schema):
    kind: str
    kind_label: str
    at: datetime
    from_status: str
    to_status: str
    note: str


class CaseDetailOut(CaseOut):
    notices: list[NoticeOut]
    events: list[EventOut]


class CaseFilter(Schema):
    status: Case.Status | None = None
    channel: Case.Channel | None = None
    kind: Case.Kind | None = None
    department: QueryId | None = None
    overdue: bool | None = Field(None, description="true: 처리기한이 지난 처리 중 민원만")
    q: str | None = Field(
        None,
        max_length=200,
        description="접수번호(또는 끝자리), 민원인 이름, 전화번호(전체 또는 뒤 4자리), 제목·내용의 낱말",
    )


def _department_name(case: Case) -> str | None:
    """From the loaded department, else the per-process names of active departments (no query on intake)."""
    if case.department_id is None:
        return None
    if not Case.department.is_cached(case):
        name = active_department_names().get(case.department_id)
        if name is not None:
            return name
    return case.department.name


def _out(case: Case, contact: Contact | None = None) -> CaseOut:
    contact = contact or masked_contact(case)
    return CaseOut(
        id=case.pk,
        receipt_no=case.receipt_no,
        status=case.status,
        status_label=case.get_status_display(),
        channel=case.channel,
        kind=case.kind,
        title=case.title,
        body=case.body,
        department=case.department_id,
        department_name=_department_name(case),
        assignee=case.assignee_id,
        received_at=case.received_at,
        due_at=case.due_at,
        legal_due_at=case.legal_due_at,
        promise_due_at=case.promise_due_at,
        deadline_rule=case.deadline_rule,
        deadlines=[
            CaseDeadlineOut(**row._asdict())
            for row in case_deadlines(
                legal_due_at=case.legal_due_at,
                promise_due_at=case.promise_due_at,
                due_at=case.due_at,
                extensions=case.extensions,
            )
        ],
        closed_at=case.closed_at,
        answer=case.answer,
        first_contact_resolved=case.first_contact_resolved,
        customer=contact.as_dict(),
    )


@router.post("", response={201: CaseOut}, summary="민원 접수 (국민신문고 연계, 채팅 게이트웨이 등)")
@idempotent
def create_case(request, payload: CaseIn):
    if not has_role(request.auth, *INTAKE_ROLES):
        raise PermissionDenied("민원을 접수할 권한이 없습니다.")
    if payload.received_at is not None and timezone.is_naive(payload.received_at):
        raise DomainError(
            "invalid",
            "received_at에 시간대를 넣어 주세요 (예: 2026-11-23T09:30:00+09:00).",
            field="received_at",
        )
    intake = services.CaseIntake(
        channel=payload.channel,
        kind=payload.kind,
        title=payload.title,
        body=payload.body,
        customer_name=payload.customer.name,
        customer_phone=payload.customer.phone,
        customer_email=payload.customer.email,
        received_at=payload.received_at,
        department_id=payload.department,
        statutory_service_id=payload.statutory_service,
    )
    case = services.case_register(intake=intake, by=request.auth, now=timezone.now())
    return Status(201, _out(case))


def _detail(request, case: Case) -> CaseDetailOut:
    now = timezone.now()
    base = _out(case, case_contact_for(request, case, user=request.auth, action="api"))
    notices = [
        NoticeOut(
            kind=m.kind,
            kind_label=m.kind_label,
            channel=m.channel,
            status=m.notice_status(now),
            send_at=m.next_attempt_at if m.status == m.Status.QUEUED else m.created_at,
            sent_at=m.sent_at,
        )
        for m in queries.case_notices(case)
    ]
    events = [
        EventOut(
            kind=e.kind,
            kind_label=e.get_kind_display(),
            at=e.at,
            from_status=e.from_status,
            to_status=e.to_status,
            note=e.note,
        )
        for e in queries.case_events(case)
    ]
    return CaseDetailOut(**base.dict(), notices=notices, events=events)


@router.get("/{case_id}", response=CaseDetailOut, summary="민원 한 건 (통지·처리 기록 포함)")
def get_case(request, case_id: QueryId):
    if not has_role(request.auth, *queries.CASE_ROLES):
        raise PermissionDenied("민원을 볼 권한이 없습니다.")
    return _detail(request, queries.get_case_for_user(request.auth, case_id))


@router.get("", response=list[CaseOut], summary="민원 목록")
@paginated(PageNumbers, size=50, max_size=200)
def list_cases(request, filters: Query[CaseFilter]):
    if not has_role(request.auth, *queries.CASE_ROLES):
        raise PermissionDenied("민원을 볼 권한이 없습니다.")
    cases = queries.case_list(
        queries.cases_for_user(request.auth),
        status=filters.status,
        channel=filters.channel,
        kind=filters.kind,
        department=filters.department,
        overdue_at=timezone.now() if filters.overdue else None,
        q=filters.q,
    )
    return Rows(cases, _out)


# --- workflow steps: the same rules and permissions as the case page (cases.workflow) ----------------
class AssignIn(Schema):
    assignee: BodyId = Field(..., description="담당 직원 ID")


class InterimIn(Schema):
    progress: str = Field(..., min_length=1, max_length=2000, description="진행 상황")
    expected_at: Moment = Field(..., description="처리 예정 일시 (시간대 포함)")


class ExtendIn(Schema):
    days: int = Field(..., ge=1, le=60, description="연장 일수")
    reason: str = Field(..., min_length=1, max_length=500)
    customer_consent: bool = Field(False, description="민원인 동의 (두 번째 연장은 필수)")


class TransferIn(Schema):
    reason: str = Field(..., min_length=1, max_length=500)
    department: BodyId | None = Field(None, description="기관 안 다른 부서 ID")
    agency: str = Field("", max_length=100, description="또는 다른 기관 이름")


class WithdrawIn(Schema):
    reason: str = Field("", max_length=500)


class AnswerIn(Schema):
    answer: str = Field(..., min_length=1, max_length=20_000, description="답변 (결과 통지로 보냅니다)")


def _step(request, case_id: int, step: str, data: dict) -> CaseDetailOut:
    case = workflow.case_step(user=request.auth, case_id=case_id, step=step, data=data, now=timezone.now())
    return _detail(request, case)


def _aware(value: datetime, field: str) -> datetime:
    if timezone.is_naive(value):
        raise DomainError(
            "invalid", f"{field}에 시간대를 넣어 주세요 (예: 2026-11-23T09:30:00+09:00).", field=field
        )
    return value


@router.post("/{case_id}/assign", response=CaseDetailOut, summary="담당자 배정")
def assign_case(request, case_id: QueryId, payload: AssignIn):
    return _step(request, case_id, "assign", {"staff_id": payload.assignee})


@router.post("/{case_id}/start", response=CaseDetailOut, summary="처리 시작")
def start_case(request, case_id: QueryId):
    return _step(request, case_id, "start", {})


@router.post("/{case_id}/interim", response=CaseDetailOut, summary="중간통지")
def interim_notice(request, case_id: QueryId, payload: InterimIn):
    expected = _aware(payload.expected_at, "expected_at")
    return _step(request, case_id, "interim", {"progress": payload.progress, "expected_at": expected})


@router.post("/{case_id}/extend", response=CaseDetailOut, summary="처리기한 연장 (부서장)")
def extend_case(request, case_id: QueryId, payload: ExtendIn):
    return _step(request, case_id, "extend", payload.dict())


@router.post("/{case_id}/transfer", response=CaseDetailOut, summary="이송 (기관 안 부서 또는 다른 기관)")
def transfer_case(request, case_id: QueryId, payload: TransferIn):
    data = {"reason": payload.reason, "department_id": payload.department, "agency": payload.agency}
    return _step(request, case_id, "transfer", data)


@router.post("/{case_id}/withdraw", response=CaseDetailOut, summary="취하")
def withdraw_case(request, case_id: QueryId, payload: WithdrawIn):
    return _step(request, case_id, "withdraw", {"reason": payload.reason})


@router.post("/{case_id}/answer", response=CaseDetailOut, summary="답변하고 완료 (결과 통지)")
def answer_case(request, case_id: QueryId, payload: AnswerIn):
    return _step(request, case_id, "close", {"answer": payload.answer})
