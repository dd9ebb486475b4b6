"""Stakeholder meetings (간담회): the charter's "at least 3 a year", counted from what was logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction

from chinjeol.core.errors import DomainError

from ..models import Meeting


@dataclass(frozen=True)
class MeetingRecord:
    held_on: date
    group: str
    title: str
    attendees: int
    minutes: str
    opinions: str
    department_id: int


@transaction.atomic
def meeting_log(*, record: MeetingRecord, by, now: datetime) -> Meeting:
    from django.utils import timezone

    from chinjeol.organization.models import Department

    if record.held_on > timezone.localtime(now).date():
        raise DomainError(
            "invalid", "연 날이 오늘보다 늦습니다. 열고 나서 기록해 주세요.", field="held_on", status=422
        )
    for field, label, value in (("group", "대상 단체·고객", record.group), ("title", "주제", record.title)):
        if not (value or "").strip():
            raise DomainError("required", f"{label}을(를) 적어 주세요.", field=field, status=422)
    if not (record.minutes or "").strip():
        raise DomainError("required", "회의록을 적어 주세요.", field="minutes", status=422)
    if record.attendees < 1:
        raise DomainError("invalid", "참석 인원은 1명 이상입니다.", field="attendees", status=422)
    department = Department.objects.filter(pk=record.department_id).first()
    if department is None:
        raise DomainError("not_found", "주관 부서를 고르세요.", field="department", status=422)
    return Meeting.objects.create(
        held_on=record.held_on,
        group=record.group.strip()[:100],
        title=record.title.strip()[:200],
        attendees=record.attendees,
        minutes=record.minutes.strip(),
        opinions=(record.opinions or "").strip(),
        department=department,
        logged_by=by,
    )
