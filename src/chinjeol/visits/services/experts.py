"""The expert consultation room [C15]: requests by citizens (public page) or by staff (phone), seats
allocated with the agency's vulnerable groups first, reminders, the masked record and satisfaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from chinjeol.core.counters import next_number
from chinjeol.core.errors import DomainError
from chinjeol.korean.pii import normalize_phone

from .. import rules
from ..models import Booking, DayCounter, ExpertSlot, PriorityGroup
from .common import calendar
from .notices import sms

OPEN = (Booking.Status.REQUESTED, Booking.Status.WAITLISTED)
MAX_TOPIC = 2000
BOOKING_COUNTER_BASE = 0  # the expert room counts per year (key = the year; day keys are YYYYMMDD)


@dataclass(frozen=True)
class BookingIntake:
    slot_id: int
    citizen_name: str
    citizen_phone: str
    topic: str
    group_id: int | None
    channel: str


def _slot(slot_id: int, now: datetime) -> ExpertSlot:
    slot = ExpertSlot.objects.select_for_update().select_related("expert").filter(pk=slot_id).first()
    if slot is None or not slot.expert.is_active:
        raise DomainError("not_found", "상담 시간을 고르세요.", field="slot", status=422)
    if slot.starts_at <= now:
        raise DomainError(
            "invalid", "이미 지난 상담 시간입니다. 다른 시간을 고르세요.", field="slot", status=422
        )
    return slot


def _context(booking: Booking) -> dict:
    from chinjeol.charter.calendar import format_dt_ko

    slot = booking.slot
    return {
        "receipt_no": booking.receipt_no,
        "expert": slot.expert.get_field_display(),
        "when": format_dt_ko(slot.starts_at),
        "place": slot.place,
        "status": booking.get_status_display(),
        "confirmed": booking.status == Booking.Status.CONFIRMED,
    }


def _tell(booking: Booking, now: datetime) -> None:
    """The citizen learns the allocation (confirmed or waiting) by SMS."""
    sms(
        kind="expert_booking",
        phone=booking.citizen_phone,
        subject="전문가 상담 예약 안내",
        template="visits/expert_booking.txt",
        context=_context(booking),
        now=now,
        key=f"expert-booking:{booking.pk}:{booking.status}",
        about=booking,
    )


@transaction.atomic
def booking_request(*, intake: BookingIntake, by, now: datetime) -> Booking:
    """A request for a slot. Before the slot's allocation moment it waits for the allocation (vulnerable
    groups first); after it, it takes a free seat or the waiting list."""
    slot = _slot(intake.slot_id, now)
    name = (intake.citizen_name or "").strip()
    if not name or len(name) > 100:
        raise DomainError("required", "이름을 적어 주세요.", field="citizen_name", status=422)
    try:
        phone = normalize_phone(intake.citizen_phone)
    except ValueError:
        raise DomainError(
            "invalid",
            "휴대전화 번호 형식이 올바르지 않습니다 (예: 010-1234-5678).",
            field="citizen_phone",
            status=422,
        ) from None
    topic = (intake.topic or "").strip()
    if not topic:
        raise DomainError("required", "상담받고 싶은 내용을 적어 주세요.", field="topic", status=422)
    if len(topic) > MAX_TOPIC:
        raise DomainError(
            "too_long", f"상담 내용은 {MAX_TOPIC:,}자 이하로 적어 주세요.", field="topic", status=422
        )
    group = None
    if intake.group_id is not None:
        group = PriorityGroup.objects.filter(pk=intake.group_id, is_active=True).first()
        if group is None:
            raise DomainError("not_found", "우선 배정 대상을 다시 고르세요.", field="group", status=422)
    if (
        Booking.objects.filter(slot=slot, citizen_phone=phone)
        .exclude(status=Booking.Status.CANCELLED)
        .exists()
    ):
        raise DomainError("duplicate", "이 상담 시간에 이미 신청하셨습니다.", field="slot", status=409)
    year = now.year
    number = next_number(DayCounter, BOOKING_COUNTER_BASE + year)
    booking = Booking.objects.create(
        receipt_no=f"상담{year}-{number:04d}",
        slot=slot,
        citizen_name=name,
        citizen_phone=phone,
        group=group,
        topic=topic,
        channel=intake.channel,
        requested_at=now,
        booked_by=by,
    )
    if slot.allocated_at is not None:
        slot_allocate(slot=slot, now=now)
        booking.refresh_from_db()
    return booking


@transaction.atomic
def slot_open(*, expert, starts_at: datetime, minutes: int, seats: int, now: datetime) -> ExpertSlot:
    """Open an expert's time slot for bookings."""
    if starts_at <= now:
        raise DomainError("invalid", "상담 시간은 지금보다 뒤여야 합니다.", field="day", status=422)
    if ExpertSlot.objects.filter(expert=expert, starts_at=starts_at).exists():
        raise DomainError("duplicate", "그 전문가의 같은 시간이 이미 있습니다.", field="day", status=409)
    return ExpertSlot.objects.create(expert=expert, starts_at=starts_at, minutes=minutes, seats=seats)


