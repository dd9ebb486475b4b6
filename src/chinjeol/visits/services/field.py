"""Field visits [C4]: the appointment, the day-before notice (affiliation, name, purpose, time), the result
on site, and the follow-up the citizen is told about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q

from chinjeol.core.errors import DomainError
from chinjeol.korean.pii import normalize_phone

from .. import rules
from ..models import FieldVisit, FieldVisitEvent
from .common import FIELD_VISIT_NOTICE, calendar, target_of, version_at
from .notices import sms

MAX_TEXT = 2000


@dataclass(frozen=True)
class Appointment:
    official_id: int
    citizen_name: str
    citizen_phone: str
    place: str
    purpose: str
    scheduled_at: datetime


def _required(value: str, field: str, label: str, limit: int = 200) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError("required", f"{label}을(를) 적어 주세요.", field=field, status=422)
    if len(value) > limit:
        raise DomainError(
            "too_long", f"{label}은(는) {limit:,}자 이하로 적어 주세요.", field=field, status=422
        )
    return value


def _phone(value: str) -> str:
    try:
        return normalize_phone(value)
    except ValueError:
        raise DomainError(
            "invalid",
            "휴대전화 번호 형식이 올바르지 않습니다 (예: 010-1234-5678).",
            field="citizen_phone",
            status=422,
        ) from None


def _plan(visit: FieldVisit, now: datetime) -> None:
    version = version_at(FIELD_VISIT_NOTICE, now)
    days = target_of(version, FIELD_VISIT_NOTICE)
    cal = calendar()
    visit.version = version
    visit.notice_due_at = rules.notice_due_at(visit.scheduled_at, days, cal)
    visit.notice_send_at = rules.notice_send_at(visit.scheduled_at, days, cal, arranged_at=now)


@transaction.atomic
def field_visit_schedule(*, appointment: Appointment, by, now: datetime) -> FieldVisit:
    """Arrange a visit at an agreed time; the day-before notice is planned on the agency's calendar."""
    from chinjeol.organization.models import Staff

    official = (
        Staff.objects.filter(pk=appointment.official_id, is_active=True).select_related("department").first()
    )
    if official is None:
        raise DomainError("not_found", "방문할 직원을 고르세요.", field="official", status=422)
    if appointment.scheduled_at <= now:
        raise DomainError("invalid", "약속 시각은 지금보다 뒤여야 합니다.", field="scheduled_at", status=422)
    visit = FieldVisit(
        official=official,
        department=official.department,
        citizen_name=_required(appointment.citizen_name, "citizen_name", "고객 이름", 100),
        citizen_phone=_phone(appointment.citizen_phone),
        place=_required(appointment.place, "place", "방문 장소"),
        purpose=_required(appointment.purpose, "purpose", "방문 목적"),
        scheduled_at=rules.to_second(appointment.scheduled_at),
        created_by=by,
    )
    _plan(visit, now)
    visit.save()
    FieldVisitEvent.record(visit, FieldVisitEvent.Kind.SCHEDULED, by=by, at=now, after=visit.status)
    if visit.notice_send_at <= now:  # arranged after the notice moment: tell the citizen at once
        field_visit_notice_queue(visit=visit, now=now)
    return visit


def _open(visit: FieldVisit) -> FieldVisit:
    visit = FieldVisit.objects.select_for_update().get(pk=visit.pk)
    if visit.status in (FieldVisit.Status.DONE, FieldVisit.Status.CANCELLED):
        raise DomainError("invalid_state", "끝났거나 취소한 현장 방문입니다.", status=409)
    return visit


def _notice_context(visit: FieldVisit) -> dict:
    from chinjeol.charter.calendar import format_dt_ko

    return {
        "department": visit.department.name,
        "official": visit.official.name,
        "title": _title(visit.official.position),
        "purpose": visit.purpose,
        "when": format_dt_ko(visit.scheduled_at),
        "place": visit.place,
        "phone": visit.department.phone if hasattr(visit.department, "phone") else "",
    }


def _title(position: str) -> str:
    """``주무관이``/``팀장이``: the official's title from 직위·직급 (``주무관(7급)``) with its subject particle."""
    title = (position or "").split("(")[0].strip() or "주무관"
    last = ord(title[-1]) - 0xAC00
    return title + ("이" if 0 <= last < 11172 and last % 28 else "가")


def field_visit_notice_queue(*, visit: FieldVisit, now: datetime):
    """Queue the day-before SMS of one visit (once per visit and agreed time)."""
    message = sms(
        kind="field_visit_notice",
        phone=visit.citizen_phone,
        subject="현장 방문 사전 안내",
        template="visits/field_notice.txt",
        context=_notice_context(visit),
        now=now,
        key=f"field-visit-notice:{visit.pk}:{visit.scheduled_at:%Y%m%d%H%M}",
        about=visit,
    )
    visit.notice_message = message
    visit.save(update_fields=["notice_message", "updated_at"])
    FieldVisitEvent.record(visit, FieldVisitEvent.Kind.NOTICE_QUEUED, by=None, at=now, note=message.body)
    return message


