"""The measurement rules of the call centre, as pure functions (no ORM, no clock).

Definitions (published on the wallboard help and in docs/callcentre.md):

- ``ring_s`` = answer − start, in whole seconds (None when not answered).
- A call is **within the phone standard** when answered with ``ring_s`` < (rings − 1) × cadence: the
  charter's PHONE_RINGS says "before the 3rd ring", i.e. before the 3rd ring *starts*; with the Korean
  ring-back cadence of 3 s (1 s on, 2 s off) that is 2 × 3 = 6 s, so 5 s is within and 6 s is not.
- **Over 3 minutes** when billsec > 180 (180 s is not over).
- A missed call to a person creates a call-back obligation due when the CALLBACK_ABSENT minutes of
  working time have run out after the missed call ended; it is **met** by a call-back at or before the
  due moment.
- **Service level** = answered within T s ÷ (answered + abandoned after T s); short abandons (< T) are
  not held against the centre.
- **ASA** = total wait of answered calls ÷ answered; **AHT** = (talk + wrap-up) ÷ answered.
- **First-contact resolution**: resolved without a case, or with a case closed at first contact, and no
  repeat call from the same number within 7 days.
- **Transferred** (queue_log TRANSFER): the call is credited to whoever finally handled it — the last
  transfer's target extension — and counted as transferred for that person.
- **Rings not answered** (RINGNOANSWER): one per ring offered to an agent who did not pick up.
- **Pause time** (PAUSE/UNPAUSE): seconds between a PAUSE and the next UNPAUSE, split at local midnight;
  a pause still open counts up to the end of the day (or now).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

DEFAULT_RINGS = 3
DEFAULT_CADENCE_S = 3
OVER_TALK_S = 180
DEFAULT_CALLBACK_MINUTES = 60
DEFAULT_SERVICE_LEVEL_T = 20
SHORT_ABANDON_S = 5
REPEAT_DAYS = 7
DEFAULT_OPERATING_HOURS = (time(8, 30), time(18, 30))

MISSED_DISPOSITIONS = frozenset({"NO ANSWER", "BUSY"})


class WorkingClock(Protocol):
    def add_working_hours(self, moment: datetime, hours) -> datetime: ...


def ring_seconds(start: datetime, answer: datetime | None) -> int | None:
    """Whole seconds from the start of the call to its answer (None when not answered)."""
    if answer is None:
        return None
    if answer < start:
        raise ValueError("응답 시각이 시작 시각보다 이릅니다.")
    return int((answer - start).total_seconds())


def standard_limit_s(rings: int = DEFAULT_RINGS, cadence_s: int = DEFAULT_CADENCE_S) -> int:
    """Seconds before the `rings`-th ring starts: (rings − 1) × cadence (6 s for 3 rings of 3 s)."""
    if rings < 1 or cadence_s < 1:
        raise ValueError("벨 횟수와 주기는 1 이상이어야 합니다.")
    return (rings - 1) * cadence_s


def within_standard(
    ring_s: int | None, *, rings: int = DEFAULT_RINGS, cadence_s: int = DEFAULT_CADENCE_S
) -> bool:
    """Answered before the `rings`-th ring started."""
    return ring_s is not None and ring_s < standard_limit_s(rings, cadence_s)


def over_talk_limit(billsec: int, limit_s: int = OVER_TALK_S) -> bool:
    """Talk longer than the limit (3 minutes of the 333 campaign): billsec > 180."""
    return billsec > limit_s


def is_missed(disposition: str) -> bool:
    """NO ANSWER or BUSY: the person did not take the call."""
    return disposition.strip().upper() in MISSED_DISPOSITIONS


def callback_due(
    ended_at: datetime, clock: WorkingClock, minutes: int = DEFAULT_CALLBACK_MINUTES
) -> datetime:
    """When the call-back is due: `minutes` of working time after the missed call ended."""
    if minutes < 0:
        raise ValueError("콜백 기한(분)은 0 이상이어야 합니다.")
    return clock.add_working_hours(ended_at, timedelta(minutes=minutes))


def callback_met(due_at: datetime, called_back_at: datetime | None) -> bool:
    """Met when the call-back happened at or before the due moment."""
    return called_back_at is not None and called_back_at <= due_at


def callback_status(due_at: datetime, called_back_at: datetime | None, now: datetime) -> str:
    """open (not yet due), met, or missed — as it stands at `now`."""
    if called_back_at is not None and called_back_at <= now:
        return "met" if called_back_at <= due_at else "late"
    return "missed" if now > due_at else "open"


def is_short_abandon(wait_s: int | None, limit_s: int = SHORT_ABANDON_S) -> bool:
    return wait_s is not None and wait_s < limit_s


def in_operating_hours(
    moment_local: datetime, *, hours=DEFAULT_OPERATING_HOURS, business_day: bool = True
) -> bool:
    """Whether a local moment falls inside the centre's operating hours (weekdays 08:30–18:30)."""
    if not business_day:
        return False
    opening, closing = hours
    return opening <= moment_local.time() < closing


