"""친절·불친절 신고: intake from the public form, a 민원 case or an integration, and the CS officer's
investigation. Each service is one transaction that appends its event rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from chinjeol.core.counters import next_number
from chinjeol.core.errors import DomainError, NotFound
from chinjeol.core.phones import phone_or_blank
from chinjeol.core.workflow import locked, transition
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Department, Staff

from .. import rules
from ..models import Evidence, Report, ReportCounter, ReportEvent, ReportOfficial
from . import consequences, org

MAX_BODY = 10_000
Status = Report.Status


@dataclass
class ReportIntake:
    kind: str
    body: str
    reporter_name: str
    reporter_phone: str = ""
    official_name: str = ""
    department_text: str = ""
    department_id: int | None = None
    occurred_on: date | None = None
    occurred_time: time | None = None
    source: str = Report.Source.WEB
    consent: bool = False


def _next_receipt_no(year: int) -> str:
    return rules.format_receipt_no(year, next_number(ReportCounter, year))


_event = ReportEvent.record  # append one event on the report


def _validate(intake: ReportIntake, today: date) -> str:
    """Check the intake; returns the normalised phone number."""
    if intake.kind not in Report.Kind.values:
        raise DomainError("invalid", "신고 구분은 칭찬 또는 불친절이어야 합니다.", field="kind")
    if intake.source not in Report.Source.values:
        raise DomainError("invalid", "알 수 없는 접수 경로입니다.", field="source")
    if not intake.body.strip():
        raise DomainError("required", "있었던 일을 적어 주세요.", field="body")
    if len(intake.body) > MAX_BODY:
        raise DomainError("too_long", f"내용은 {MAX_BODY:,}자 이하로 적어 주세요.", field="body")
    if not intake.reporter_name.strip():
        raise DomainError("required", "신고하시는 분의 이름을 적어 주세요.", field="reporter.name")
    if len(intake.official_name) > 100 or len(intake.department_text) > 100:
        raise DomainError("too_long", "직원 이름과 부서는 100자 이하로 적어 주세요.", field="official_name")
    phone = phone_or_blank(intake.reporter_phone, field="reporter.phone")
    if not phone and intake.kind == Report.Kind.UNKIND:
        raise DomainError(
            "required",
            "불친절 신고는 부서장의 사과 전화와 보상 안내를 위해 연락처가 필요합니다.",
            field="reporter.phone",
        )
    if intake.occurred_on and intake.occurred_on > today:
        raise DomainError("future", "있었던 날은 오늘보다 늦을 수 없습니다.", field="occurred_on")
    if intake.source == Report.Source.WEB and not intake.consent:
        raise DomainError("consent", "개인정보 수집·이용에 동의해 주세요.", field="consent")
    if (
        intake.department_id
        and not Department.objects.filter(pk=intake.department_id, is_active=True).exists()
    ):
        raise DomainError("invalid", "선택한 부서를 찾을 수 없습니다.", field="department")
    return phone


@transaction.atomic
def report_receive(*, intake: ReportIntake, by=None, now: datetime, case=None) -> Report:
    """Register a report and give it a receipt number. Free text is masked before it is stored."""
    local = timezone.localtime(now)
    phone = _validate(intake, local.date())
    report = Report.objects.create(
        receipt_no=_next_receipt_no(local.year),
        kind=intake.kind,
        source=intake.source,
        official_name=intake.official_name.strip(),
        department_text=intake.department_text.strip(),
        department_id=intake.department_id or None,
        body=mask_pii(intake.body.strip()).text,
        occurred_on=intake.occurred_on or local.date(),
        occurred_time=intake.occurred_time,
        reporter_name=intake.reporter_name.strip(),
        reporter_phone=phone,
        consent_at=now if intake.consent else None,
        received_at=now,
        case=case,
        created_by=by,
    )
    _event(
        report,
        ReportEvent.Kind.RECEIVED,
        by=by,
        at=now,
        after=Status.RECEIVED,
        note=report.get_source_display(),
    )
    return report


@transaction.atomic
def report_from_case(
    *, case_id: int, by, now: datetime, official_name: str = "", department_text: str = ""
) -> Report:
    """Open a report from a 민원 case of kind praise or unkind (one report per case)."""
    from chinjeol.cases.models import Case

    try:
        case = Case.objects.select_for_update().get(pk=case_id)
    except Case.DoesNotExist as exc:
        raise NotFound("민원을 찾을 수 없습니다.") from exc
    if case.kind not in (Case.Kind.PRAISE, Case.Kind.UNKIND):
        raise DomainError("kind", "칭찬 또는 불친절 신고 민원만 신고센터로 넘길 수 있습니다.")
    if Report.objects.filter(case=case).exists():
        raise DomainError("duplicate", "이 민원은 이미 신고센터에 등록되어 있습니다.")
    received = timezone.localtime(case.received_at)
    intake = ReportIntake(
        kind=Report.Kind.PRAISE if case.kind == Case.Kind.PRAISE else Report.Kind.UNKIND,
        body=f"[{case.receipt_no}] {case.title}\n\n{case.body}",
        reporter_name=case.customer_name,
        reporter_phone=case.customer_phone,
        official_name=official_name,
        department_text=department_text,
        occurred_on=min(received.date(), timezone.localtime(now).date()),
        source=Report.Source.CASE,
        consent=True,  # given when the case was filed
    )
    report = report_receive(intake=intake, by=by, now=now, case=case)
    report.consent_at = case.received_at
    report.save(update_fields=["consent_at", "updated_at"])
    return report


def _locked(report_id: int) -> Report:
    return locked(Report, report_id, missing="신고를 찾을 수 없습니다.")


def _move(report: Report, target: str) -> str:
    return transition(report, target, problem=rules.report_transition_problem)


@transaction.atomic
def report_investigate(*, report_id: int, by, now: datetime) -> Report:
    """접수 → 조사 (or 불인정 → 조사 again when new evidence arrives)."""
    report = _locked(report_id)
    before = _move(report, Status.INVESTIGATING)
    report.save(update_fields=["status", "updated_at"])
    kind = ReportEvent.Kind.REOPENED if before == Status.UNSUBSTANTIATED else ReportEvent.Kind.INVESTIGATION
    _event(report, kind, by=by, at=now, before=before, after=report.status)
    return report


def _require_open(report: Report, what: str) -> None:
    if not report.is_open:
        raise DomainError("state", f"'{report.get_status_display()}' 상태인 신고에는 {what} 수 없습니다.")


@transaction.atomic
def report_evidence_add(*, report_id: int, by, now: datetime, note: str = "", upload=None) -> Evidence:
    """Add a note and/or a file (pdf, jpg, png, hwp, docx; size-limited) to the investigation."""
    report = _locked(report_id)
    _require_open(report, "증거를 추가할")
    note = mask_pii(note.strip()).text
    if not note and upload is None:
        raise DomainError("required", "메모를 적거나 파일을 골라 주세요.", field="note")
    evidence = Evidence(report=report, note=note, added_at=now, added_by=by)
    if upload is not None:
        head = upload.read(16)
        upload.seek(0)
        problem = rules.evidence_file_problem(upload.name, upload.size, head)
        if problem:
            raise DomainError("file", problem, field="file")
        evidence.original_name = upload.name[-200:]
        evidence.size = upload.size
        evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    label = evidence.original_name or "메모"
    _event(report, ReportEvent.Kind.EVIDENCE, by=by, at=now, note=f"{label}: {note}" if note else label)
    return evidence


@transaction.atomic
def report_official_add(*, report_id: int, staff_id: int, by, now: datetime) -> ReportOfficial:
    report = _locked(report_id)
    if report.status != Status.INVESTIGATING:
        raise DomainError("state", "조사를 시작한 뒤에 관련 직원을 지정할 수 있습니다.")
    staff = Staff.objects.select_related("department").filter(pk=staff_id).first()
    if staff is None:
        raise NotFound("직원을 찾을 수 없습니다.", field="staff")
    if not staff.is_active:
        raise DomainError("inactive", "재직 중인 직원만 지정할 수 있습니다.", field="staff")
    if ReportOfficial.objects.filter(report=report, staff=staff).exists():
        raise DomainError("duplicate", f"{staff.name} 직원은 이미 지정되어 있습니다.", field="staff")
    department = org.responsible_department(staff)
    official = ReportOfficial.objects.create(
        report=report, staff=staff, department=department, added_at=now, added_by=by
    )
    _event(
        report,
        ReportEvent.Kind.OFFICIAL_ADDED,
        by=by,
        at=now,
        note=f"{staff.name} ({staff.department.name}) · 책임 부서 {department.name}",
    )
    return official


@transaction.atomic
def report_official_remove(*, report_id: int, staff_id: int, by, now: datetime) -> None:
    report = _locked(report_id)
    if report.status != Status.INVESTIGATING:
        raise DomainError("state", "조사 중인 신고에서만 관련 직원을 뺄 수 있습니다.")
    official = ReportOfficial.objects.select_related("staff").filter(report=report, staff_id=staff_id).first()
    if official is None:
        raise NotFound("지정된 직원이 아닙니다.", field="staff")
    official.delete()
    _event(report, ReportEvent.Kind.OFFICIAL_REMOVED, by=by, at=now, note=official.staff.name)


@dataclass
class PreventionInput:
    measure: str
    responsible_id: int
    due_on: date


@transaction.atomic
def report_substantiate(
    *, report_id: int, finding: str, by, now: datetime, prevention: PreventionInput | None = None
) -> Report:
    """조사 → 인정, and in the same transaction every consequence: for an unkind report penalty
    mileage, the department deduction, apology calls, the prevention measure and compensation;
    for a kind report incentive mileage and the praise-twice encouragement."""
    report = _locked(report_id)
    before = _move(report, Status.SUBSTANTIATED)
    finding = mask_pii(finding.strip()).text
    if not finding:
        raise DomainError("required", "조사 결과를 적어 주세요.", field="finding")
    officials = list(ReportOfficial.objects.filter(report=report).select_related("staff", "department"))
    if not officials:
        raise DomainError("officials", "인정하려면 관련 직원을 한 명 이상 지정해야 합니다.", field="staff")
    if report.kind == Report.Kind.UNKIND and prevention is None:
        raise DomainError(
            "required", "불친절 신고를 인정하려면 재발 방지 조치를 함께 적어야 합니다.", field="measure"
        )
    report.decided_at = now
    report.decided_by = by
    report.finding = finding
    report.save(update_fields=["status", "decided_at", "decided_by", "finding", "updated_at"])
    _event(
        report,
        ReportEvent.Kind.SUBSTANTIATED,
        by=by,
        at=now,
        before=before,
        after=report.status,
        note=finding,
    )
    if report.kind == Report.Kind.UNKIND:
        consequences.apply_unkind(report, officials=officials, prevention=prevention, by=by, now=now)
    else:
        consequences.apply_praise(report, officials=officials, by=by, now=now)
    return report


@transaction.atomic
def report_unsubstantiate(*, report_id: int, finding: str, by, now: datetime) -> Report:
    report = _locked(report_id)
    before = _move(report, Status.UNSUBSTANTIATED)
    finding = mask_pii(finding.strip()).text
    if not finding:
        raise DomainError("required", "불인정 사유를 적어 주세요.", field="finding")
    report.decided_at = now
    report.decided_by = by
    report.finding = finding
    report.save(update_fields=["status", "decided_at", "decided_by", "finding", "updated_at"])
    _event(
        report,
        ReportEvent.Kind.UNSUBSTANTIATED,
        by=by,
        at=now,
        before=before,
        after=report.status,
        note=finding,
    )
    return report
