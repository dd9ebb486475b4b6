"""Deadline rules of the Civil Petitions Act (민원처리법 제19조, 시행령 제13~23조) and the service charter.

Pure functions: the clock and the business calendar are arguments, and every result is an aware
Asia/Seoul datetime.

- A case received outside working periods counts from the start of the next working period.
- A period of 5 days or less, or one given in hours, is counted in working hours (1일 = 8근무시간);
  the deadline is the instant the hours are used up (법 §19①).
- A period of 6 days or more is counted in business days, the (effective) receipt day being day 1; the
  deadline is the end of the last working period of the last day (법 §19②).
- A period that counts Saturdays (정보공개, where the agency does so) is counted in days whatever its
  length; a last day that is a Saturday or holiday moves to the next business day.
- Where the charter promises less for the case's channel, the earlier deadline binds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from .calendar import SEOUL, BusinessCalendar, format_dt_ko, hours_to_timedelta

__all__ = [
    "CHANNEL_LABELS",
    "INTERIM_EVERY",
    "KIND_LABELS",
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
    "due_at",
    "due_soon",
    "extension_due",
    "format_dt_ko",
    "interim_notice_dates",
    "interim_notice_needed",
    "is_overdue",
    "legal_period",
    "transfer_due",
]


class CaseKind(StrEnum):
    INQUIRY_LAW = "inquiry_law"
    INQUIRY = "inquiry"
    SUGGESTION = "suggestion"
    GRIEVANCE = "grievance"
    OTHER = "other"
    STATUTORY = "statutory"
    DISCLOSURE = "disclosure"
    PRAISE = "praise"
    UNKIND = "unkind"


KIND_LABELS: dict[str, str] = {
    CaseKind.INQUIRY_LAW: "질의(법령 해석)",
    CaseKind.INQUIRY: "질의(제도·절차)",
    CaseKind.SUGGESTION: "건의",
    CaseKind.GRIEVANCE: "고충",
    CaseKind.OTHER: "기타 민원",
    CaseKind.STATUTORY: "법정민원",
    CaseKind.DISCLOSURE: "정보공개",
    CaseKind.PRAISE: "칭찬",
    CaseKind.UNKIND: "불친절 신고",
}


class Channel(StrEnum):
    WEB = "web"
    PHONE = "phone"
    VISIT = "visit"
    MAIL = "mail"
    FAX = "fax"
    EPEOPLE = "epeople"
    DISCLOSURE = "disclosure"
    SMS = "sms"
    CHAT = "chat"
    EMAIL = "email"


CHANNEL_LABELS: dict[str, str] = {
    Channel.WEB: "홈페이지",
    Channel.PHONE: "전화",
    Channel.VISIT: "방문",
    Channel.MAIL: "우편",
    Channel.FAX: "팩스",
    Channel.EPEOPLE: "국민신문고",
    Channel.DISCLOSURE: "정보공개청구",
    Channel.SMS: "문자",
    Channel.CHAT: "채팅",
    Channel.EMAIL: "전자우편",
}

# Periods of 5 days or less are counted in working hours (법 §19①).
HOURS_COUNTED_UP_TO_DAYS = 5


@dataclass(frozen=True)
class Period:
    """A processing period: whole days, or working hours. ``saturdays_count`` makes Saturdays count as
    days; such a period is always counted in days, since Saturdays have no working hours."""

    days: int | None = None
    hours: Decimal | None = None
    saturdays_count: bool = False

    def __post_init__(self) -> None:
        if (self.days is None) == (self.hours is None):
            raise ValueError("처리기간은 일 또는 근무시간 가운데 하나로만 정합니다.")
        if self.days is not None:
            if isinstance(self.days, bool) or int(self.days) != self.days:
                raise ValueError("처리기간(일)은 정수여야 합니다.")
            object.__setattr__(self, "days", int(self.days))
            if self.days < 1:
                raise ValueError("처리기간은 1일 이상이어야 합니다.")
        if self.hours is not None:
            if not isinstance(self.hours, Decimal):
                object.__setattr__(self, "hours", Decimal(str(self.hours)))
            if not self.hours.is_finite() or self.hours <= 0:
                raise ValueError("처리기간은 0근무시간보다 길어야 합니다.")

    @classmethod
    def of_days(cls, days: int, *, saturdays_count: bool = False) -> Period:
        return cls(days=days, saturdays_count=saturdays_count)

    @classmethod
    def of_hours(cls, hours: int | float | Decimal) -> Period:
        return cls(hours=Decimal(str(hours)))

    @property
    def counted_in_hours(self) -> bool:
        """Counted in working hours: given in hours, or 5 days or less (법 §19①). A period that counts
        Saturdays (the 정보공개 convention of some agencies) is always counted in days."""
        if self.hours is not None:
            return True
        return self.days <= HOURS_COUNTED_UP_TO_DAYS and not self.saturdays_count

    def working_hours(self, calendar: BusinessCalendar) -> Decimal:
        """The period in working hours (days × the calendar's hours per day)."""
        if self.hours is not None:
            return self.hours
        return calendar.hours_per_day * self.days

    @property
    def label_ko(self) -> str:
        """``7일`` or ``3근무시간``."""
        if self.hours is not None:
            return f"{_number(self.hours)}근무시간"
        return f"{self.days}일"


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


LEGAL_PERIODS: Mapping[str, Period] = MappingProxyType(
    {
        CaseKind.INQUIRY_LAW: Period.of_days(14),
        CaseKind.INQUIRY: Period.of_days(7),
        CaseKind.SUGGESTION: Period.of_days(14),
        CaseKind.GRIEVANCE: Period.of_days(7),
        CaseKind.OTHER: Period.of_hours(3),
        CaseKind.DISCLOSURE: Period.of_days(10),
        CaseKind.PRAISE: Period.of_days(7),
        CaseKind.UNKIND: Period.of_days(7),
    }
)
LEGAL_BASIS: Mapping[str, str] = MappingProxyType(
    {
        CaseKind.INQUIRY_LAW: "민원처리법 시행령 제14조(법령 해석 질의 14일)",
        CaseKind.INQUIRY: "민원처리법 시행령 제14조(제도·절차 질의 7일)",
        CaseKind.SUGGESTION: "민원처리법 시행령 제15조(건의 14일)",
        CaseKind.GRIEVANCE: "민원처리법 시행령 제17조(고충 7일)",
        CaseKind.OTHER: "민원처리법 시행령 제16조·제19조(기타민원 즉시 = 3근무시간)",
        CaseKind.STATUTORY: "민원처리법 제17조(민원처리기준표)",
        CaseKind.DISCLOSURE: "정보공개법 제11조(10일)",
        CaseKind.PRAISE: "기관 내부 기준(7일)",
        CaseKind.UNKIND: "기관 내부 기준(7일)",
    }
)


@dataclass(frozen=True)
class Deadline:
    """A deadline with its Korean explanation. ``counted_from`` is the moment counting started."""

    due_at: datetime
    rule: str
    period: Period
    counted_from: datetime | None = None


class Deadlines(NamedTuple):
    """The legal deadline, the charter's promise (None without one) and the one that binds."""

    legal: Deadline
    promise: Deadline | None
    binding: Deadline


def _require_aware(*moments: datetime | None) -> None:
    for moment in moments:
        if moment is not None and (moment.tzinfo is None or moment.utcoffset() is None):
            raise ValueError("시각에 시간대(timezone)가 없습니다. 시간대가 있는 datetime을 주세요.")


def legal_period(
    kind: str, *, statutory_days: int | None = None, disclosure_saturdays_count: bool = False
) -> Period:
    """The period the law sets for `kind`. 법정민원 take theirs from the 민원처리기준표 (`statutory_days`);
    정보공개 may count Saturdays where the agency does so (the law is silent)."""
    kind = CaseKind(kind)
    if kind == CaseKind.STATUTORY:
        if not statutory_days:
            raise ValueError("법정민원은 민원처리기준표의 처리기간(일)이 필요합니다.")
        return Period.of_days(statutory_days)
    period = LEGAL_PERIODS[kind]
    if kind == CaseKind.DISCLOSURE and disclosure_saturdays_count:
        return Period.of_days(period.days, saturdays_count=True)
    return period


def _day_counted_due(
    first_day_from: datetime, period: Period, calendar: BusinessCalendar, *, first_day_is_next: bool = False
) -> datetime:
    day = first_day_from.astimezone(calendar.tz).date()
    if first_day_is_next:
        day += timedelta(days=1)
    last_day = calendar.add_business_days(day, period.days, saturdays_count=period.saturdays_count)
    if period.saturdays_count:
        last_day = calendar.next_business_day(last_day)
    return calendar.end_of_day(last_day)


def _how_counted(period: Period, calendar: BusinessCalendar) -> str:
    if period.hours is not None:
        return f"민원처리법 제19조①: {period.label_ko}(토요일·공휴일 제외)"
    if period.counted_in_hours:
        hours = _number(period.working_hours(calendar))
        per_day = _number(calendar.hours_per_day)
        return f"민원처리법 제19조①: {period.label_ko} = {hours}근무시간(1일 {per_day}근무시간, 토요일·공휴일 제외)"
    if period.saturdays_count:
        return (
            f"처리기간 {period.label_ko}(초일 산입, 토요일 산입·공휴일 제외, "
            "말일이 토요일·공휴일이면 다음 근무일)"
        )
    return f"민원처리법 제19조②: {period.label_ko}(초일 산입, 토요일·공휴일 제외)"


def due_at(received_at: datetime, period: Period, calendar: BusinessCalendar) -> Deadline:
    """The deadline of `period` for a case received at `received_at`.

    Counting starts at ``calendar.next_working_moment(received_at)``: a case received on Friday at 19:00
    counts from Monday 09:00, and Monday is day 1. With ``period.saturdays_count`` Saturdays count as
    days, and a last day that falls on a Saturday or holiday moves to the next business day.
    """
    _require_aware(received_at)
    start = calendar.next_working_moment(received_at)
    if period.counted_in_hours:
        due = calendar.add_working_hours(start, period.working_hours(calendar))
    else:
        due = _day_counted_due(start, period, calendar)
    rule = f"{_how_counted(period, calendar)}, {format_dt_ko(due)} 만료"
    if start != received_at:
        rule += f" (근무시간 외 접수: {format_dt_ko(start)}부터 계산)"
    return Deadline(due_at=due, rule=rule, period=period, counted_from=start)


def binding_deadline(
    received_at: datetime,
    *,
    kind: str,
    channel: str,
    calendar: BusinessCalendar,
    charter_days: int | None = None,
    statutory_days: int | None = None,
    disclosure_saturdays_count: bool = False,
) -> Deadlines:
    """The legal deadline of `kind`, the charter's promise for `channel` (``charter_days``; None means
    no promise) and the one that binds: the promise when it is earlier, else the legal deadline.

    Returns ``Deadlines(legal, promise, binding)``; it unpacks as a 3-tuple.
    """
    period = legal_period(
        kind, statutory_days=statutory_days, disclosure_saturdays_count=disclosure_saturdays_count
    )
    computed = due_at(received_at, period, calendar)
    legal = Deadline(
        computed.due_at, f"{LEGAL_BASIS[CaseKind(kind)]} · {computed.rule}", period, computed.counted_from
    )
    if charter_days is None or charter_days == 0:
        return Deadlines(legal, None, legal)
    channel_label = CHANNEL_LABELS.get(channel, channel)
    scope = f"{channel_label} {charter_days}일" if channel_label else f"{charter_days}일"
    promised = f"서비스헌장 약속({scope})"
    computed = due_at(received_at, Period.of_days(charter_days), calendar)
    promise = Deadline(
        computed.due_at, f"{promised} · {computed.rule}", computed.period, computed.counted_from
    )
    if promise.due_at < legal.due_at:
        binding = Deadline(
            promise.due_at,
            f"{promised}이 법정기한보다 짧아 우선 적용 · {computed.rule} "
            f"(법정기한 {format_dt_ko(legal.due_at)})",
            promise.period,
            promise.counted_from,
        )
        return Deadlines(legal, promise, binding)
    return Deadlines(legal, promise, legal)


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
) -> Deadline:
    """The deadline after extension number `extension_no` (시행령 제21조①).

    - The first extension is at most the original period; the second, also at most the original
      period, needs the customer's consent; there is no third.
    - It must be requested before `current_due`.
    - The extension is given in `days` (or, for an hours period, optionally in `hours`). Day lengths are
      compared in days, anything else in working hours.
    - It is counted like any period (법 §19): 5 days or less in working hours from the working moment
      after `current_due`; 6 days or more in business days from the day after `current_due`. The
      original period's Saturday rule applies. The result is never earlier than `current_due`.
    """
    _require_aware(current_due, requested_at)
    if isinstance(extension_no, bool) or not isinstance(extension_no, int) or extension_no < 1:
        raise ExtensionError("연장 차수는 1차 또는 2차입니다.")
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
        extension = Period.of_hours(hours)
    if extension.days is not None and original_period.days is not None:
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
        due = _day_counted_due(current_due, extension, calendar, first_day_is_next=True)
    due = max(due, current_due.astimezone(calendar.tz))
    consent = "(민원인 동의)" if extension_no == 2 else ""
    rule = (
        f"시행령 제21조① {extension_no}차 연장 {extension.label_ko}{consent}: "
        f"{format_dt_ko(current_due)} → {format_dt_ko(due)}"
    )
    return Deadline(due_at=due, rule=rule, period=extension, counted_from=current_due)