def _requests(slot: ExpertSlot) -> list[rules.Request]:
    rows = Booking.objects.filter(slot=slot, status__in=OPEN).values_list("pk", "requested_at", "group__rank")
    return [rules.Request(pk, at, rank) for pk, at, rank in rows]


@transaction.atomic
def slot_allocate(*, slot: ExpertSlot, now: datetime) -> rules.Allocation:
    """Give the free seats to the open requests in priority order; tell each citizen the outcome."""
    slot = ExpertSlot.objects.select_for_update().get(pk=slot.pk)
    confirmed = Booking.objects.filter(slot=slot, status=Booking.Status.CONFIRMED).count()
    allocation = rules.allocate(_requests(slot), slot.seats, already_confirmed=confirmed)
    for status, keys in (
        (Booking.Status.CONFIRMED, allocation.confirmed),
        (Booking.Status.WAITLISTED, allocation.waitlisted),
    ):
        for booking in (
            Booking.objects.filter(pk__in=keys).exclude(status=status).select_related("slot__expert")
        ):
            booking.status = status
            booking.save(update_fields=["status", "updated_at"])
            _tell(booking, now)
    if slot.allocated_at is None:
        slot.allocated_at = now
        slot.save(update_fields=["allocated_at", "updated_at"])
    return allocation


def slots_allocate_due(*, now: datetime) -> int:
    """The periodic job: allocate every slot whose allocation moment has come."""
    cal = calendar()
    count = 0
    for slot in ExpertSlot.objects.filter(allocated_at__isnull=True, starts_at__gt=now).order_by("starts_at")[
        :500
    ]:
        if rules.allocation_moment(slot.starts_at, cal) <= now:
            slot_allocate(slot=slot, now=now)
            count += 1
    return count


def reminders_send(*, now: datetime) -> int:
    """The periodic job: remind confirmed citizens the business day before their consultation."""
    from datetime import timedelta

    cal = calendar()
    count = 0
    soon = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminder_message__isnull=True,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + timedelta(days=10),
    ).select_related("slot__expert")
    for booking in soon:
        if rules.reminder_send_at(booking.slot.starts_at, cal, now=booking.requested_at) > now:
            continue
        with transaction.atomic():
            booking.reminder_message = sms(
                kind="expert_reminder",
                phone=booking.citizen_phone,
                subject="전문가 상담 전날 알림",
                template="visits/expert_reminder.txt",
                context=_context(booking),
                now=now,
                key=f"expert-reminder:{booking.pk}",
                about=booking,
            )
            booking.save(update_fields=["reminder_message", "updated_at"])
        count += 1
    return count


@transaction.atomic
def booking_cancel(*, booking: Booking, now: datetime) -> Booking:
    """Cancel a request or a booking; a freed seat goes to the first on the waiting list."""
    booking = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
    if booking.status in (Booking.Status.CANCELLED, Booking.Status.DONE, Booking.Status.NO_SHOW):
        raise DomainError("invalid_state", "이미 끝났거나 취소한 예약입니다.", status=409)
    was_confirmed = booking.status == Booking.Status.CONFIRMED
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status", "updated_at"])
    if was_confirmed and booking.slot.allocated_at is not None and booking.slot.starts_at > now:
        slot_allocate(slot=booking.slot, now=now)
    return booking


@transaction.atomic
def booking_record(
    *, booking: Booking, attended: bool, record: str, satisfaction: int | None, now: datetime
) -> Booking:
    """After the consultation: the record (masked), or that the citizen did not come; satisfaction 1–5."""
    booking = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
    if booking.status != Booking.Status.CONFIRMED:
        raise DomainError("invalid_state", "확정된 예약만 상담 결과를 적을 수 있습니다.", status=409)
    if booking.slot.starts_at > now:
        raise DomainError("invalid", "상담 시간이 된 뒤에 결과를 적을 수 있습니다.", status=409)
    if satisfaction is not None and satisfaction not in rules.SATISFACTION_LABELS:
        raise DomainError("invalid", "만족도는 1부터 5까지입니다.", field="satisfaction", status=422)
    record = (record or "").strip()
    if attended and not record:
        raise DomainError("required", "상담 기록을 적어 주세요.", field="record", status=422)
    booking.status = Booking.Status.DONE if attended else Booking.Status.NO_SHOW
    booking.record = record[:MAX_TOPIC]
    booking.satisfaction = satisfaction if attended else None
    booking.save(update_fields=["status", "record", "satisfaction", "updated_at"])
    return booking
