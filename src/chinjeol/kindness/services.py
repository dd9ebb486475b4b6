"""Writes to the kindness ledger. Other capabilities (cases, surveys, reports, the call centre) feed
mileage through `mileage_record`, the one entry point for system events."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.organization.models import Staff

from . import queries, rules
from .models import DepartmentDeduction, EvaluationItem, MileageEntry

# What each registering role may enter (K2): evaluators only their scorecards.
EVALUATOR_ITEMS = frozenset({"phone", "training"})


def _period_fields(moment: datetime) -> dict:
    local = timezone.localtime(moment)
    return {"year": local.year, "month": local.month, "half": 1 if local.month <= 6 else 2}


def mileage_record(
    *,
    staff,
    item_code: str,
    occurred_at: datetime,
    source_type: str,
    source_id,
    note: str = "",
    points=None,
    by=None,
    count: int = 1,
    source_label: str = "",
) -> MileageEntry:
    """Append one ledger entry (idempotent per source, official and item)."""
    item = EvaluationItem.objects.filter(code=item_code).first()
    if item is None:
        raise DomainError("invalid", f"알 수 없는 평가 항목입니다: {item_code}", field="item")
    if points is None:
        rule = queries.score_rules()[0].item(item_code)
        points = (rule.points_per_event if rule else Decimal(0)) * count * item.sign
    points = Decimal(str(points))
    if item.sign < 0 and points > 0:
        points = -points
    lookup = {"source_type": source_type, "source_id": str(source_id), "staff": staff, "item": item}
    existing = MileageEntry.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return MileageEntry.objects.create(
                **lookup,
                points=points,
                occurred_at=occurred_at,
                source_label=source_label[:200],
                registered_by=by,
                note=note[:500],
                **_period_fields(occurred_at),
            )
    except IntegrityError:
        return MileageEntry.objects.get(**lookup)


@transaction.atomic
def mileage_reverse(*, entry_id: int, reason: str, by, now: datetime) -> MileageEntry:
    """A correction is a reversing entry, never an edit."""
    entry = MileageEntry.objects.select_for_update().filter(pk=entry_id).first()
    if entry is None:
        raise DomainError("not_found", "마일리지 기록을 찾을 수 없습니다.", status=404)
    if entry.reverses_id or MileageEntry.objects.filter(reverses=entry).exists():
        raise DomainError("state", "이미 정정한 기록이거나 정정 기록입니다.")
    if not reason.strip():
        raise DomainError("required", "정정 사유를 적어 주세요.", field="reason")
    return MileageEntry.objects.create(
        staff=entry.staff,
        item=entry.item,
        points=-entry.points,
        occurred_at=entry.occurred_at,
        source_type="reversal",
        source_id=str(entry.pk),
        source_label=f"정정: {entry.source_label}"[:200],
        registered_by=by,
        note=reason.strip()[:500],
        reverses=entry,
        **_period_fields(entry.occurred_at),
    )


def department_deduction_record(
    *, department, occurred_at: datetime, source_type: str, source_id, note: str = "", points=None, by=None
) -> DepartmentDeduction:
    lookup = {"source_type": source_type, "source_id": str(source_id), "department": department}
    existing = DepartmentDeduction.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    fields = _period_fields(occurred_at)
    return DepartmentDeduction.objects.create(
        **lookup,
        points=Decimal(str(points if points is not None else rules.UNKIND_DEPARTMENT_DEDUCTION)),
        occurred_at=occurred_at,
        year=fields["year"],
        half=fields["half"],
        note=note[:500],
        registered_by=by,
    )


def check_can_register(user, staff: Staff, item_code: str) -> None:
    if has_role(user, Role.CS_OFFICER):
        return
    if has_role(user, Role.EVALUATOR):
        if item_code not in EVALUATOR_ITEMS:
            raise PermissionDenied("외부 평가기관은 전화응대 점검과 교육·암행 평가만 등록할 수 있습니다.")
        return
    scope = scoped_department_ids(user, roles=frozenset({Role.CS_LEADER}))
    if not scope or staff.department_id not in scope:
        raise PermissionDenied("담당 부서 직원의 점검 결과만 등록할 수 있습니다.")
    if item_code in ("unkind", "smile"):
        raise PermissionDenied("불친절 사례와 스마일 직원 선정은 고객만족 담당관이 등록합니다.")


@transaction.atomic
def inspection_register(
    *, staff_id: int, item_code: str, occurred_at: datetime, note: str, by, points=None
) -> MileageEntry:
    """A result registered by a CS leader, an external evaluator or the CS officer [K2]."""
    staff = Staff.objects.active().select_related("department").filter(pk=staff_id).first()
    if staff is None:
        raise DomainError("invalid", "재직 중인 직원을 골라 주세요.", field="staff")
    check_can_register(by, staff, item_code)
    if occurred_at > timezone.now():
        raise DomainError("invalid", "앞으로의 날짜로는 등록할 수 없습니다.", field="occurred_at")
    if points is not None and abs(Decimal(str(points))) > 100:
        raise DomainError("invalid", "점수는 -100에서 100 사이여야 합니다.", field="points")
    label = {"phone": "전화응대 점검", "training": "교육 이수·암행 평가"}.get(item_code, "점검 결과 등록")
    return mileage_record(
        staff=staff,
        item_code=item_code,
        occurred_at=occurred_at,
        source_type="inspection",
        source_id=uuid.uuid4().hex,
        note=note,
        points=points,
        by=by,
        source_label=f"{label} ({by.display_name})",
    )
