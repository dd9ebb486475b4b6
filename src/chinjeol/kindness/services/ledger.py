"""Writes to the mileage ledger and the department deductions. Append-only: nothing is edited or
deleted; a correction is a reversing row. `mileage_record` is the one entry point for every event that
earns or costs mileage (inspections, call-centre metrics, surveys, reports, selections, training)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone

from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.core.versions import version_bump
from chinjeol.korean.pii import mask_pii

from .. import rules, sources
from ..models import DepartmentDeduction, EvaluationItem, MileageEntry
from ..queries.config import config_at
from ..queries.scores import LEDGER_VERSION

MAX_ABS_POINTS = Decimal("100")


def period_fields(moment: datetime) -> dict[str, int]:
    """The ledger's period columns for a moment, in Asia/Seoul."""
    local = timezone.localtime(moment)
    return {"year": local.year, "half": 1 if local.month <= 6 else 2, "month": local.month}


def _decimal(value, field: str) -> Decimal:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise DomainError("invalid", f"점수가 숫자가 아닙니다: {value}", field=field) from None
    if not number.is_finite():
        raise DomainError("invalid", f"점수가 숫자가 아닙니다: {value}", field=field)
    return number


def ledger_changed() -> None:
    """Announce a write to the mileage ledger or the department deductions, in its transaction (the rankings'
    cache is keyed on this version)."""
    version_bump(LEDGER_VERSION)


def _require_aware(moment, field: str = "occurred_at") -> None:
    if not isinstance(moment, datetime) or timezone.is_naive(moment):
        raise DomainError("invalid", "발생 시각은 시간대가 있는 일시여야 합니다.", field=field)


def entry_points(item: EvaluationItem, *, points=None, count: int = 1, at: datetime) -> Decimal:
    """The signed points of an entry: the given points as they are (a negative item's are always ≤ 0),
    or the item's rule in force at `at` × count × sign."""
    if points is None:
        version = config_at(at).versions.get(item.code)
        if version is None:
            raise DomainError("invalid", f"평가 항목 '{item.name}'의 점수 기준이 없습니다.", field="item")
        value = version.points_per_event * count * item.sign
    else:
        value = _decimal(points, "points")
        if item.sign < 0 and value > 0:
            value = -value
    value = value.quantize(rules.TWO)
    if abs(value) > MAX_ABS_POINTS:
        raise DomainError("invalid", "한 기록의 점수는 -100점부터 100점까지입니다.", field="points")
    return value


def _create(lookup: dict, values: dict) -> tuple[MileageEntry, bool]:
    existing = MileageEntry.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            entry = MileageEntry.objects.create(**lookup, **values)
            ledger_changed()
            return entry, True
    except IntegrityError:
        return MileageEntry.objects.get(**lookup), False


@transaction.atomic
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
    """Append one ledger entry. points=None → the item's rule (points per event × count × sign).
    Idempotent per (source_type, source_id, staff, item): returns the existing entry instead of a second."""
    item = EvaluationItem.objects.filter(code=item_code).first()
    if item is None:
        raise DomainError("invalid", f"알 수 없는 평가 항목입니다: {item_code}", field="item")
    _require_aware(occurred_at)
    if count < 1:
        raise DomainError("invalid", "건수는 1 이상이어야 합니다.", field="count")
    if not sources.is_registered(source_type):
        raise DomainError("invalid", f"등록되지 않은 근거 유형입니다: {source_type}", field="source_type")
    source_id = str(source_id)
    if not source_id or len(source_id) > 64:
        raise DomainError("invalid", "근거 ID는 1~64자입니다.", field="source_id")
    lookup = {"source_type": source_type, "source_id": source_id, "staff": staff, "item": item}
    entry, _created = _create(
        lookup,
        {
            "points": entry_points(item, points=points, count=count, at=occurred_at),
            "occurred_at": occurred_at,
            "source_label": source_label[:200],
            "registered_by": by,
            "note": mask_pii(note.strip()).text[:500],
            **period_fields(occurred_at),
        },
    )
    return entry


