"""The counter [C3]: a visitor arrives, says what for and whom, and is brought to the person in charge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction

from chinjeol.core.counters import next_number
from chinjeol.core.errors import DomainError

from .. import rules
from ..models import DayCounter, Visit
from .common import VISIT_GUIDE, local_day, target_of, version_at

CLOCK_SKEW = timedelta(minutes=2)  # a kiosk's clock may run a little ahead of the server's
MAX_PURPOSE = 200


@dataclass(frozen=True)
class VisitIntake:
    department_id: int
    purpose: str
    arrived_at: datetime
    guided_at: datetime | None = None
    guided_to_id: int | None = None
    channel: str = Visit.Channel.COUNTER


def _department(department_id: int):
    from chinjeol.organization.models import Department

    department = Department.objects.filter(pk=department_id, is_active=True).first()
    if department is None:
        raise DomainError("not_found", "찾는 부서를 고르세요.", field="department", status=422)
    return department


def _staff(staff_id: int | None):
    if staff_id is None:
        return None
    from chinjeol.organization.models import Staff

    staff = Staff.objects.filter(pk=staff_id, is_active=True).first()
    if staff is None:
        raise DomainError("not_found", "맞이한 담당자를 찾을 수 없습니다.", field="guided_to", status=422)
    return staff


def _check_moments(arrived_at: datetime, guided_at: datetime | None, now: datetime) -> None:
    if arrived_at.tzinfo is None:
        raise DomainError("invalid", "도착 시각에 시간대를 붙여 주세요.", field="arrived_at", status=422)
    if arrived_at > now + CLOCK_SKEW:
        raise DomainError("invalid", "도착 시각이 지금보다 늦습니다.", field="arrived_at", status=422)
    if arrived_at < now - timedelta(days=31):
        raise DomainError(
            "invalid", "한 달이 지난 방문은 기록할 수 없습니다.", field="arrived_at", status=422
        )
    if guided_at is not None:
        if guided_at.tzinfo is None:
            raise DomainError("invalid", "안내 시각에 시간대를 붙여 주세요.", field="guided_at", status=422)
        if rules.to_second(guided_at) < rules.to_second(arrived_at):
            raise DomainError("invalid", "안내 시각이 도착 시각보다 이릅니다.", field="guided_at", status=422)
        if guided_at > now + CLOCK_SKEW:
            raise DomainError("invalid", "안내 시각이 지금보다 늦습니다.", field="guided_at", status=422)


@transaction.atomic
def visit_log(*, intake: VisitIntake, by, now: datetime) -> Visit:
    """Log a visitor's arrival (and, when known, the moment they were brought to the person in charge)."""
    purpose = (intake.purpose or "").strip()
    if not purpose:
        raise DomainError("required", "방문 목적을 적어 주세요.", field="purpose", status=422)
    if len(purpose) > MAX_PURPOSE:
        raise DomainError(
            "too_long", f"방문 목적은 {MAX_PURPOSE}자 이하로 적어 주세요.", field="purpose", status=422
        )
    _check_moments(intake.arrived_at, intake.guided_at, now)
    department = _department(intake.department_id)
    guided_to = _staff(intake.guided_to_id)
    arrived_at = rules.to_second(intake.arrived_at)
    version = version_at(VISIT_GUIDE, arrived_at)
    day = local_day(arrived_at)
    number = next_number(DayCounter, int(day.strftime("%Y%m%d")))
    guided_at = rules.to_second(intake.guided_at) if intake.guided_at else None
    return Visit.objects.create(
        number=number,
        local_date=day,
        department=department,
        purpose=purpose,
        arrived_at=arrived_at,
        guided_at=guided_at,
        guided_to=guided_to,
        deadline=rules.guide_deadline(arrived_at, target_of(version, VISIT_GUIDE)),
        status=Visit.Status.GUIDED if guided_at else Visit.Status.WAITING,
        channel=intake.channel,
        version=version,
        logged_by=by,
    )


@transaction.atomic
def visit_guide(*, visit: Visit, at: datetime, now: datetime, guided_to_id: int | None = None) -> Visit:
    """The visitor has been brought to the person in charge at `at`."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.status != Visit.Status.WAITING:
        raise DomainError("invalid_state", "이미 안내했거나 취소한 방문입니다.", status=409)
    _check_moments(visit.arrived_at, at, now)
    visit.guided_at = rules.to_second(at)
    visit.guided_to = _staff(guided_to_id)
    visit.status = Visit.Status.GUIDED
    visit.save(update_fields=["guided_at", "guided_to", "status", "updated_at"])
    return visit


@transaction.atomic
def visit_cancel(*, visit: Visit, now: datetime) -> Visit:
    """A wrong entry, or a visitor who left before being brought: not judged when cancelled before the
    promised moment; after it, the visit stays a missed promise (it only leaves the waiting board)."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.status != Visit.Status.WAITING:
        raise DomainError("invalid_state", "기다리는 방문만 취소할 수 있습니다.", status=409)
    visit.status = Visit.Status.CANCELLED
    visit.cancelled_at = rules.to_second(now)
    visit.save(update_fields=["status", "cancelled_at", "updated_at"])
    return visit
