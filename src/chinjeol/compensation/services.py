"""Writes to the compensation ledger. Other apps call `compensation_record` only."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone

from chinjeol.core.errors import DomainError

from .models import CompensationEntry

DEFAULT_AMOUNT = 10_000
SEOUL = ZoneInfo("Asia/Seoul")


@transaction.atomic
def compensation_record(
    *,
    reason: str,
    occurred_at: datetime,
    recipient_name: str,
    source_type: str,
    source_id: str | int,
    source_label: str,
    amount: int = DEFAULT_AMOUNT,
    staff=None,
    department=None,
    note: str = "",
) -> tuple[CompensationEntry, bool]:
    """Record one gift owed. Idempotent per (reason, source, official): returns (entry, created)."""
    lookup = {"reason": reason, "source_type": source_type, "source_id": str(source_id), "staff": staff}
    existing = CompensationEntry.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            entry = CompensationEntry.objects.create(
                **lookup,
                amount=amount,
                occurred_at=occurred_at,
                recipient_name=recipient_name or "민원인",
                source_label=source_label[:200],
                department=department or (staff.department if staff is not None else None),
                note=note,
            )
    except IntegrityError:  # another worker recorded it first
        return CompensationEntry.objects.get(**lookup), False
    return entry, True


def _locked(entry_id: int) -> CompensationEntry:
    try:
        return CompensationEntry.objects.select_for_update().get(pk=entry_id)
    except CompensationEntry.DoesNotExist as exc:
        raise DomainError("not_found", "보상 기록을 찾을 수 없습니다.", status=404) from exc


@transaction.atomic
def compensation_approve(
    *, entry_id: int, by, now: datetime, approve: bool = True, note: str = ""
) -> CompensationEntry:
    entry = _locked(entry_id)
    if entry.status != CompensationEntry.Status.PENDING:
        raise DomainError("state", f"이미 '{entry.get_status_display()}' 상태인 보상입니다.")
    entry.status = CompensationEntry.Status.APPROVED if approve else CompensationEntry.Status.REJECTED
    entry.approved_by = by
    entry.approved_at = now
    if note:
        entry.note = f"{entry.note}\n{note}".strip()
    entry.save(update_fields=["status", "approved_by", "approved_at", "note", "updated_at"])
    return entry


@transaction.atomic
def compensation_hand_over(*, entry_id: int, by, on: date, handed_by: str, today: date) -> CompensationEntry:
    entry = _locked(entry_id)
    if entry.status != CompensationEntry.Status.APPROVED:
        raise DomainError("state", "승인된 보상만 지급 완료로 기록할 수 있습니다.")
    if not handed_by.strip():
        raise DomainError("required", "지급한 사람을 적어 주세요.", field="handed_by")
    if on > today:
        raise DomainError("future", "지급일은 오늘보다 늦을 수 없습니다.", field="on")
    if on < timezone.localdate(entry.occurred_at, SEOUL):  # the day it arose in Korea, not in UTC
        raise DomainError("before", "지급일은 보상 발생일보다 빠를 수 없습니다.", field="on")
    entry.status = CompensationEntry.Status.HANDED_OVER
    entry.handed_over_on = on
    entry.handed_over_by = handed_by.strip()
    entry.handed_over_recorded_by = by
    entry.save(
        update_fields=["status", "handed_over_on", "handed_over_by", "handed_over_recorded_by", "updated_at"]
    )
    return entry


@transaction.atomic
def compensation_approve_many(*, entry_ids: list[int], by, now: datetime) -> int:
    """Approve every entry of `entry_ids` that still waits (일괄 승인): all or none. An entry another person
    decided meanwhile is a clear error naming it, and nothing is approved."""
    for entry_id in sorted(set(entry_ids)):
        compensation_approve(entry_id=entry_id, by=by, now=now)
    return len(set(entry_ids))