def percent(part: int, whole: int) -> Decimal | None:
    """A rate in percent with one decimal (half up); None when there is nothing to divide by."""
    if whole <= 0:
        return None
    if not 0 <= part <= whole:
        raise ValueError("비율의 분자는 0 이상, 분모 이하여야 합니다.")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def service_level(answered_within_t: int, answered: int, abandoned_after_t: int) -> Decimal | None:
    """Answered within T ÷ (answered + abandoned after T), in percent."""
    return percent(answered_within_t, answered + abandoned_after_t)


def average_s(total_s: int, n: int) -> Decimal | None:
    if n <= 0:
        return None
    return (Decimal(total_s) / Decimal(n)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def asa_s(total_wait_s: int, answered: int) -> Decimal | None:
    """Average speed of answer."""
    return average_s(total_wait_s, answered)


def aht_s(total_talk_s: int, answered: int, total_wrap_s: int = 0) -> Decimal | None:
    """Average handling time: talk (+ hold, included in billsec) + after-call work, per answered call."""
    return average_s(total_talk_s + total_wrap_s, answered)


@dataclass(frozen=True)
class Contact:
    """One answered call for the first-contact rule."""

    number: str
    started_at: datetime
    case_opened: bool = False
    case_closed_first_contact: bool = False


def first_contact_resolved(
    call: Contact, later_calls: Iterable[datetime], *, days: int = REPEAT_DAYS
) -> bool:
    """Resolved at first contact: no case or a case closed at first contact, and no repeat call from the
    same number within `days` after this call."""
    if call.case_opened and not call.case_closed_first_contact:
        return False
    limit = call.started_at + timedelta(days=days)
    return not any(call.started_at < t <= limit for t in later_calls)


def fcr_flags(calls: list[Contact], *, days: int = REPEAT_DAYS) -> list[bool]:
    """`first_contact_resolved` for many calls at once (sorted per number, one pass)."""
    order = sorted(range(len(calls)), key=lambda i: (calls[i].number, calls[i].started_at))
    result = [False] * len(calls)
    for pos, i in enumerate(order):
        call = calls[i]
        nxt = order[pos + 1] if pos + 1 < len(order) else None
        later = []
        if nxt is not None and calls[nxt].number == call.number:
            later = [calls[nxt].started_at]
        result[i] = first_contact_resolved(call, later, days=days)
    return result


def extension_of_channel(channel: str) -> str:
    """The extension of a channel name: ``SIP/2001-0000001a`` → ``2001``, ``PJSIP/2001`` → ``2001``."""
    if not channel:
        return ""
    tail = channel.split("/", 1)[-1]
    if "@" in tail:
        tail = tail.split("@", 1)[0]
    head, sep, suffix = tail.rpartition("-")
    if sep and suffix and all(c in "0123456789abcdef" for c in suffix.lower()):
        tail = head
    return tail.rpartition("/")[-1]


def is_extension(number: str, max_len: int = 5) -> bool:
    """Internal extensions are short digit strings; anything longer is an outside number."""
    number = number.strip()
    return bool(number) and number.isdigit() and len(number) <= max_len


def direction_of(src: str, dst: str, *, max_len: int = 5) -> str:
    """inbound (outside → extension), outbound (extension → outside) or internal."""
    src_internal, dst_internal = is_extension(src, max_len), is_extension(dst, max_len)
    if src_internal and dst_internal:
        return "internal"
    if src_internal:
        return "outbound"
    return "inbound"


def local_day_hour(moment_local: datetime) -> tuple[date, int]:
    return moment_local.date(), moment_local.hour


# --- mileage (전화응대 점검) -------------------------------------------------------------------------
@dataclass(frozen=True)
class MileageRule:
    """When a month's phone figures earn 전화응대 점검 events (each event = the item's points)."""

    min_answered: int = 20
    within_rate: Decimal = Decimal("90")
    over_3_min_share_max: Decimal = Decimal("30")
    hung_up_first_share_min: Decimal = Decimal("80")


@dataclass(frozen=True)
class MonthFigures:
    answered: int
    judged: int
    within: int
    over_3_min: int
    hung_up_first: int
    callbacks_due: int
    callbacks_met: int


def phone_mileage_events(f: MonthFigures, rule: MileageRule = MileageRule()) -> list[str]:
    """The reasons (Korean) a person earns one event each: answering within the standard, every
    call-back met, and the whole 333 (standard + within 3 minutes + customer hangs up first)."""
    reasons: list[str] = []
    if f.answered < rule.min_answered or f.judged == 0:
        return reasons
    within = percent(f.within, f.judged) or Decimal(0)
    if within >= rule.within_rate:
        reasons.append(f"기준 안 응답 {within}%")
    if f.callbacks_due and f.callbacks_met == f.callbacks_due:
        reasons.append(f"콜백 {f.callbacks_due}건 모두 기한 안")
    over = percent(f.over_3_min, f.answered) or Decimal(0)
    hung = percent(f.hung_up_first, f.answered) or Decimal(0)
    if (
        within >= rule.within_rate
        and over <= rule.over_3_min_share_max
        and hung >= rule.hung_up_first_share_min
    ):
        reasons.append(f"333 달성 (3분 초과 {over}%, 고객이 먼저 끊음 {hung}%)")
    return reasons


# --- queue_log: transfers, rings not answered, pauses ----------------------------------------------------
def final_handler(connected_extension: str, transfer_targets: Iterable[str]) -> str:
    """The extension that finally handled a queue call: the last transfer's target, else the agent who
    answered (TRANSFER's first field is the extension the call was transferred to)."""
    handler = connected_extension
    for target in transfer_targets:
        target = target.strip()
        if target:
            handler = target
    return handler


def pause_seconds(events: Iterable[tuple[datetime, bool]], start: datetime, end: datetime) -> int:
    """Seconds an agent was paused within [start, end). `events`: (moment, paused) in time order — PAUSE
    is True, UNPAUSE False; events before `start` set the state at `start`. A second PAUSE while paused
    and an UNPAUSE while not paused change nothing; a pause still open at `end` counts up to `end`."""
    if end <= start:
        return 0
    total = timedelta(0)
    paused_since: datetime | None = None
    for moment, paused in events:
        if moment >= end:
            break
        if paused and paused_since is None:
            paused_since = moment
        elif not paused and paused_since is not None:
            total += max(timedelta(0), min(moment, end) - max(paused_since, start))
            paused_since = None
    if paused_since is not None:
        total += max(timedelta(0), end - max(paused_since, start))
    return int(total.total_seconds())


def pause_by_day(
    events: list[tuple[datetime, bool]], days: Iterable[date], tz, until: datetime | None = None
) -> dict[date, int]:
    """`pause_seconds` for each local day (midnight to midnight in `tz`, and not beyond `until`)."""
    out = {}
    for day in days:
        start = datetime.combine(day, time(0), tzinfo=tz)
        end = start + timedelta(days=1)
        if until is not None:
            end = min(end, until)
        seconds = pause_seconds(events, start, end)
        if seconds:
            out[day] = seconds
    return out
