"""친절·불친절 신고 API: intake for integrations (e.g. the 국민신문고 bridge) and reading a report."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from ninja import Field, Router, Schema, Status

from chinjeol.api.idempotency import idempotent
from chinjeol.community import queries, services
from chinjeol.community.models import Report
from chinjeol.core.access import has_role
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_name

from ..types import BodyId, Day, QueryId, TimeOfDay

router = Router(tags=["친절·불친절 신고"])
INTAKE_ROLES = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)


class ReporterIn(Schema):
    name: str = Field(..., min_length=1, max_length=100, description="신고인 이름")
    phone: str = Field(
        "", max_length=30, description="신고인 전화번호 (불친절 신고는 필수: 사과 전화·보상 안내)"
    )


class ReportIn(Schema):
    kind: Report.Kind = Field(..., description="praise(칭찬) | unkind(불친절)")
    official_name: str = Field("", max_length=100, description="신고된 직원 이름 (신고인이 아는 대로)")
    department_name: str = Field("", max_length=100, description="부서 (신고인이 아는 대로)")
    department: BodyId | None = Field(None, description="부서 ID (알면)")
    body: str = Field(
        ..., min_length=1, max_length=10_000, description="있었던 일. 개인정보는 가려서 저장합니다"
    )
    occurred_on: Day | None = Field(None, description="있었던 날 (없으면 오늘)")
    occurred_time: TimeOfDay | None = Field(None, description="있었던 시각 (선택, 시간대 없이 예: 14:30)")
    reporter: ReporterIn


class OfficialOut(Schema):
    staff: int = Field(..., description="직원 ID")
    name: str
    department: str = Field(..., description="직원 소속 부서")
    responsible_department: str = Field(..., description="책임 부서 (팀이면 그 위 과)")


class ReportOut(Schema):
    id: int
    receipt_no: str = Field(..., description="접수번호 (R2026-00012)")
    kind: str
    kind_label: str
    status: str = Field(..., description="received | investigating | substantiated | unsubstantiated")
    status_label: str
    source: str
    official_name: str
    department_name: str
    body: str
    occurred_on: date
    received_at: datetime
    decided_at: datetime | None
    finding: str
    officials: list[OfficialOut]
    reporter: dict = Field(
        ..., description="신고인 {name, phone}: 고객만족 담당관·감사에게만 전체, 조회는 접속기록에 남음"
    )


class ReceiptOut(Schema):
    id: int
    receipt_no: str
    kind: str
    status: str
    received_at: datetime


@router.post("/reports", response={201: ReceiptOut}, summary="신고 접수 (국민신문고 연계 등)")
@idempotent
def create_report(request, payload: ReportIn):
    if not has_role(request.auth, *INTAKE_ROLES):
        raise PermissionDenied("신고를 등록할 권한이 없습니다.")
    intake = services.ReportIntake(
        kind=payload.kind,
        body=payload.body,
        reporter_name=payload.reporter.name,
        reporter_phone=payload.reporter.phone,
        official_name=payload.official_name,
        department_text=payload.department_name,
        department_id=payload.department,
        occurred_on=payload.occurred_on,
        occurred_time=payload.occurred_time,
        source=Report.Source.API,
    )
    report = services.report_receive(intake=intake, by=request.auth, now=timezone.now())
    return Status(
        201,
        ReceiptOut(
            id=report.pk,
            receipt_no=report.receipt_no,
            kind=report.kind,
            status=report.status,
            received_at=report.received_at,
        ),
    )


def _report_out(request, report: Report) -> ReportOut:
    if report.reporter_phone:
        personal_access_log(
            request,
            action="api",
            subject_type="kindness_reporter",
            subject_id=str(report.pk),
            subject_label=f"{report.receipt_no} 신고인 {mask_name(report.reporter_name)}",
            fields="이름, 전화",
        )
    return ReportOut(
        id=report.pk,
        receipt_no=report.receipt_no,
        kind=report.kind,
        kind_label=report.get_kind_display(),
        status=report.status,
        status_label=report.get_status_display(),
        source=report.source,
        official_name=report.official_name,
        department_name=report.department.name if report.department_id else report.department_text,
        body=report.body,
        occurred_on=report.occurred_on,
        received_at=report.received_at,
        decided_at=report.decided_at,
        finding=report.finding,
        officials=[
            OfficialOut(
                staff=o.staff_id,
                name=o.staff.name,
                department=o.staff.department.name,
                responsible_department=o.department.name,
            )
            for o in queries.report_officials(report)
        ],
        reporter={"name": report.reporter_name, "phone": report.reporter_phone},
    )


@router.get("/reports/{report_id}", response=ReportOut, summary="신고 한 건 (고객만족 담당관·감사)")
def get_report(request, report_id: QueryId):
    return _report_out(request, queries.get_report_for_user(request.auth, report_id))


# --- the investigation: the same services and permissions as the report page ---------------------------
class OfficialIn(Schema):
    staff: BodyId = Field(..., description="관련 직원 ID")


class PreventionIn(Schema):
    measure: str = Field(..., min_length=1, max_length=2000, description="재발 방지 조치")
    responsible: BodyId = Field(..., description="조치 책임 직원 ID")
    due_on: Day = Field(..., description="조치 기한")


class FindingIn(Schema):
    finding: str = Field(..., min_length=1, max_length=5000, description="조사 결과")
    prevention: PreventionIn | None = Field(None, description="불친절 신고를 인정할 때 필수")


class RejectionIn(Schema):
    finding: str = Field(..., min_length=1, max_length=5000, description="불인정 사유")


def _moderated(request, report_id: int) -> Report:
    if not has_role(request.auth, *queries.MODERATORS):
        raise PermissionDenied("신고를 조사할 권한이 없습니다.")
    return queries.get_report_for_user(request.auth, report_id)


def _reloaded(request, report_id: int) -> ReportOut:
    return _report_out(request, queries.get_report_for_user(request.auth, report_id))


@router.post("/reports/{report_id}/investigate", response=ReportOut, summary="조사 시작")
def investigate_report(request, report_id: QueryId):
    report = _moderated(request, report_id)
    services.report_investigate(report_id=report.pk, by=request.auth, now=timezone.now())
    return _reloaded(request, report_id)


@router.post("/reports/{report_id}/officials", response=ReportOut, summary="관련 직원 지정")
def add_official(request, report_id: QueryId, payload: OfficialIn):
    report = _moderated(request, report_id)
    services.report_official_add(
        report_id=report.pk, staff_id=payload.staff, by=request.auth, now=timezone.now()
    )
    return _reloaded(request, report_id)


@router.delete("/reports/{report_id}/officials/{staff_id}", response=ReportOut, summary="관련 직원에서 빼기")
def remove_official(request, report_id: QueryId, staff_id: QueryId):
    report = _moderated(request, report_id)
    services.report_official_remove(
        report_id=report.pk, staff_id=staff_id, by=request.auth, now=timezone.now()
    )
    return _reloaded(request, report_id)


@router.post(
    "/reports/{report_id}/substantiate",
    response=ReportOut,
    summary="인정 (불친절이면 감점·사과 전화·보상까지)",
)
def substantiate_report(request, report_id: QueryId, payload: FindingIn):
    report = _moderated(request, report_id)
    prevention = None
    if payload.prevention is not None:
        prevention = services.PreventionInput(
            measure=payload.prevention.measure,
            responsible_id=payload.prevention.responsible,
            due_on=payload.prevention.due_on,
        )
    services.report_substantiate(
        report_id=report.pk,
        finding=payload.finding,
        prevention=prevention,
        by=request.auth,
        now=timezone.now(),
    )
    return _reloaded(request, report_id)


@router.post("/reports/{report_id}/unsubstantiate", response=ReportOut, summary="불인정으로 종결")
def unsubstantiate_report(request, report_id: QueryId, payload: RejectionIn):
    report = _moderated(request, report_id)
    services.report_unsubstantiate(
        report_id=report.pk, finding=payload.finding, by=request.auth, now=timezone.now()
    )
    return _reloaded(request, report_id)
