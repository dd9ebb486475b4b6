"""Reading a spreadsheet (CSV or XLSX) into a header and numbered rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from chinjeol.core.errors import DomainError

MAX_ROWS = 50_000


def read_table(filename: str, data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    suffix = Path(filename).suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(data)
    if suffix in {".csv", ".txt"}:
        return _read_csv(data)
    raise DomainError("file_type", "CSV 또는 XLSX 파일만 올릴 수 있습니다.", field="file")


def _read_csv(data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DomainError(
            "encoding",
            "파일의 문자 인코딩을 읽을 수 없습니다 (UTF-8 또는 CP949로 저장해 주세요).",
            field="file",
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = list(reader)
    return _split(rows)


def _read_xlsx(data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise DomainError(
            "file_broken", "XLSX 파일을 열 수 없습니다. 파일이 손상되었거나 형식이 다릅니다.", field="file"
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _split(rows)


def _split(rows: list[list]) -> tuple[list[str], list[tuple[int, list]]]:
    # The header is the first non-empty row.
    for index, row in enumerate(rows):
        if any(str(c).strip() for c in row if c is not None):
            header = ["" if c is None else str(c).strip() for c in row]
            body = [(index + 1 + offset + 1, r) for offset, r in enumerate(rows[index + 1 :])]
            if len(body) > MAX_ROWS:
                raise DomainError(
                    "too_many_rows", f"한 번에 {MAX_ROWS:,}행까지 올릴 수 있습니다.", field="file"
                )
            return header, body
    raise DomainError("empty_file", "파일에 내용이 없습니다.", field="file")
