"""Pure rules of the counter, the field visits and the expert room: no ORM, no clock (moments and the
calendar are arguments).

- VISIT_GUIDE: a visitor is brought to the person in charge within the charter's minutes, measured in whole
  seconds from arrival (a stopwatch's reading): 5:00 is on time, 5:01 is not. Moments are kept to the
  second, so the stored deadline (arrival + the minutes) decides with one comparison.
- FIELD_VISIT_NOTICE: the citizen is told N days before (the charter's number of days) — N business days
  before the visit's day on the agency's calendar (the charter promise counts on the agency's calendar,
  decision 24), by the end of that day. The day-before notice goes out at 10:00 of that day, or at once
  when the visit is arranged later than that.
- The expert room: a slot's seats go to the vulnerable groups first (the agency's ranks), then in the
  order of request; the rest wait, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

NOTICE_SEND_TIME = time(10, 0)
REMINDER_SEND_TIME = time(10, 0)
ALLOCATE_DAYS_BEFORE = 2  # the expert room allocates a slot's seats this many business days before it


def to_second(moment: datetime) -> datetime:
    """A moment kept to the whole second (as the counter's clock shows it)."""
    return moment.replace(microsecond=0)


def guide_deadline(arrived_at: datetime, minutes: int | float) -> datetime:
    """The last moment (inclusive) at which the visitor may be brought to the person in charge."""
    if minutes < 0:
        raise ValueError("안내 시간(분)은 0 이상이어야 합니다.")
    return to_second(arrived_at) + timedelta(seconds=round(minutes * 60))


def waited_seconds(arrived_at: datetime, until: datetime) -> int:
    """Whole seconds from arrival (both moments read to the second)."""
    return max(int((to_second(until) - to_second(arrived_at)).total_seconds()), 0)


def guided_in_time(arrived_at: datetime, guided_at: datetime, minutes: int | float) -> bool:
    """Met VISIT_GUIDE: brought within the minutes, the last second included (5:00 met, 5:01 missed)."""
    return waited_seconds(arrived_at, guided_at) <= round(minutes * 60)


def clock_label(seconds: int) -> str:
    """``4:59``, ``12:05``, ``1:02:03``."""
    seconds = max(int(seconds), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def waiting_level(seconds: int, limit_seconds: int) -> str:
    """How a waiting visitor stands: ``ok`` (under 60 % of the limit), ``soon`` or ``late`` (past it)."""
    if seconds > limit_seconds:
        return "late"
    if seconds >= limit_seconds * 0.6:
        return "soon"
    return "ok"


# --- field visits -----------------------------------------------------------------------------------------


def notice_day(visit_day: date, days: int, calendar) -> date:
    """The business day `days` business days before `visit_day` on the agency's calendar."""
    if days < 1:
        raise ValueError("사전 안내 일수는 1 이상이어야 합니다.")
    day = visit_day
    counted = 0
    for _ in range(366):
        day -= timedelta(days=1)
        if calendar.is_business_day(day):
            counted += 1
            if counted == days:
                return day
    raise ValueError("사전 안내일을 찾을 수 없습니다. 달력의 휴무일 설정을 확인하세요.")


def _local(moment: datetime, tz) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("시각에 시간대가 없습니다.")
    return moment.astimezone(tz)


def notice_due_at(scheduled_at: datetime, days: int, calendar) -> datetime:
    """The end of the notice day: the notice is on time when sent before this moment."""
    local = _local(scheduled_at, calendar.tz)
    day = notice_day(local.date(), days, calendar)
    return datetime.combine(day + timedelta(days=1), time.min, calendar.tz)


def notice_send_at(scheduled_at: datetime, days: int, calendar, *, arranged_at: datetime) -> datetime:
    """When the automatic notice goes out: 10:00 of the notice day, or at once if that has passed."""
    local = _local(scheduled_at, calendar.tz)
    planned = datetime.combine(notice_day(local.date(), days, calendar), NOTICE_SEND_TIME, calendar.tz)
    return max(planned, to_second(arranged_at))


def notice_in_time(sent_at: datetime | None, due_at: datetime) -> bool:
    return sent_at is not None and sent_at < due_at


# --- expert room ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Request:
    key: int
    requested_at: datetime
    priority: int | None  # the group's rank (1 comes first); None = no priority group


def priority_order(requests: Iterable[Request]) -> list[Request]:
    """Vulnerable groups first (by rank), then everyone in the order of request; ties by key."""
    return sorted(
        requests,
        key=lambda r: (
            r.priority is None,
            r.priority if r.priority is not None else 0,
            r.requested_at,
            r.key,
        ),
    )


@dataclass(frozen=True)
class Allocation:
    confirmed: tuple[int, ...]
    waitlisted: tuple[int, ...]


def allocate(requests: Sequence[Request], seats: int, *, already_confirmed: int = 0) -> Allocation:
    """Seats of a slot for the open requests: `seats` minus those already confirmed go in priority order;
    the rest wait in the same order."""
    if seats < 0 or already_confirmed < 0:
        raise ValueError("정원과 확정 인원은 0 이상이어야 합니다.")
    ordered = priority_order(requests)
    free = max(seats - already_confirmed, 0)
    return Allocation(tuple(r.key for r in ordered[:free]), tuple(r.key for r in ordered[free:]))


def allocation_moment(starts_at: datetime, calendar) -> datetime:
    """When a slot's seats are allocated: 10:00, `ALLOCATE_DAYS_BEFORE` business days before the slot."""
    local = _local(starts_at, calendar.tz)
    day = notice_day(local.date(), ALLOCATE_DAYS_BEFORE, calendar)
    return datetime.combine(day, time(10, 0), calendar.tz)


def reminder_send_at(starts_at: datetime, calendar, *, now: datetime) -> datetime:
    """The reminder of a confirmed booking: 10:00 the business day before, or at once if that has passed."""
    local = _local(starts_at, calendar.tz)
    planned = datetime.combine(notice_day(local.date(), 1, calendar), REMINDER_SEND_TIME, calendar.tz)
    return max(planned, to_second(now))


SATISFACTION_LABELS = {5: "매우 만족", 4: "만족", 3: "보통", 2: "불만족", 1: "매우 불만족"}
