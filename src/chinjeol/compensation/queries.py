from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth

from chinjeol.core.access import scoped_department_ids
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.roles import Role

from .models import CompensationEntry

READERS = (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD)


def entries_for_user(user) -> QuerySet[CompensationEntry]:
    qs = CompensationEntry.objects.select_related("staff", "department", "approved_by")
    scope = scoped_department_ids(user, roles=frozenset(READERS))
    return qs if scope is None else qs.filter(department_id__in=scope)


def monthly_report(entries: QuerySet[CompensationEntry], year: int) -> list[dict]:
    """One row per month of the year: how many gifts arose, by reason, and where they stand."""
    rows = (
        entries.filter(occurred_at__year=year)
        .annotate(month=ExtractMonth("occurred_at"))
        .values("month")
        .annotate(
            total=Count("id"),
            amount=Sum("amount"),
            deadline=Count("id", filter=Q(reason=CompensationEntry.Reason.DEADLINE_MISSED)),
            unkind=Count("id", filter=Q(reason=CompensationEntry.Reason.UNKIND)),
            pending=Count("id", filter=Q(status=CompensationEntry.Status.PENDING)),
            approved=Count("id", filter=Q(status=CompensationEntry.Status.APPROVED)),
            handed=Count("id", filter=Q(status=CompensationEntry.Status.HANDED_OVER)),
            rejected=Count("id", filter=Q(status=CompensationEntry.Status.REJECTED)),
        )
        .order_by("month")
    )
    by_month = {r["month"]: r for r in rows}
    empty = {
        "total": 0,
        "amount": 0,
        "deadline": 0,
        "unkind": 0,
        "pending": 0,
        "approved": 0,
        "handed": 0,
        "rejected": 0,
    }
    return [{"month": m, **empty, **by_month.get(m, {})} for m in range(1, 13)]


def get_entry_for_user(user, entry_id: int) -> CompensationEntry:
    entry = entries_for_user(user).filter(pk=entry_id).first()
    if entry is None:
        if CompensationEntry.objects.filter(pk=entry_id).exists():
            raise PermissionDenied("이 보상 기록을 볼 권한이 없습니다.")
        raise NotFound("보상 기록을 찾을 수 없습니다.")
    return entry


def ledger(user, *, status: str | None = None) -> QuerySet[CompensationEntry]:
    """The entries `user` may read (of one status if given), newest first, as the API lists them."""
    return ledger_filtered(entries_for_user(user), {"status": status}).order_by("-occurred_at", "-id")


def ledger_filtered(entries: QuerySet[CompensationEntry], data: dict) -> QuerySet[CompensationEntry]:
    """The ledger narrowed by the filter form's cleaned data (status, reason, month)."""
    if data.get("status"):
        entries = entries.filter(status=data["status"])
    if data.get("reason"):
        entries = entries.filter(reason=data["reason"])
    if data.get("month"):
        entries = entries.in_month(*data["month"])
    return entries


LEDGER_HEADERS = ["발생 시각", "사유", "근거", "받는 분", "관련 직원", "관련 부서", "금액(원)", "상태", "승인 시각",
                  "승인자", "지급일", "지급한 사람", "비고"]  # fmt: skip


def ledger_rows(entries: QuerySet[CompensationEntry]) -> list[list]:
    return [
        [e.occurred_at, e.get_reason_display(), e.source_label, e.recipient_name, e.staff.name if e.staff else "",
         e.department.name if e.department else "", e.amount, e.get_status_display(), e.approved_at,
         e.approved_by.display_name if e.approved_by else "", e.handed_over_on, e.handed_over_by, e.note]
        for e in entries
    ]  # fmt: skip
