"""Publishing the half-year charter report [C10]: the figures are frozen into a snapshot."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum

from chinjeol.charter.compliance.rules import BASIS_LABELS, Basis, Tally
from chinjeol.core.errors import DomainError
from chinjeol.core.periods import Period
from chinjeol.korean.pii import mask_pii
from chinjeol.reports.compliance import queries as compliance

from .models import ComplianceReport

MAX_IMPROVEMENTS = 5000
BASIS_TEXT = (
    "기간 안에 판정이 확정된 민원을 셉니다. 기한 안에 답변(완료)하면 그 시각에 ‘이행’, 기한까지 답변하지 "
    "못하면 기한 시각에 ‘미이행’으로 확정됩니다. 헌장 약속이 있는 경로(홈페이지·국민신문고·정보공개 등)는 "
    "접수 당시 이행표준 판의 약속 기한으로, 약속이 없는 경로는 법정 처리기한(적법한 연장 포함)으로 판정하며, "
    "이송·취하한 민원은 제외합니다."
)


def _rate(tally: Tally | None) -> str | None:
    rate = tally.rate if tally is not None else None
    return None if rate is None else str(rate)


def _line(line: compliance.Line) -> dict:
    change = line.change
    return {
        "key": line.key,
        "label": line.label,
        "judged": line.tally.judged,
        "met": line.tally.met,
        "missed": line.tally.missed,
        "rate": _rate(line.tally),
        "previous_rate": _rate(line.previous),
        "previous_judged": line.previous.judged if line.previous else 0,
        "change": None if change is None else str(change),
        "rank": line.rank,
    }


def _compensation(period: Period) -> dict:
    from chinjeol.compensation.models import CompensationEntry

    def figures(p: Period) -> dict:
        start, end = compliance.bounds(p)
        entries = CompensationEntry.objects.filter(occurred_at__gte=start, occurred_at__lt=end).exclude(
            status=CompensationEntry.Status.REJECTED
        )
        total = entries.aggregate(
            count=Count("id"),
            amount=Sum("amount"),
            handed=Count("id", filter=Q(status=CompensationEntry.Status.HANDED_OVER)),
        )
        labels = dict(CompensationEntry.Reason.choices)
        reasons = [
            {"reason": labels.get(r, r), "count": n, "amount": a or 0}
            for r, n, a in entries.values_list("reason")
            .annotate(n=Count("id"), a=Sum("amount"))
            .order_by("reason")
        ]
        return {
            "count": total["count"],
            "amount": total["amount"] or 0,
            "handed_over": total["handed"],
            "reasons": reasons,
        }

    now, before = figures(period), figures(period.previous())
    return {**now, "previous_count": before["count"], "previous_amount": before["amount"]}


def charter_report_snapshot(*, period: Period, now: datetime) -> dict:
    """Every figure of the published report, as plain JSON."""
    from chinjeol.organization.models import Agency

    summary = compliance.summary(period, now)
    agency = Agency.current()
    standards = []
    for line in summary.standards:
        item = _line(line)
        item["versions"] = [
            {"label": label, "judged": t.judged, "met": t.met, "missed": t.missed, "rate": _rate(t)}
            for label, t in line.versions
        ]
        item["legal"] = line.key == compliance.LEGAL
        standards.append(item)
    return {
        "version": 1,
        "period": str(period),
        "label": period.label_ko,
        "previous_label": period.previous().label_ko,
        "agency": agency.name if agency else settings.CHINJEOL.get("AGENCY_NAME", ""),
        "computed_at": now.isoformat(),
        "basis": BASIS_TEXT,
        "legal_label": BASIS_LABELS[Basis.LEGAL],
        "total": _line(summary.total),
        "standards": standards,
        "departments": [_line(line) for line in summary.departments],
        "compensation": _compensation(period),
        "counts": [line.as_dict() for line in summary.counts],
    }


def publishable(period: Period, now: datetime) -> bool:
    return period.kind == "half" and compliance.bounds(period)[1] <= now


@transaction.atomic
def charter_report_publish(*, period: Period, improvements: str, by, now: datetime) -> ComplianceReport:
    """Freeze the half-year's figures with the CS officer's improvement actions and publish them."""
    if period.kind != "half":
        raise DomainError(
            "invalid", "서비스헌장 이행 보고서는 반기 단위(예: 2026-H1)로 공개합니다.", field="period"
        )
    if not publishable(period, now):
        raise DomainError(
            "too_early",
            f"{period.label_ko}가 끝난 뒤에 공개할 수 있습니다 (집계가 확정되어야 합니다).",
            field="period",
        )
    text = mask_pii((improvements or "").strip()).text
    if not text:
        raise DomainError("required", "부족한 점과 개선 조치를 적어 주세요.", field="improvements")
    if len(text) > MAX_IMPROVEMENTS:
        raise DomainError(
            "too_long", f"개선 조치는 {MAX_IMPROVEMENTS:,}자 이하로 적어 주세요.", field="improvements"
        )
    if ComplianceReport.objects.filter(period=str(period)).exists():
        raise DomainError("duplicate", f"{period.label_ko} 보고서는 이미 공개했습니다.", field="period")
    try:
        with transaction.atomic():
            return ComplianceReport.objects.create(
                period=str(period),
                published_at=now,
                published_by=by,
                improvements=text,
                snapshot=charter_report_snapshot(period=period, now=now),
            )
    except IntegrityError:
        raise DomainError(
            "duplicate", f"{period.label_ko} 보고서는 이미 공개했습니다.", field="period"
        ) from None
