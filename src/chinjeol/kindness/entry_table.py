"""Reading inspection results from a spreadsheet row or an API row: columns, dates and numbers, with
Korean messages that name what is wrong. Pure: no database, no clock."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")

# column key → (Korean header, accepted spellings without spaces, lower-case)
COLUMNS = {
    "employee_no": ("사번", {"사번", "사원번호", "직원번호", "employee_no"}),
    "item": ("항목", {"항목", "평가항목", "item"}),
    "points": ("점수", {"점수", "점수(선택)", "points"}),
    "occurred_at": ("일자", {"일자", "날짜", "평가일", "평가일자", "일시", "평가일시", "occurred_at"}),
    "note": ("비고", {"비고", "메모", "내용", "note"}),
}
REQUIRED = ("employee_no", "item", "occurred_at")
HEADER_TEMPLATE = ["사번", "항목", "점수", "일자", "비고"]
# The moment a date without a time is recorded at (inspections are registered by day).
DEFAULT_TIME = time(12, 0)

_DATE = re.compile(
    r"^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*"
    r"(?:[T ]\s*(\d{1,2})\s*[:시]\s*(\d{1,2})\s*(?:[:분]\s*(\d{1,2})\s*초?)?)?\s*$"
)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def column_label(key: str) -> str:
    return COLUMNS[key][0]


def map_header(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """column key → index in the row, and Korean errors for missing or repeated columns."""
    positions: dict[str, int] = {}
    errors: list[str] = []
    for index, raw in enumerate(header):
        name = "".join(str(raw or "").split()).lower()
        for key, (label, spellings) in COLUMNS.items():
            if name in spellings:
                if key in positions:
                    errors.append(f"'{label}' 열이 두 번 있습니다.")
                positions[key] = index
    for key in REQUIRED:
        if key not in positions:
            errors.append(
                f"'{column_label(key)}' 열이 없습니다. 첫 줄에 사번, 항목, 점수, 일자, 비고를 적어 주세요."
            )
    return positions, errors


def parse_moment(value) -> datetime:
    """A date or date-time cell as an aware Asia/Seoul moment. Accepts Excel dates, ISO 8601 with an
    offset, 2026-11-02, 2026.11.02, 2026. 11. 2., 2026/11/02, 20261102 and 2026년 11월 2일, with an
    optional time (14:30). A date without a time is recorded at noon."""
    if isinstance(value, datetime):
        return value.astimezone(SEOUL) if value.tzinfo else value.replace(tzinfo=SEOUL)
    if isinstance(value, date):
        return datetime.combine(value, DEFAULT_TIME, tzinfo=SEOUL)
    text = str(value or "").strip()
    if not text:
        raise ValueError("일자를 적어 주세요.")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is not None:
        if len(text) <= 10:
            moment = datetime.combine(moment.date(), DEFAULT_TIME)
        return moment.astimezone(SEOUL) if moment.tzinfo else moment.replace(tzinfo=SEOUL)
    match = _DATE.match(text) or _COMPACT.match(text)
    if match:
        parts = [int(p) if p else None for p in match.groups()]
        year, month, day = parts[:3]
        hour, minute, second = (parts[3:] + [None, None, None])[:3]
        try:
            day_value = date(year, month, day)
            at = DEFAULT_TIME if hour is None else time(hour, minute or 0, second or 0)
        except ValueError:
            raise ValueError(f"없는 날짜나 시각입니다: {text}") from None
        return datetime.combine(day_value, at, tzinfo=SEOUL)
    raise ValueError(f"일자 형식이 올바르지 않습니다: {text} (예: 2026-11-02 또는 2026. 11. 2.)")


MAX_POINTS = 1_000_000


def parse_points(value) -> Decimal | None:
    """An optional score cell: empty → None (the item's rule); '+2', '-1', '0.5', '2점' are numbers."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"점수가 숫자가 아닙니다: {value}")
    if isinstance(value, (int, float, Decimal)):
        text = str(value)
    else:
        text = str(value).strip().replace(",", "").removesuffix("점").strip()
        if not text:
            return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"점수가 숫자가 아닙니다: {value}") from None
    if not number.is_finite():
        raise ValueError(f"점수가 숫자가 아닙니다: {value}")
    if abs(number) >= MAX_POINTS:  # beyond what the ledger stores (8 digits, 2 after the point)
        raise ValueError(f"점수는 ±{MAX_POINTS:,} 미만이어야 합니다: {value}")
    if number != number.quantize(Decimal("0.01")):
        raise ValueError(f"점수는 소수 둘째 자리까지 적을 수 있습니다: {value}")
    return number


def cell_text(value) -> str:
    """A cell as text; Excel stores 사번 2019001 as a number, which must read as '2019001'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def normalise_item_name(text: str) -> str:
    return "".join(str(text or "").split()).lower()