def field_visit_notices_send(*, now: datetime) -> int:
    """The periodic job: queue the day-before notice of every scheduled visit whose moment has come."""
    due = FieldVisit.objects.filter(
        status=FieldVisit.Status.SCHEDULED,
        notice_message__isnull=True,
        notice_send_at__lte=now,
        scheduled_at__gt=now,
    ).filter(Q(notice_called_at__isnull=True))
    sent = 0
    for pk in list(due.values_list("pk", flat=True)[:500]):
        with transaction.atomic():
            visit = FieldVisit.objects.select_for_update().select_related("department", "official").get(pk=pk)
            if visit.notice_message_id is not None or visit.status != FieldVisit.Status.SCHEDULED:
                continue
            field_visit_notice_queue(visit=visit, now=now)
            sent += 1
    return sent


@transaction.atomic
def field_visit_called(*, visit: FieldVisit, at: datetime, by, now: datetime) -> FieldVisit:
    """The official told the citizen by phone (the charter's own way): counts as the notice."""
    visit = _open(visit)
    if at > now:
        raise DomainError("invalid", "전화한 시각이 지금보다 늦습니다.", field="at", status=422)
    visit.notice_called_at = rules.to_second(at)
    visit.save(update_fields=["notice_called_at", "updated_at"])
    FieldVisitEvent.record(visit, FieldVisitEvent.Kind.NOTICE_CALLED, by=by, at=now)
    return visit


@transaction.atomic
def field_visit_record(
    *, visit: FieldVisit, visited_at: datetime, result: str, follow_up: str, by, now: datetime
) -> FieldVisit:
    """The result on site; what could not be settled becomes a follow-up."""
    visit = _open(visit)
    if visit.status != FieldVisit.Status.SCHEDULED:
        raise DomainError("invalid_state", "이미 방문 결과를 적었습니다.", status=409)
    if visited_at > now:
        raise DomainError("invalid", "방문한 시각이 지금보다 늦습니다.", field="visited_at", status=422)
    visit.result = _required(result, "result", "현장 처리 결과", MAX_TEXT)
    visit.follow_up = (follow_up or "").strip()[:MAX_TEXT]
    visit.visited_at = rules.to_second(visited_at)
    visit.status = FieldVisit.Status.FOLLOW_UP if visit.follow_up else FieldVisit.Status.DONE
    if visit.status == FieldVisit.Status.DONE:
        visit.closed_at = now
    visit.save(update_fields=["result", "follow_up", "visited_at", "status", "closed_at", "updated_at"])
    FieldVisitEvent.record(
        visit, FieldVisitEvent.Kind.VISITED, by=by, at=now, note=visit.result, after=visit.status
    )
    return visit


@transaction.atomic
def field_visit_follow_up_done(*, visit: FieldVisit, outcome: str, by, now: datetime) -> FieldVisit:
    """The follow-up is settled: the citizen is told the outcome by SMS."""
    visit = _open(visit)
    if visit.status != FieldVisit.Status.FOLLOW_UP:
        raise DomainError("invalid_state", "후속 처리 중인 현장 방문이 아닙니다.", status=409)
    visit.outcome = _required(outcome, "outcome", "후속 처리 결과", MAX_TEXT)
    visit.outcome_message = sms(
        kind="field_visit_outcome",
        phone=visit.citizen_phone,
        subject="현장 방문 후속 처리 결과",
        template="visits/field_outcome.txt",
        context={**_notice_context(visit), "outcome": visit.outcome},
        now=now,
        key=f"field-visit-outcome:{visit.pk}",
        about=visit,
    )
    visit.status = FieldVisit.Status.DONE
    visit.closed_at = now
    visit.save(update_fields=["outcome", "outcome_message", "status", "closed_at", "updated_at"])
    FieldVisitEvent.record(visit, FieldVisitEvent.Kind.FOLLOW_UP_DONE, by=by, at=now, note=visit.outcome)
    return visit


@transaction.atomic
def field_visit_cancel(*, visit: FieldVisit, by, now: datetime) -> FieldVisit:
    visit = _open(visit)
    before = visit.status
    visit.status = FieldVisit.Status.CANCELLED
    visit.closed_at = now
    visit.save(update_fields=["status", "closed_at", "updated_at"])
    FieldVisitEvent.record(
        visit, FieldVisitEvent.Kind.CANCELLED, by=by, at=now, before=before, after=visit.status
    )
    return visit
