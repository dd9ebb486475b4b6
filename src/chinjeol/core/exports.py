"""Every list's Excel and CSV download, the same way: `?format=xlsx` or `?format=csv` on the list's own
address, a Korean header row, real dates and numbers, formula-safe cells (`core.spreadsheet`), UTF-8 with BOM
for CSV so that Excel reads Korean, and a row limit with a clear message."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

from chinjeol.core.spreadsheet import csv_writer, xlsx_append

from .errors import DomainError

FORMATS = ("xlsx", "csv")
MAX_ROWS = 100_000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def wants_export(request) -> str | None:
    """The format asked for on a list's address, or None for the page itself."""
    value = request.GET.get("format", "")
    return value if value in FORMATS else None


def export_response(
    fmt: str, *, name: str, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """The download of `rows` under `headers` as `fmt` ("xlsx" or "csv"), file name `name` (ASCII)."""
    rows = list(_limited(rows))
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv_writer(buffer)
        writer.writerow(headers)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.title = title[:31]
        xlsx_append(sheet, headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            xlsx_append(sheet, row)
        sheet.freeze_panes = "A2"
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
                10, 2 * len(header) + 2
            )
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _limited(rows: Iterable[Sequence[Any]]):
    for count, row in enumerate(rows, start=1):
        if count > MAX_ROWS:
            raise DomainError(
                "too_many_rows",
                f"내려받을 행이 {MAX_ROWS:,}행을 넘습니다. 기간이나 조건을 좁혀 다시 내려받아 주세요.",
                status=422,
            )
        yield row
