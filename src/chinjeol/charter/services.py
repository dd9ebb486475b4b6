"""Writes to the charter: new standard versions, calendar days, published reports."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Sum

from chinjeol.core.errors import DomainError
from chinjeol.core.periods import Period

from . import compliance
from .models import CalendarDay, ComplianceReport, ServiceStandard, ServiceStandardVersion
from .queries import clear_cache


@transaction.atomic
def standard_revise(
    *, code: str, target: Decimal, valid_from: datetime, note: str, by, now: datetime
) -> ServiceStandardVersion:
    """A new version of a standard; past versions (and the judgements made with them) stay as they were."""
    standard = ServiceStandard.objects.select_for_update().filter(code=code).first()
    if standard is None:
        raise DomainError("not_found", "이행표준을 찾을 수 없습니다.", status=404)
    if target <= 0:
        raise DomainError("invalid", "목표는 0보다 커야 합니다.", field="target")
    if valid_from < now.replace(second=0, microsecond=0):
        raise DomainError(
            "invalid", "적용 시작은 지금 이후여야 합니다. 지난 판정은 바꿀 수 없습니다.", field="valid_from"
        )
    if not note.strip():
        raise DomainError("required", "변경 사유를 적어 주세요.", field="note")
    current = standard.versions.order_by("-version").first()
    number = (standard.versions.aggregate(m=Max("version"))["m"] or 0) + 1
    version = ServiceStandardVersion.objects.create(
        standard=standard,
        version=number,
        target=target,
        unit=current.unit if current else "days",
        valid_from=valid_from,
        note=note.strip(),
        created_by=by,
    )
    clear_cache()
    return version


def calendar_day_add(*, day: date, kind: str, name: str) -> CalendarDay:
    if kind not in CalendarDay.Kind.values:
        raise DomainError("invalid", "구분을 골라 주세요.", field="kind")
    if not name.strip():
        raise DomainError("required", "이름을 적어 주세요.", field="name")
    try:
        with transaction.atomic():
            entry = CalendarDay.objects.create(date=day, kind=kind, name=name.strip())
    except IntegrityError:
        raise DomainError("duplicate", f"{day}은(는) 이미 기관 달력에 있습니다.", field="date") from None
    clear_cache()
    return entry


def calendar_day_remove(*, day_id: int) -> None:
    CalendarDay.objects.filter(pk=day_id).delete()
    clear_cache()


def report_snapshot(*, cases, period: Period, now: datetime) -> dict:
    from chinjeol.compensation.models import CompensationEntry

    start, end = compliance._bounds(period)
    previous = {r.key: r.rate for r in compliance.by_standard(cases, period.previous(), now)}
    standards = [
        {
            "code": r.key,
            "name": r.label,
            "judged": r.judged,
            "met": r.met,
            "missed": r.missed,
            "rate": r.rate,
            "previous_rate": previous.get(r.key),
        }
        for r in compliance.by_standard(cases, period, now)
    ]
    departments = [
        {"name": r.label, "judged": r.judged, "met": r.met, "missed": r.missed, "rate": r.rate}
        for r in compliance.by_department(cases, period, now)
    ]
    comp = CompensationEntry.objects.filter(occurred_at__gte=start, occurred_at__lt=end).aggregate(
        count=Count("id"), total=Sum("amount")
    )
    total_judged = sum(s["judged"] for s in standards)
    total_met = sum(s["met"] for s in standards)
    return {
        "period": str(period),
        "label": period.label_ko,
        "standards": standards,
        "departments": departments,
        "judged": total_judged,
        "met": total_met,
        "rate": round(total_met / total_judged * 100, 1) if total_judged else None,
        "compensation": {"count": comp["count"], "amount": comp["total"] or 0},
    }


@transaction.atomic
def report_publish(*, period: Period, improvements: str, cases, by, now: datetime) -> ComplianceReport:
    if period.kind != "half":
        raise DomainError("invalid", "헌장 이행 보고서는 반기(예: 2026-H1)로 공개합니다.", field="period")
    if period.end > now.date() and period.start > now.date():
        raise DomainError("invalid", "아직 시작하지 않은 반기는 공개할 수 없습니다.", field="period")
    if not improvements.strip():
        raise DomainError("required", "부족한 점과 개선 조치를 적어 주세요.", field="improvements")
    if ComplianceReport.objects.filter(period=str(period)).exists():
        raise DomainError("duplicate", f"{period.label_ko} 보고서는 이미 공개했습니다.", field="period")
    return ComplianceReport.objects.create(
        period=str(period),
        published_at=now,
        published_by=by,
        improvements=improvements.strip(),
        snapshot=report_snapshot(cases=cases, period=period, now=now),
    )
