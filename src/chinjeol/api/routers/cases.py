from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from chinjeol.cases import queries, services
from chinjeol.cases.models import Case
from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_email, mask_name, mask_phone
from chinjeol.organization.queries import active_department_names

router = Router(tags=["민원"])
INTAKE_ROLES = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)


class CustomerIn(Schema):
    name: str = Field(..., min_length=1, max_length=100, description="민원인 이름")
    phone: str = Field("", max_length=30, description="전화번호 (하이픈 있어도 없어도 됨)")
    email: str = Field("", max_length=254)


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
    received_at: datetime | None = Field(None, description="접수 시각 (ISO 8601, 시간대 포함). 없으면 지금")
    department: int | None = Field(None, description="담당 부서 ID. 없으면 배정 규칙에 따름")
    statutory_service: int | None = Field(None, description="법정민원의 민원처리기준표 ID")


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
    closed_at: datetime | None
    answer: str
    first_contact_resolved: bool
    customer: dict


class CaseList(Schema):
    total: int
    page: int
    page_size: int
    items: list[CaseOut]


class CaseFilter(Schema):
    status: Case.Status | None = None
    channel: Case.Channel | None = None
    kind: Case.Kind | None = None
    department: int | None = None
    overdue: bool | None = Field(None, description="true: 처리기한이 지난 처리 중 민원만")
    q: str | None = Field(None, description="접수번호 또는 제목")
    page: int = Field(1, ge=1)
    page_size: int = Field(50, ge=1, le=200)


def _department_name(case: Case) -> str | None:
    """From the loaded department, else the per-process names of active departments (no query on intake)."""
    if case.department_id is None:
        return None
    if not Case.department.is_cached(case):
        name = active_department_names().get(case.department_id)
        if name is not None:
            return name
    return case.department.name


def _out(case: Case, *, full_contact: bool) -> CaseOut:
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
        closed_at=case.closed_at,
        answer=case.answer,
        first_contact_resolved=case.first_contact_resolved,
        customer={
            "name": case.customer_name if full_contact else mask_name(case.customer_name),
            "phone": case.customer_phone if full_contact else mask_phone(case.customer_phone),
            "email": case.customer_email if full_contact else mask_email(case.customer_email),
        },
    )


@router.post("", response={201: CaseOut}, summary="민원 접수 (국민신문고 연계, 채팅 게이트웨이 등)")
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
    return Status(201, _out(case, full_contact=False))


@router.get("/{case_id}", response=CaseOut, summary="민원 한 건")
def get_case(request, case_id: int):
    if not has_role(request.auth, *queries.CASE_ROLES):
        raise PermissionDenied("민원을 볼 권한이 없습니다.")
    case = queries.get_case_for_user(request.auth, case_id)
    full = queries.can_see_customer_contact(request.auth, case)
    if full and (case.customer_phone or case.customer_email):
        personal_access_log(
            request,
            action="api",
            subject_type="case_customer",
            subject_id=str(case.pk),
            subject_label=f"{case.receipt_no} 민원인 {mask_name(case.customer_name)}",
            fields="이름, 전화, 이메일",
        )
    return _out(case, full_contact=full)


@router.get("", response=CaseList, summary="민원 목록")
def list_cases(request, filters: Query[CaseFilter]):
    if not has_role(request.auth, *queries.CASE_ROLES):
        raise PermissionDenied("민원을 볼 권한이 없습니다.")
    qs = queries.cases_for_user(request.auth)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.department:
        qs = qs.filter(department_id=filters.department)
    if filters.overdue:
        qs = qs.overdue(timezone.now())
    if filters.q:
        qs = qs.filter(receipt_no=filters.q) | qs.filter(title__contains=filters.q)
    qs = qs.order_by("-received_at", "-id")
    total = qs.count()
    start = (filters.page - 1) * filters.page_size
    items = [_out(c, full_contact=False) for c in qs[start : start + filters.page_size]]
    return {"total": total, "page": filters.page, "page_size": filters.page_size, "items": items}
