"""Every list's Excel and CSV download, the same way: `?format=xlsx` or `?format=csv` on the list's own
address, a Korean header row, real dates and numbers, formula-safe cells (`core.spreadsheet`), UTF-8 with BOM
for CSV so that Excel reads Korean, and a row limit with a clear message."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

from chinjeol.core.spreadsheet import csv_writer, xlsx_append

from .errors import DomainError

FORMATS = ("xlsx", "csv")
MAX_ROWS = 100_000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def wants_export(request) -> str | None:
    """The format asked for on a list's address, or None for the page itself."""
    value = request.GET.get("format", "")
    return value if value in FORMATS else None


@dataclass(frozen=True)
class Sheet:
    """A further sheet of an XLSX download (a CSV file holds the first table only)."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]


def export_response(
    fmt: str,
    *,
    name: str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheets: Sequence[Sheet] = (),
) -> HttpResponse:
    """The download of `rows` under `headers` as `fmt` ("xlsx" or "csv"), file name `name` (ASCII).
    Aware date-times are written as Seoul wall-clock time (Excel has no time zones)."""
    rows = [_local(row) for row in _limited(rows)]
    more = [(s.title, s.headers, [_local(row) for row in _limited(s.rows)]) for s in sheets]
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv_writer(buffer)
        writer.writerow(headers)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = title[:31]
        _fill(sheet, headers, rows)
        for sheet_title, sheet_headers, sheet_rows in more:
            _fill(book.create_sheet(sheet_title[:31]), sheet_headers, sheet_rows)
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _fill(sheet, headers: Sequence[str], rows: list) -> None:
    from openpyxl.styles import Font

    xlsx_append(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        xlsx_append(sheet, row)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        width = max(
            [2 * len(str(header)) + 2] + [_width(r[index - 1]) for r in rows[:200] if len(r) >= index]
        )
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(60, max(10, width))
        if rows and len(rows[0]) >= index and isinstance(rows[0][index - 1], datetime):
            for line in range(2, len(rows) + 2):
                sheet.cell(row=line, column=index).number_format = "yyyy-mm-dd hh:mm"


def _width(value: Any) -> int:
    if isinstance(value, datetime):
        return 18
    text = str(value if value is not None else "")
    return sum(2 if ord(ch) > 0x1100 else 1 for ch in text) + 2


def _local(row: Sequence[Any]) -> list[Any]:
    return [
        timezone.localtime(v).replace(tzinfo=None) if isinstance(v, datetime) and timezone.is_aware(v) else v
        for v in row
    ]


def _limited(rows: Iterable[Sequence[Any]]):
    for count, row in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise DomainError(
                "too_many_rows",
                f"내려받을 행이 {MAX_ROWS:,}행을 넘습니다. 기간이나 조건을 좁혀 다시 내려받아 주세요.",
                status=422,
            )
        yield row


# --- the lists that can be downloaded, and the download of one request -------------------------------


@dataclass(frozen=True)
class Listing:
    """A page whose list downloads as Excel/CSV: `url_name` is its route, `title` what the file holds."""

    url_name: str
    title: str


_LISTINGS: dict[str, Listing] = {}


def register(url_name: str, title: str) -> None:
    """Declare (in an AppConfig.ready) that the page `url_name` answers `?format=xlsx|csv`: the page's
    `{% export_links %}` shows the two download links only for registered pages, and one test downloads
    every registered list and opens it."""
    _LISTINGS[url_name] = Listing(url_name, title)


def listings() -> list[Listing]:
    return sorted(_LISTINGS.values(), key=lambda item: item.url_name)


def is_registered(url_name: str | None) -> bool:
    return url_name in _LISTINGS


@dataclass(frozen=True)
class PersonalData:
    """Personal data a download shows in full: one access-log row (`core.privacy`) for the whole file."""

    subject_type: str
    subject_label: str
    fields: str
    count: int


def limit(rows):
    """A queryset (or list) cut one row past the limit, so that the limit is noticed without reading more."""
    return rows[: MAX_ROWS + 1]


def download(
    request,
    *,
    name: str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]] | Callable[[], Iterable[Sequence[Any]]],
    sheets: Sequence[Sheet] | Callable[[], Sequence[Sheet]] = (),
    personal: PersonalData | Callable[[], PersonalData | None] | None = None,
) -> HttpResponse | None:
    """The download the request asks for (`?format=xlsx|csv`), or None when it asks for the page itself.
    Too many rows answer with a Korean page that says how to narrow the list. `personal` (or a function
    giving it once the rows are read) is written to the personal-data access log when the file goes out."""
    fmt = wants_export(request)
    if fmt is None:
        return None
    from django.shortcuts import render

    try:
        if callable(rows):
            rows = rows()
        if callable(sheets):
            sheets = sheets()
        response = export_response(fmt, name=name, title=title, headers=headers, rows=rows, sheets=sheets)
    except DomainError as error:
        query = request.GET.copy()
        query.pop("format", None)
        back = f"{request.path}?{query.urlencode()}" if query else request.path
        context = {"message": error.message, "back": back, "title": title}
        return render(request, "core/export_limit.html", context, status=error.status)
    if callable(personal):
        personal = personal()
    if personal is not None and personal.count:
        from .privacy import personal_access_log

        personal_access_log(
            request,
            action="export",
            subject_type=personal.subject_type,
            subject_label=personal.subject_label,
            fields=personal.fields,
            count=personal.count,
        )
    return response