INTERIM_EVERY = timedelta(days=30)


def interim_notice_dates(
    received_at: datetime, until: datetime, *, calendar: BusinessCalendar | None = None
) -> list[datetime]:
    """When interim notices fall due (시행령 제23조): 30 days after receipt and every 30 days after, up to
    and including `until`.

    Calendar days (민법 기간 계산), at the clock time of receipt. Without a calendar a notice is due on that
    date whatever the weekday; with one, a date that is not a business day moves to the start of the next
    business day (민법 제161조). Whether a notice is listed depends on the unmoved date.
    """
    _require_aware(received_at, until)
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
    _require_aware(received_at, now, last_interim_at, promise_due, expected_done)
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
    calendar: BusinessCalendar,
) -> Deadline:
    """The transfer deadline (시행령 제13조): to another agency within 8 working hours; inside the agency
    to the department in charge within 1 working hour, or 3 when the case went to the wrong department.
    """
    _require_aware(received_at)
    if external:
        hours, what = TRANSFER_HOURS["external"], "시행령 제13조③: 다른 기관 이송"
    elif wrong_department:
        hours, what = TRANSFER_HOURS["wrong_department"], "시행령 제13조: 잘못 배정된 부서에서 재이송"
    else:
        hours, what = TRANSFER_HOURS["internal"], "시행령 제13조: 주무부서 이송"
    period = Period.of_hours(hours)
    start = calendar.next_working_moment(received_at)
    due = calendar.add_working_hours(start, hours)
    return Deadline(
        due_at=due,
        rule=f"{what} {period.label_ko}, {format_dt_ko(due)}까지",
        period=period,
        counted_from=start,
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
