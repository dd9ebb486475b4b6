"""Deadline rules of the Civil Petitions Act (민원처리법 제19조, 시행령 제13~23조) and the charter.

Pure functions: the clock and the calendar are arguments.
- a case received outside working periods counts from the start of the next one;
- periods of 5 days or less are counted in working hours (1 day = 8 working hours);
- periods of 6 days or more are counted in business days, the receipt day being day 1; due at the
  end of the last working period of the last day;
- where the charter promises less for the case's channel, the earlier moment binds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from .calendar import BusinessCalendar, format_dt_ko


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


@dataclass(frozen=True)
class Period:
    days: int | None = None
    hours: Decimal | None = None
    saturdays_count: bool = False

    def __post_init__(self):
        if (self.days is None) == (self.hours is None):
            raise ValueError("처리기간은 일 또는 근무시간 중 하나로만 정합니다.")
        if self.days is not None and self.days < 1:
            raise ValueError("처리기간은 1일 이상이어야 합니다.")
        if self.hours is not None and self.hours <= 0:
            raise ValueError("처리기간은 0시간보다 길어야 합니다.")

    @classmethod
    def of_days(cls, days: int, *, saturdays_count: bool = False) -> Period:
        return cls(days=int(days), saturdays_count=saturdays_count)

    @classmethod
    def of_hours(cls, hours) -> Period:
        return cls(hours=Decimal(str(hours)))

    @property
    def counted_in_hours(self) -> bool:
        return self.hours is not None or (self.days is not None and self.days <= 5)

    @property
    def label_ko(self) -> str:
        if self.hours is not None:
            return f"{self.hours.normalize():f}근무시간"
        return f"{self.days}일"


LEGAL_PERIODS: dict[str, Period] = {
    CaseKind.INQUIRY_LAW: Period.of_days(14),
    CaseKind.INQUIRY: Period.of_days(7),
    CaseKind.SUGGESTION: Period.of_days(14),
    CaseKind.GRIEVANCE: Period.of_days(7),
    CaseKind.OTHER: Period.of_hours(3),
    CaseKind.DISCLOSURE: Period.of_days(10),
    CaseKind.PRAISE: Period.of_days(7),
    CaseKind.UNKIND: Period.of_days(7),
}
LEGAL_BASIS: dict[str, str] = {
    CaseKind.INQUIRY_LAW: "민원처리법 시행령 제14조",
    CaseKind.INQUIRY: "민원처리법 시행령 제14조",
    CaseKind.SUGGESTION: "민원처리법 시행령 제15조",
    CaseKind.GRIEVANCE: "민원처리법 시행령 제17조",
    CaseKind.OTHER: "민원처리법 시행령 제16조·제19조(즉시 = 3근무시간)",
    CaseKind.STATUTORY: "민원처리법 제17조(민원처리기준표)",
    CaseKind.DISCLOSURE: "정보공개법 제11조",
    CaseKind.PRAISE: "기관 내부 기준",
    CaseKind.UNKIND: "기관 내부 기준",
}


@dataclass(frozen=True)
class Deadline:
    due_at: datetime
    rule: str
    period: Period


def legal_period(
    kind: str, *, statutory_days: int | None = None, disclosure_saturdays_count: bool = False
) -> Period:
    kind = CaseKind(kind)
    if kind == CaseKind.STATUTORY:
        if not statutory_days:
            raise ValueError("법정민원은 민원처리기준표의 처리기간(일)이 필요합니다.")
        return Period.of_days(statutory_days)
    period = LEGAL_PERIODS[kind]
    if kind == CaseKind.DISCLOSURE and disclosure_saturdays_count:
        return Period.of_days(period.days, saturdays_count=True)
    return period


def due_at(received_at: datetime, period: Period, calendar: BusinessCalendar) -> Deadline:
    """The moment a period received at `received_at` runs out."""
    start = calendar.next_working_moment(received_at)
    if period.counted_in_hours:
        hours = period.hours if period.hours is not None else calendar.hours_per_day * period.days
        due = calendar.add_working_hours(start, hours)
        how = f"제19조①: {period.label_ko}을 근무시간({hours.normalize():f}시간)으로 계산"
    else:
        last_day = calendar.add_business_days(
            start.date(), period.days, saturdays_count=period.saturdays_count
        )
        if period.saturdays_count:
            last_day = calendar.next_business_day(last_day)
            how = f"{period.label_ko}(초일 산입, 토요일 포함·공휴일 제외, 말일이 휴일이면 다음 영업일)"
        else:
            how = f"제19조②: {period.label_ko}(초일 산입, 토요일·공휴일 제외)"
        due = calendar.end_of_day(last_day)
    rule = f"민원처리법 {how}, {format_dt_ko(start)} 접수 기준 {format_dt_ko(due)} 만료"
    return Deadline(due_at=due, rule=rule, period=period)


def binding_deadline(
    received_at: datetime,
    *,
    kind: str,
    channel: str,
    calendar: BusinessCalendar,
    charter_days: int | None = None,
    statutory_days: int | None = None,
    disclosure_saturdays_count: bool = False,
) -> tuple[Deadline, Deadline | None, Deadline]:
    """(legal deadline, charter promise or None, the one that binds: the earlier)."""
    legal = due_at(
        received_at,
        legal_period(
            kind, statutory_days=statutory_days, disclosure_saturdays_count=disclosure_saturdays_count
        ),
        calendar,
    )
    legal = Deadline(legal.due_at, f"{LEGAL_BASIS[CaseKind(kind)]} · {legal.rule}", legal.period)
    if not charter_days:
        return legal, None, legal
    promise = due_at(received_at, Period.of_days(charter_days), calendar)
    channel_label = CHANNEL_LABELS.get(channel, channel)
    promise = Deadline(
        promise.due_at, f"서비스헌장 약속({channel_label} {charter_days}일) · {promise.rule}", promise.period
    )
    if promise.due_at < legal.due_at:
        binding = Deadline(
            promise.due_at,
            f"서비스헌장 약속({channel_label} {charter_days}일)이 법정기한보다 짧아 우선 적용 · {promise.rule}",
            promise.period,
        )
        return legal, promise, binding
    return legal, promise, legal


class ExtensionError(ValueError):
    """An extension the decree does not allow (message in Korean)."""


def extension_due(
    current_due: datetime,
    original: Period,
    calendar: BusinessCalendar,
    *,
    extension_no: int,
    days: int,
    customer_consent: bool,
    requested_at: datetime,
) -> Deadline:
    """시행령 제21조: the first extension up to the original length; a second only with the customer's
    consent; never a third; always before the deadline. Counted from the working moment after the
    current deadline, so the new deadline is never earlier."""
    if extension_no not in (1, 2):
        raise ExtensionError("처리기간은 두 번까지만 연장할 수 있습니다.")
    if extension_no == 2 and not customer_consent:
        raise ExtensionError("두 번째 연장은 민원인의 동의가 있어야 합니다.")
    if requested_at >= current_due:
        raise ExtensionError("처리기간이 지난 뒤에는 연장할 수 없습니다. 기한 전에 연장하세요.")
    if days < 1:
        raise ExtensionError("연장 기간은 1일 이상이어야 합니다.")
    if original.days is not None and days > original.days:
        raise ExtensionError(f"연장 기간은 원래 처리기간({original.days}일)을 넘을 수 없습니다.")
    if original.hours is not None and Decimal(days) * calendar.hours_per_day > original.hours:
        hours = original.hours.normalize()
        raise ExtensionError(f"연장 기간은 원래 처리기간({hours:f}근무시간)을 넘을 수 없습니다.")
    start = calendar.next_working_moment(current_due)
    if days <= 5:
        due = calendar.add_working_hours(start, calendar.hours_per_day * days)
    else:
        due = calendar.end_of_day(calendar.add_business_days(start.date(), days))
    due = max(due, current_due)
    rule = f"시행령 제21조 {extension_no}차 연장 {days}일: {format_dt_ko(current_due)} → {format_dt_ko(due)}"
    return Deadline(due_at=due, rule=rule, period=Period.of_days(days))


INTERIM_EVERY = timedelta(days=30)


def interim_notice_dates(received_at: datetime, until: datetime) -> list[datetime]:
    """시행령 제23조: 30 days after receipt and every 30 days after, while the case is open.
    Calendar days (민법 기간 계산); the notice is due on that date whatever the weekday."""
    dates = []
    moment = received_at + INTERIM_EVERY
    while moment <= until:
        dates.append(moment)
        moment += INTERIM_EVERY
    return dates


def interim_notice_needed(
    *,
    received_at: datetime,
    now: datetime,
    last_interim_at: datetime | None,
    promise_due: datetime | None,
    expected_done: datetime | None,
) -> bool:
    """An interim notice is owed when 30 days passed since receipt (or since the last one), or when
    the expected completion falls after the charter's promise and no notice was sent yet."""
    since = last_interim_at or received_at
    if now - since >= INTERIM_EVERY:
        return True
    return bool(
        promise_due is not None
        and expected_done is not None
        and expected_done > promise_due
        and last_interim_at is None
    )


def transfer_due(
    received_at: datetime, *, external: bool, calendar: BusinessCalendar, wrong_department: bool = False
) -> Deadline:
    """시행령 제13조: to another agency within 8 working hours; inside the agency within 1 (3 when the
    department was wrong)."""
    hours = 8 if external else (3 if wrong_department else 1)
    due = calendar.add_working_hours(received_at, hours)
    where = "다른 기관으로 이송" if external else ("부서 재지정" if wrong_department else "주무부서 이송")
    return Deadline(
        due, f"시행령 제13조: {where} {hours}근무시간, {format_dt_ko(due)}까지", Period.of_hours(hours)
    )


def is_overdue(due: datetime | None, now: datetime) -> bool:
    return due is not None and now > due


def due_soon(due: datetime | None, now: datetime, calendar: BusinessCalendar, within_hours: int = 8) -> bool:
    if due is None or now > due:
        return False
    return calendar.add_working_hours(now, within_hours) >= due
