"""Writes to the 민원처리기준표 (statutory services and their processing periods) by the CS officer.

A changed period applies to cases received afterwards; registered cases keep the deadline computed at
intake."""

from __future__ import annotations

import re

from django.db import transaction

from chinjeol.core.errors import DomainError

from .models import StatutoryService

CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,39}$")
MAX_DAYS = 365
# The longest period in each unit (about a year).
MAX_BY_UNIT = {"days": MAX_DAYS, "weeks": 52, "months": 12}


def _check(name: str, days: int, unit: str = StatutoryService.Unit.DAYS) -> str:
    name = (name or "").strip()
    if not name:
        raise DomainError("required", "민원 사무 이름을 적어 주세요.", field="name")
    if len(name) > 200:
        raise DomainError("too_long", "민원 사무 이름은 200자 이하로 적어 주세요.", field="name")
    if unit not in StatutoryService.Unit.values:
        raise DomainError("invalid", "처리기간 단위는 일·주·개월 가운데 하나입니다.", field="unit")
    label = StatutoryService.Unit(unit).label
    if not 1 <= int(days) <= MAX_BY_UNIT[unit]:
        raise DomainError(
            "invalid", f"처리기간은 1{label}부터 {MAX_BY_UNIT[unit]}{label}까지입니다.", field="days"
        )
    return name


def _next_code() -> str:
    """A code for a service added without one (the code is for linked systems, never shown on screen)."""
    number = StatutoryService.objects.count() + 1
    while StatutoryService.objects.filter(code=f"ST-{number:04d}").exists():
        number += 1
    return f"ST-{number:04d}"


@transaction.atomic
def statutory_service_add(
    *, code: str, name: str, days: int, unit: str = StatutoryService.Unit.DAYS
) -> StatutoryService:
    code = (code or "").strip().upper() or _next_code()
    if not CODE.match(code):
        raise DomainError(
            "invalid", "코드는 영문 대문자·숫자·-·_ 2~40자로 적어 주세요 (예: ST-PASSPORT).", field="code"
        )
    name = _check(name, days, unit)
    if StatutoryService.objects.filter(code=code).exists():
        raise DomainError("duplicate", f"코드 {code}는 이미 민원처리기준표에 있습니다.", field="code")
    return StatutoryService.objects.create(code=code, name=name, days=int(days), unit=unit)


@transaction.atomic
def statutory_service_change(
    *, service_id: int, name: str, days: int, is_active: bool, unit: str = StatutoryService.Unit.DAYS
) -> StatutoryService:
    service = StatutoryService.objects.select_for_update().filter(pk=service_id).first()
    if service is None:
        raise DomainError("not_found", "민원처리기준표에 없는 사무입니다.", status=404)
    service.name = _check(name, days, unit)
    service.days = int(days)
    service.unit = unit
    service.is_active = bool(is_active)
    service.save(update_fields=["name", "days", "unit", "is_active", "updated_at"])
    return service
