"""Field types shared by the API's schemas: each refuses, with a Korean message, what the database or the
business cannot take (an OFFSET beyond any page, a zone on a time of day, the year 1, a malformed e-mail)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from pydantic import AfterValidator, BeforeValidator, Field, Strict

from .errors import MAX_PAGE, MAX_YEAR, MIN_YEAR


def _email(value: str) -> str:
    value = value.strip()
    if value:
        try:
            validate_email(value)
        except DjangoValidationError:
            raise ValueError("이메일 주소 형식이 올바르지 않습니다 (예: hong@example.kr).") from None
    return value


def _time_of_day(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("시각에는 시간대를 붙이지 말고 그 지역의 시각만 주세요 (예: 14:30).")
    return value


def _moment(value: datetime) -> datetime:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"{MIN_YEAR}년부터 {MAX_YEAR}년 사이의 시각이어야 합니다.")
    return value


Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
TimeOfDay = Annotated[time, AfterValidator(_time_of_day)]
Moment = Annotated[datetime, AfterValidator(_moment)]


def _day(value):
    """A calendar day written as YYYY-MM-DD (not a number of seconds, not another year range)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str) and len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise ValueError("날짜 형식이 올바르지 않습니다 (예: 2026-11-23).") from None
    else:
        raise ValueError("날짜 형식이 올바르지 않습니다 (예: 2026-11-23).")
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"{MIN_YEAR}년부터 {MAX_YEAR}년 사이의 날짜여야 합니다.")
    return day


Day = Annotated[date, BeforeValidator(_day)]
PageNumber = Annotated[int, Field(ge=1, le=MAX_PAGE, description=f"쪽 번호 (1~{MAX_PAGE:,})")]

MAX_ID = 2**63 - 1
# An id in a JSON body: a whole number (not true/false, not "5"), 1 or more (0 would reach the database).
BodyId = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
# An id in a query string.
QueryId = Annotated[int, Field(ge=1, le=MAX_ID)]
