"""What follows from a substantiated report, written through the ledgers' own services so every
point and every won links back to the report (source_type "kindness_report", source_id = report id).

Every step is idempotent: the ledgers are unique per source and official, the tasks per report and
department, so running this twice for one report records nothing twice."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from chinjeol.charter import queries as charter_queries
from chinjeol.compensation.models import CompensationEntry
from chinjeol.compensation.services import compensation_record
from chinjeol.core.errors import DomainError
from chinjeol.kindness import remedies
from chinjeol.kindness.services import department_deduction_record, mileage_record
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Staff

from .. import rules
from ..models import PreventionMeasure, Report, ReportEvent, ReportOfficial, Task
from . import org
from .tasks import encouragement_check

SOURCE_TYPE = "kindness_report"


def _task(lookup: dict, defaults: dict) -> tuple[Task, bool]:
    existing = Task.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Task.objects.create(**lookup, **defaults), True
    except IntegrityError:  # recorded by a concurrent run
        return Task.objects.get(**lookup), False


def apply_unkind(
    report: Report, *, officials: list[ReportOfficial], prevention, by, now: datetime
) -> dict[str, int]:
    label = f"{report.receipt_no} 불친절 신고 인정"
    for official in officials:
        mileage_record(
            staff=official.staff,
            item_code="unkind",
            occurred_at=now,
            source_label=label,
            by=by,
            source_type=SOURCE_TYPE,
            source_id=report.pk,
        )
        remedies.unkind_substantiated(
            staff=official.staff, what=label, source=f"{SOURCE_TYPE}:{report.pk}", by=by, now=now
        )
    # The deduction falls on the unit whose half-year score is published (the official's own
    # department); the apology call goes to the head who answers for it (the 과 above a team).
    units = {o.staff.department_id: o.staff.department for o in officials}
    for unit in units.values():
        department_deduction_record(
            department=unit, occurred_at=now, note=label, by=by, source_type=SOURCE_TYPE, source_id=report.pk
        )
    departments = {o.department_id: o.department for o in officials}

    calendar = charter_queries.calendar_for()
    apology_due = rules.apology_due_at(now, calendar)
    apologies = 0
    for department in departments.values():
        names = ", ".join(o.staff.name for o in officials if o.department_id == department.pk)
        _task_row, created = _task(
            {"kind": Task.Kind.APOLOGY_CALL, "report": report, "assignee_department": department},
            {
                "title": f"{report.receipt_no} 불친절 신고 사과 전화 ({names})",
                "due_at": apology_due,
                "subject_staff": officials[0].staff if len(officials) == 1 else None,
            },
        )
        apologies += created

    _record_prevention(report, prevention, by=by, now=now)

    amount = charter_queries.compensation_amount(now)
    paid = 0
    for official in officials:
        _entry, created = compensation_record(
            reason=CompensationEntry.Reason.UNKIND,
            occurred_at=now,
            recipient_name=report.reporter_name,
            source_type=SOURCE_TYPE,
            source_id=report.pk,
            source_label=f"{label} ({official.staff.name})",
            staff=official.staff,
            amount=amount,
        )
        paid += created
    ReportEvent.objects.create(
        report=report,
        kind=ReportEvent.Kind.CONSEQUENCE,
        at=now,
        actor=by,
        note=(
            f"불친절 마일리지 {len(officials)}명, 부서 감점 {len(units)}개 부서, "
            f"사과 전화 {len(departments)}건, 재발 방지 조치, 보상 {len(officials)}건({amount:,}원씩)"
        ),
    )
    return {"apologies": apologies, "compensations": paid}


def _record_prevention(report: Report, prevention, *, by, now: datetime) -> PreventionMeasure:
    existing = PreventionMeasure.objects.filter(report=report).first()
    if existing is not None:
        return existing
    measure = mask_pii((prevention.measure or "").strip()).text
    if not measure:
        raise DomainError("required", "재발 방지 조치 내용을 적어 주세요.", field="measure")
    problem = rules.prevention_due_problem(prevention.due_on, timezone.localtime(now).date())
    if problem:
        raise DomainError("invalid", problem, field="due_on")
    responsible = Staff.objects.select_related("department").filter(pk=prevention.responsible_id).first()
    if responsible is None or not responsible.is_active:
        raise DomainError(
            "invalid", "재발 방지 조치 책임자를 재직 중인 직원 중에서 골라 주세요.", field="responsible"
        )
    row = PreventionMeasure.objects.create(
        report=report,
        measure=measure,
        responsible=responsible,
        due_on=prevention.due_on,
        recorded_at=now,
        recorded_by=by,
    )
    account = org.account_of(responsible)
    calendar = charter_queries.calendar_for()
    due_at = calendar.end_of_day(calendar.next_business_day(prevention.due_on))
    _task(
        {"kind": Task.Kind.PREVENTION, "report": report},
        {
            "title": f"{report.receipt_no} 재발 방지 조치: {measure[:80]}",
            "due_at": due_at,
            "subject_staff": responsible,
            "assignee_user": account,
            "assignee_department": None if account else org.responsible_department(responsible),
        },
    )
    return row


def apply_praise(report: Report, *, officials: list[ReportOfficial], by, now: datetime) -> None:
    label = f"{report.receipt_no} 칭찬 신고 인정"
    for official in officials:
        mileage_record(
            staff=official.staff,
            item_code="praise",
            occurred_at=now,
            source_type=SOURCE_TYPE,
            source_id=report.pk,
            source_label=label,
            by=by,
        )
    ReportEvent.objects.create(
        report=report,
        kind=ReportEvent.Kind.CONSEQUENCE,
        at=now,
        actor=by,
        note=f"칭찬 마일리지 {len(officials)}명. 고객만족방 우수사례 후보가 되었습니다.",
    )
    year = timezone.localtime(report.received_at).year
    encouragement_check(staff_ids=[o.staff_id for o in officials], year=year, now=now, by=by)
