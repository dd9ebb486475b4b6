"""Writing spreadsheets that are safe to open: every XLSX and CSV export goes through here.

A text value that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken for a formula by
Excel or LibreOffice (a name such as `=HYPERLINK(…)` typed into a form, then exported). Such text is written
as text: in XLSX as a string cell with Excel's quote prefix (the cell shows the text as typed, nothing is
evaluated); in CSV with a leading apostrophe, the usual guard for files opened by a spreadsheet program.
Numbers stay numbers, negative ones included, and so does text that is just a number ("-1", "+82")."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def is_risky(value: Any) -> bool:
    """True for text a spreadsheet program would read as a formula."""
    return isinstance(value, str) and value.startswith(RISKY_START) and not _PLAIN_NUMBER.fullmatch(value)


def csv_value(value: Any) -> Any:
    """The value as a CSV cell: risky text gets a leading apostrophe; everything else is unchanged."""
    return "'" + value if is_risky(value) else value


def csv_writer(stream, **kwargs) -> _SafeCsvWriter:
    """`csv.writer` whose rows are made safe cell by cell."""
    return _SafeCsvWriter(csv.writer(stream, **kwargs))


class _SafeCsvWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([csv_value(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def xlsx_append(sheet, row: Iterable[Any]) -> None:
    """Append a row to an openpyxl worksheet; risky text is stored as a string cell with the quote prefix."""
    values = list(row)
    sheet.append([_xlsx_value(v) for v in values])
    line = sheet.max_row
    for column, value in enumerate(values, start=1):
        if is_risky(value):
            cell = sheet.cell(row=line, column=column)
            cell.value = value
            cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            cell.quotePrefix = True


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, int | float | Decimal | date | datetime | time | str):
        return "" if is_risky(value) else value  # filled in as text by xlsx_append
    return str(value)


def xlsx_write_only_append(sheet, row: Iterable[Any], *, font=None) -> None:
    """Append a row to an openpyxl write-only worksheet (large downloads): risky text as a quoted string cell,
    date-times with a date-and-minute format, everything else as the plain value (fast)."""
    from openpyxl.cell import WriteOnlyCell

    out: list[Any] = []
    for value in row:
        if font is None and not is_risky(value) and not isinstance(value, datetime):
            out.append(_xlsx_value(value))
            continue
        cell = WriteOnlyCell(sheet, value=value if is_risky(value) else _xlsx_value(value))
        if is_risky(value):
            cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
            cell.quotePrefix = True
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        if font is not None:
            cell.font = font
        out.append(cell)
    sheet.append(out)
