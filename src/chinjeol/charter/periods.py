"""Kinds of 민원, intake channels and processing periods (pure, no clock, no I/O).

A period is given in days, working hours, or weeks, months or years; how it is counted is
``chinjeol.charter.rules``'s business. The legal periods are 시행령 제14~17조 and 제19조 (기타민원 즉시 =
3근무시간); 법정민원 take theirs from the 민원처리기준표 (법 제17조).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .calendar import BusinessCalendar

__all__ = [
    "CALENDAR_UNITS",
    "CHANNEL_LABELS",
    "HOURS_COUNTED_UP_TO_DAYS",
    "KIND_LABELS",
    "LEGAL_BASIS",
    "LEGAL_PERIODS",
    "CaseKind",
    "Channel",
    "Period",
    "legal_period",
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
# Periods given in weeks, months or years (법 §19③) and their Korean units.
CALENDAR_UNITS: Mapping[str, str] = MappingProxyType({"weeks": "주", "months": "개월", "years": "년"})


@dataclass(frozen=True)
class Period:
    """A processing period: whole days, working hours, or weeks, months or years (법 §19③).

    ``saturdays_count`` makes Saturdays count as days; such a period is always counted in days, since
    Saturdays have no working hours. Exactly one of ``days``, ``hours``, ``weeks``, ``months`` and
    ``years`` is given."""

    days: int | None = None
    hours: Decimal | None = None
    saturdays_count: bool = False
    weeks: int | None = None
    months: int | None = None
    years: int | None = None

    def __post_init__(self) -> None:
        given = [name for name in ("days", "hours", *CALENDAR_UNITS) if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("처리기간은 일·근무시간·주·월·연 가운데 하나로만 정합니다.")
        for name in ("days", *CALENDAR_UNITS):
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or int(value) != value:
                raise ValueError(f"처리기간({CALENDAR_UNITS.get(name, '일')})은 정수여야 합니다.")
            object.__setattr__(self, name, int(value))
            if value < 1:
                raise ValueError(f"처리기간은 1{CALENDAR_UNITS.get(name, '일')} 이상이어야 합니다.")
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

    @classmethod
    def of_weeks(cls, weeks: int) -> Period:
        return cls(weeks=weeks)

    @classmethod
    def of_months(cls, months: int) -> Period:
        return cls(months=months)

    @classmethod
    def of_years(cls, years: int) -> Period:
        return cls(years=years)

    @property
    def in_calendar_units(self) -> bool:
        """Given in weeks, months or years: counted like 민법 제159~161조 (법 §19③)."""
        return self.weeks is not None or self.months is not None or self.years is not None

    @property
    def counted_in_hours(self) -> bool:
        """Counted in working hours: given in hours, or 5 days or less (법 §19①). A period that counts
        Saturdays (the 정보공개 convention of some agencies) is always counted in days."""
        if self.hours is not None:
            return True
        if self.days is None:
            return False
        return self.days <= HOURS_COUNTED_UP_TO_DAYS and not self.saturdays_count

    def working_hours(self, calendar: BusinessCalendar) -> Decimal:
        """The period in working hours (days × the calendar's hours per day)."""
        if self.hours is not None:
            return self.hours
        if self.days is None:
            raise ValueError("주·월·연 단위 처리기간은 근무시간으로 바꿀 수 없습니다.")
        return calendar.hours_per_day * self.days

    @property
    def label_ko(self) -> str:
        """``7일``, ``3근무시간``, ``2주``, ``1개월`` or ``1년``."""
        if self.hours is not None:
            return f"{_number(self.hours)}근무시간"
        for name, unit in CALENDAR_UNITS.items():
            if getattr(self, name) is not None:
                return f"{getattr(self, name)}{unit}"
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


def legal_period(
    kind: str, *, statutory_days: int | Period | None = None, disclosure_saturdays_count: bool = False
) -> Period:
    """The period the law sets for `kind`. 법정민원 take theirs from the 민원처리기준표 (`statutory_days`:
    a number of days, or a ``Period`` of days, weeks or months); 정보공개 may count Saturdays where the
    agency does so (the law is silent)."""
    kind = CaseKind(kind)
    if kind == CaseKind.STATUTORY:
        if isinstance(statutory_days, Period):
            return statutory_days
        if not statutory_days:
            raise ValueError("법정민원은 민원처리기준표의 처리기간(일)이 필요합니다.")
        return Period.of_days(statutory_days)
    period = LEGAL_PERIODS[kind]
    if kind == CaseKind.DISCLOSURE and disclosure_saturdays_count:
        return Period.of_days(period.days, saturdays_count=True)
    return period