@transaction.atomic
def mileage_reverse(*, entry_id: int, reason: str, by, now: datetime) -> MileageEntry:
    """Correct an entry by appending its reversal (the negated points, same moment and item), so the
    period's total is as if the entry had not been made and the history stays visible."""
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied("마일리지 기록의 정정은 고객만족 담당관만 할 수 있습니다.")
    entry = MileageEntry.objects.select_for_update().select_related("item").filter(pk=entry_id).first()
    if entry is None:
        raise NotFound("마일리지 기록을 찾을 수 없습니다.")
    if entry.reverses_id is not None:
        raise DomainError("state", "정정 기록은 다시 정정할 수 없습니다. 필요하면 새 기록을 등록하세요.")
    if MileageEntry.objects.filter(reverses=entry).exists():
        raise DomainError("state", "이미 정정한 기록입니다.")
    reason = reason.strip()
    if not reason:
        raise DomainError("required", "정정 사유를 적어 주세요.", field="reason")
    ledger_changed()
    return MileageEntry.objects.create(
        staff_id=entry.staff_id,
        item=entry.item,
        points=rules.reversal(entry.points),
        occurred_at=entry.occurred_at,
        source_type="reversal",
        source_id=str(entry.pk),
        source_label=f"정정: {entry.source_label or entry.item.name}"[:200],
        registered_by=by,
        note=mask_pii(reason).text[:500],
        reverses=entry,
        year=entry.year,
        half=entry.half,
        month=entry.month,
    )


@transaction.atomic
def department_deduction_record(
    *,
    department,
    occurred_at: datetime,
    source_type: str,
    source_id,
    note: str = "",
    points=None,
    by=None,
) -> DepartmentDeduction:
    """A department-level deduction in the half-year of `occurred_at` (e.g. per substantiated unkind
    report). points=None → the settings' deduction per report. Idempotent per source and department."""
    _require_aware(occurred_at)
    value = config_at(occurred_at).deduction_per_report if points is None else _decimal(points, "points")
    if value < 0 or value > MAX_ABS_POINTS:
        raise DomainError("invalid", "부서 감점은 0점부터 100점까지입니다.", field="points")
    lookup = {"source_type": source_type, "source_id": str(source_id), "department": department}
    existing = DepartmentDeduction.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    fields = period_fields(occurred_at)
    try:
        with transaction.atomic():
            ledger_changed()
            return DepartmentDeduction.objects.create(
                **lookup,
                points=value.quantize(rules.TWO),
                occurred_at=occurred_at,
                year=fields["year"],
                half=fields["half"],
                note=mask_pii(note.strip()).text[:500],
                registered_by=by,
            )
    except IntegrityError:
        return DepartmentDeduction.objects.get(**lookup)


@transaction.atomic
def department_deduction_reverse(*, deduction_id: int, reason: str, by, now: datetime) -> DepartmentDeduction:
    """Cancel a department deduction (e.g. the report was overturned) with a reversing row."""
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied("부서 감점의 정정은 고객만족 담당관만 할 수 있습니다.")
    row = DepartmentDeduction.objects.select_for_update().filter(pk=deduction_id).first()
    if row is None:
        raise NotFound("부서 감점 기록을 찾을 수 없습니다.")
    if row.reverses_id is not None or DepartmentDeduction.objects.filter(reverses=row).exists():
        raise DomainError("state", "이미 정정했거나 정정 기록인 감점입니다.")
    reason = reason.strip()
    if not reason:
        raise DomainError("required", "정정 사유를 적어 주세요.", field="reason")
    ledger_changed()
    return DepartmentDeduction.objects.create(
        department_id=row.department_id,
        points=-row.points,
        occurred_at=row.occurred_at,
        year=row.year,
        half=row.half,
        source_type="reversal",
        source_id=str(row.pk),
        note=mask_pii(reason).text[:500],
        registered_by=by,
        reverses=row,
    )
