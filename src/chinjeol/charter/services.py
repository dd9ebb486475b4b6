"""Writes to the charter: new standard versions and calendar days."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max

from chinjeol.core.errors import DomainError

from .models import CalendarDay, ServiceStandard, ServiceStandardVersion
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
