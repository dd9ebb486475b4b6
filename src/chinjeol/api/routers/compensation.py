"""보상 대장 API: the ledger, approval and hand-over, with the same services and roles as the page."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from chinjeol.compensation import queries, services
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.access import has_role
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_name

from ..pagination import PageNumbers, Rows, paginated
from ..types import Day, QueryId

router = Router(tags=["보상"])


class CompensationEntryOut(Schema):
    id: int
    reason: str
    reason_label: str
    status: str = Field(..., description="pending(승인 대기) | approved | handed_over | rejected")
    status_label: str
    amount: int = Field(..., description="금액(원)")
    occurred_at: datetime
    recipient: str = Field(..., description="받는 사람 (가림)")
    source_type: str
    source_id: str
    source_label: str
    department: int | None
    staff: int | None
    approved_at: datetime | None
    handed_over_on: date | None


class EntryFilter(Schema):
    status: CompensationEntry.Status | None = None


class ApproveIn(Schema):
    approve: bool = Field(True, description="false면 지급 안 함으로 결정")
    note: str = Field("", max_length=500)


class HandOverIn(Schema):
    on: Day = Field(..., description="지급일")
    handed_by: str = Field(..., min_length=1, max_length=100, description="지급한 사람")


def _out(entry: CompensationEntry) -> CompensationEntryOut:
    return CompensationEntryOut(
        id=entry.pk,
        reason=entry.reason,
        reason_label=entry.get_reason_display(),
        status=entry.status,
        status_label=entry.get_status_display(),
        amount=entry.amount,
        occurred_at=entry.occurred_at,
        recipient=mask_name(entry.recipient_name),
        source_type=entry.source_type,
        source_id=entry.source_id,
        source_label=entry.source_label,
        department=entry.department_id,
        staff=entry.staff_id,
        approved_at=entry.approved_at,
        handed_over_on=entry.handed_over_on,
    )


def _entry_for(request, entry_id: int) -> CompensationEntry:
    if not has_role(request.auth, Role.CS_OFFICER):
        raise PermissionDenied("보상을 승인·지급 기록할 권한은 고객만족 담당관에게 있습니다.")
    return queries.get_entry_for_user(request.auth, entry_id)


@router.get("", response=list[CompensationEntryOut], summary="보상 대장")
@paginated(PageNumbers, size=50, max_size=200)
def list_entries(request, filters: Query[EntryFilter]):
    if not has_role(request.auth, *queries.READERS):
        raise PermissionDenied("보상 대장을 볼 권한이 없습니다.")
    return Rows(queries.ledger(request.auth, status=filters.status), _out)


@router.post("/{entry_id}/approve", response=CompensationEntryOut, summary="승인 또는 지급 안 함 결정")
def approve_entry(request, entry_id: QueryId, payload: ApproveIn):
    entry = _entry_for(request, entry_id)
    entry = services.compensation_approve(
        entry_id=entry.pk, by=request.auth, now=timezone.now(), approve=payload.approve, note=payload.note
    )
    return _out(entry)


@router.post("/{entry_id}/hand-over", response=CompensationEntryOut, summary="지급 완료 기록")
def hand_over_entry(request, entry_id: QueryId, payload: HandOverIn):
    entry = _entry_for(request, entry_id)
    entry = services.compensation_hand_over(
        entry_id=entry.pk,
        by=request.auth,
        on=payload.on,
        handed_by=payload.handed_by,
        today=timezone.localdate(),
    )
    return _out(entry)
