"""Deadline rules of the Civil Petitions Act (민원처리법 제19조, 시행령 제13~23조) and the service charter.

Pure functions: the clock and the business calendar are arguments, and every result is an aware
Asia/Seoul datetime.

Two calendars (``calendar.py``): every statutory deadline — the processing period, its extensions
(영 §21), transfers (영 §13), interim notices (영 §23) — is counted on the law's calendar
(``calendar.law``: Saturdays, Sundays and public holidays left out, nothing else), whatever calendar the
caller passes; the charter's promise is counted on the agency's calendar (its closures and extra working
days included). Each ``Deadline`` records which (``calendar``: ``"law"`` or ``"agency"``).

- A case received outside working periods counts from the start of the next working period.
- A period of 5 days or less, or one given in hours, is counted in working hours (1일 = 8근무시간,
  09:00–18:00 without lunch); the deadline is the instant the hours are used up (법 §19①).
- A period of 6 days or more is counted in business days, the (effective) receipt day being day 1; the
  deadline is the end of the last working period of the last day (법 §19②).
- A period of weeks, months or years counts the first day and ends, as in 민법 제160조, the day before the
  corresponding day (the month's last day when there is none); a last day that is a Saturday or a public
  holiday moves to the next business day (법 §19③, 민법 제161조).
- A period that counts Saturdays (정보공개, where the agency does so) is counted in days whatever its
  length; a last day that is a Saturday or holiday moves to the next business day.
- Where the charter promises less for the case's channel, the earlier deadline binds.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from .calendar import SEOUL, BusinessCalendar, format_dt_ko, hours_to_timedelta
from .counting import (
    AGENCY,
    CALENDAR_LABELS,
    LAW,
    Deadline,
    Deadlines,
    calendar_unit_last_day,
    day_counted_due,
    due_at,
    legal_due_at,
    promise_due_at,
    require_aware,
)
from .periods import (
    CHANNEL_LABELS,
    KIND_LABELS,
    LEGAL_BASIS,
    LEGAL_PERIODS,
    CaseKind,
    Channel,
    Period,
    legal_period,
)

__all__ = [
    "AGENCY",
    "CALENDAR_LABELS",
    "CHANNEL_LABELS",
    "INTERIM_EVERY",
    "KIND_LABELS",
    "LAW",
    "LEGAL_BASIS",
    "LEGAL_PERIODS",
    "TRANSFER_HOURS",
    "CaseKind",
    "Channel",
    "Deadline",
    "Deadlines",
    "ExtensionError",
    "Period",
    "binding_deadline",
    "CaseDeadline",
    "DEADLINE_LABELS",
    "case_deadlines",
    "due_at",
    "due_soon",
    "extension_due",
    "format_dt_ko",
    "interim_notice_dates",
    "interim_notice_needed",
    "is_overdue",
    "legal_due_at",
    "legal_period",
    "promise_due_at",
    "transfer_due",
]


def binding_deadline(
    received_at: datetime,
    *,
    kind: str,
    channel: str,
    calendar: BusinessCalendar,
    charter_days: int | None = None,
    statutory_days: int | Period | None = None,
    disclosure_saturdays_count: bool = False,
) -> Deadlines:
    """The legal deadline of `kind`, the charter's promise for `channel` (``charter_days``; None means
    no promise) and the one that binds: the promise when it is earlier, else the legal deadline.

    The legal deadline counts on the law's calendar (``calendar.law``), the promise on `calendar`, the
    agency's. Returns ``Deadlines(legal, promise, binding)``; it unpacks as a 3-tuple.
    """
    period = legal_period(
        kind, statutory_days=statutory_days, disclosure_saturdays_count=disclosure_saturdays_count
    )
    computed = legal_due_at(received_at, period, calendar)
    legal = Deadline(
        computed.due_at,
        f"{LEGAL_BASIS[CaseKind(kind)]} · {computed.rule}",
        period,
        computed.counted_from,
        LAW,
    )
    if charter_days is None or charter_days == 0:
        return Deadlines(legal, None, legal)
    channel_label = CHANNEL_LABELS.get(channel, channel)
    scope = f"{channel_label} {charter_days}일" if channel_label else f"{charter_days}일"
    promised = f"서비스헌장 약속({scope})"
    computed = promise_due_at(received_at, Period.of_days(charter_days), calendar)
    promise = Deadline(
        computed.due_at,
        f"{promised} · {computed.rule}",
        computed.period,
        computed.counted_from,
        AGENCY,
    )
    if promise.due_at < legal.due_at:
        binding = Deadline(
            promise.due_at,
            f"{promised}이 법정기한보다 짧아 우선 적용 · {computed.rule} "
            f"(법정기한 {format_dt_ko(legal.due_at)})",
            promise.period,
            promise.counted_from,
            AGENCY,
        )
        return Deadlines(legal, promise, binding)
    return Deadlines(legal, promise, legal)


class CaseDeadline(NamedTuple):
    """One deadline of a case as shown: what it is, when, and the calendar it was counted on."""

    which: str
    label: str
    due_at: datetime
    calendar: str
    calendar_label: str


DEADLINE_LABELS: Mapping[str, str] = MappingProxyType(
    {"binding": "처리기한", "legal": "법정 처리기한", "promise": "헌장 약속 기한"}
)


def case_deadlines(
    *,
    legal_due_at: datetime,
    promise_due_at: datetime | None,
    due_at: datetime,
    extensions: int,
) -> list[CaseDeadline]:
    """The deadlines stored on a case with the calendar each was counted on, derived from the rules (no
    stored flag): the legal deadline and every extension (영 §21) count on the law's calendar, the
    promise on the agency's, and the binding deadline is the promise only while the promise was the
    earlier one and nothing was extended."""
    promise_binds = (
        extensions == 0
        and promise_due_at is not None
        and due_at == promise_due_at
        and promise_due_at < legal_due_at
    )
    rows = [("binding", due_at, AGENCY if promise_binds else LAW), ("legal", legal_due_at, LAW)]
    if promise_due_at is not None:
        rows.append(("promise", promise_due_at, AGENCY))
    return [
        CaseDeadline(which, DEADLINE_LABELS[which], moment, calendar, CALENDAR_LABELS[calendar])
        for which, moment, calendar in rows
    ]


class ExtensionError(ValueError):
    """An extension the decree does not allow (the message is in Korean, for the user)."""


MAX_EXTENSIONS = 2


def extension_due(
    current_due: datetime,
    original_period: Period,
    calendar: BusinessCalendar,
    *,
    extension_no: int,
    days: int | None = None,
    hours: int | float | Decimal | None = None,
    customer_consent: bool,
    requested_at: datetime,
    kind: str | None = None,
) -> Deadline:
    """The deadline after extension number `extension_no` (시행령 제21조①).

    - A 정보공개 청구 (``kind="disclosure"``) is extended once only, by at most its 10 days
      (정보공개법 제11조②).

    - The first extension is at most the original period; the second, also at most the original
      period, needs the customer's consent; there is no third.
    - It must be requested before `current_due`.
    - The extension is given in `days` (or, for an hours period, optionally in `hours`). Day lengths are
      compared in days, anything else in working hours.
    - It is counted like any period (법 §19): 5 days or less in working hours from the working moment
      after `current_due`; 6 days or more in business days from the day after `current_due`. The
      original period's Saturday rule applies. The result is never earlier than `current_due`.
    - It is counted on the law's calendar (``calendar.law``): an extension is a statutory period.
    - An original period of weeks, months or years caps the extension at the calendar days that period
      spans from the day after `current_due`.
    """
    require_aware(current_due, requested_at)
    calendar = calendar.law
    if isinstance(extension_no, bool) or not isinstance(extension_no, int) or extension_no < 1:
        raise ExtensionError("연장 차수는 1차 또는 2차입니다.")
    if kind == CaseKind.DISCLOSURE and extension_no > 1:
        raise ExtensionError("정보공개 결정기간은 한 번만 연장할 수 있습니다(정보공개법 제11조②).")
    if extension_no > MAX_EXTENSIONS:
        raise ExtensionError("처리기간은 두 번까지만 연장할 수 있습니다(시행령 제21조①).")
    if extension_no == 2 and not customer_consent:
        raise ExtensionError("두 번째 연장은 민원인의 동의가 있어야 합니다(시행령 제21조①).")
    if requested_at >= current_due:
        raise ExtensionError(
            f"처리기간({format_dt_ko(current_due)})이 지난 뒤에는 연장할 수 없습니다. 기한 전에 연장하세요."
        )
    if (days is None) == (hours is None):
        raise ExtensionError("연장 기간은 일 또는 근무시간 가운데 하나로 정하세요.")
    if days is not None and (isinstance(days, bool) or int(days) != days or days < 1):
        raise ExtensionError("연장 기간은 1일 이상이어야 합니다.")
    if hours is not None and Decimal(str(hours)) <= 0:
        raise ExtensionError("연장 기간은 0근무시간보다 길어야 합니다.")
    if days is not None:
        extension = Period.of_days(int(days), saturdays_count=original_period.saturdays_count)
    else:
        assert hours is not None  # one of days/hours was checked above
        extension = Period.of_hours(hours)
    if original_period.in_calendar_units:
        first = current_due.astimezone(calendar.tz).date() + timedelta(days=1)
        span = (calendar_unit_last_day(first, original_period) - first).days + 1
        too_long = extension.days is None or extension.days > span
    elif extension.days is not None and original_period.days is not None:
        too_long = extension.days > original_period.days
    else:
        too_long = extension.working_hours(calendar) > original_period.working_hours(calendar)
    if too_long:
        raise ExtensionError(
            f"연장 기간({extension.label_ko})은 원래 처리기간({original_period.label_ko})을 넘을 수 없습니다."
        )
    if extension.counted_in_hours:
        due = calendar.add_working_hours(current_due, extension.working_hours(calendar))
    else:
        due = day_counted_due(current_due, extension, calendar, first_day_is_next=True)
    due = max(due, current_due.astimezone(calendar.tz))
    consent = "(민원인 동의)" if extension_no == 2 else ""
    rule = (
        f"시행령 제21조① {extension_no}차 연장 {extension.label_ko}{consent}: "
        f"{format_dt_ko(current_due)} → {format_dt_ko(due)}"
    )
    return Deadline(due_at=due, rule=rule, period=extension, counted_from=current_due, calendar=LAW)


INTERIM_EVERY = timedelta(days=30)


def interim_notice_dates(
    received_at: datetime, until: datetime, *, calendar: BusinessCalendar | None = None
) -> list[datetime]:
    """When interim notices fall due (시행령 제23조): 30 days after receipt and every 30 days after, up to
    and including `until`.

    Calendar days (민법 기간 계산), at the clock time of receipt. Without a calendar a notice is due on that
    date whatever the weekday; with one, a date that is a Saturday, Sunday or public holiday moves to the
    start of the next business day of the law's calendar (민법 제161조, 법 §19③): an agency closure
    moves nothing. Whether a notice is listed depends on the unmoved date.
    """
    require_aware(received_at, until)
    calendar = calendar.law if calendar is not None else None
    tz = calendar.tz if calendar is not None else SEOUL
    moments: list[datetime] = []
    moment = received_at.astimezone(tz) + INTERIM_EVERY
    while moment <= until:
        if calendar is not None and not calendar.is_business_day(moment.date()):
            moments.append(calendar.start_of_day(calendar.next_business_day(moment.date())))
        else:
            moments.append(moment)
        moment += INTERIM_EVERY
    return moments


def interim_notice_needed(
    *,
    received_at: datetime,
    now: datetime,
    last_interim_at: datetime | None,
    promise_due: datetime | None,
    expected_done: datetime | None,
) -> bool:
    """Whether an interim notice is owed now.

    - 30 days have passed since receipt, or since the last interim notice (so the customer never goes
      30 days without news, 시행령 제23조); or
    - the expected completion falls after the charter's promise and no interim notice was sent yet.
    """
    require_aware(received_at, now, last_interim_at, promise_due, expected_done)
    if now < received_at:
        return False
    since = max(received_at, last_interim_at) if last_interim_at is not None else received_at
    if now - since >= INTERIM_EVERY:
        return True
    return (
        promise_due is not None
        and expected_done is not None
        and expected_done > promise_due
        and last_interim_at is None
    )


TRANSFER_HOURS: Mapping[str, int] = MappingProxyType({"external": 8, "internal": 1, "wrong_department": 3})


def transfer_due(
    received_at: datetime,
    *,
    external: bool,
    wrong_department: bool = False,
    special_reason: bool = False,
    calendar: BusinessCalendar,
) -> Deadline:
    """The transfer deadline (시행령 제13조): to another agency within 8 working hours (③); from the
    민원실 to the department in charge within 1 working hour, or 3 for a special reason such as a distant
    department (①); 3 when the case went to a department not in charge (②). Counted on the law's
    calendar (``calendar.law``).
    """
    require_aware(received_at)
    calendar = calendar.law
    if external:
        hours, what = TRANSFER_HOURS["external"], "시행령 제13조③: 다른 기관 이송"
    elif wrong_department:
        hours, what = TRANSFER_HOURS["wrong_department"], "시행령 제13조②: 소관이 아닌 부서에서 재이송"
    elif special_reason:
        hours, what = (
            TRANSFER_HOURS["wrong_department"],
            "시행령 제13조① 단서: 특별한 사유가 있는 주무부서 이송",
        )
    else:
        hours, what = TRANSFER_HOURS["internal"], "시행령 제13조①: 주무부서 이송"
    period = Period.of_hours(hours)
    start = calendar.next_working_moment(received_at)
    due = calendar.add_working_hours(start, hours)
    return Deadline(
        due_at=due,
        rule=f"{what} {period.label_ko}, {format_dt_ko(due)}까지",
        period=period,
        counted_from=start,
        calendar=LAW,
    )


def is_overdue(due_at: datetime | None, now: datetime) -> bool:
    """Past the deadline (the deadline instant itself is still in time)."""
    return due_at is not None and now > due_at


def due_soon(
    due_at: datetime | None,
    now: datetime,
    calendar: BusinessCalendar,
    within_hours: int | float | Decimal = 8,
) -> bool:
    """Not yet overdue, with at most `within_hours` working hours left."""
    if due_at is None or is_overdue(due_at, now):
        return False
    return calendar.working_time_between(now, due_at) <= hours_to_timedelta(within_hours)
