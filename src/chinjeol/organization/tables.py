"""Reading a spreadsheet (CSV or XLSX) into a header and numbered rows.

Both formats are read as a stream, one row at a time, and reading stops at the first row past the limit:
a file of a million rows is refused after `max_rows` of them, not after all. Every file-level problem (too
large, not a spreadsheet, empty, too many rows, an encoding that is neither UTF-8 nor CP949) is a
`DomainError` on the field `file` with status 422."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from chinjeol.core.errors import DomainError
from chinjeol.core.uploads import too_large_message, upload_limit

MAX_ROWS = 50_000
ENCODINGS = ("utf-8-sig", "cp949")


def _file_error(code: str, message: str) -> DomainError:
    return DomainError(code, message, field="file", status=422)


def read_table(
    filename: str, data: bytes, *, max_rows: int = MAX_ROWS
) -> tuple[list[str], list[tuple[int, list]]]:
    if len(data) > upload_limit():
        raise _file_error("too_large", too_large_message(len(data)))
    suffix = Path(filename).suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(data, max_rows)
    if suffix in {".csv", ".txt"}:
        return _split(_csv_rows(data), max_rows)
    raise _file_error("file_type", "CSV 또는 XLSX 파일만 올릴 수 있습니다.")


def _encoding_of(data: bytes) -> str:
    """UTF-8 (with or without BOM) or CP949, decided on the whole file by an incremental decoder (no copy)."""
    for encoding in ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            view = memoryview(data)
            for start in range(0, len(view), 1 << 20):
                decoder.decode(view[start : start + (1 << 20)])
            decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    raise _file_error("encoding", "파일의 문자 인코딩을 읽을 수 없습니다 (UTF-8 또는 CP949로 저장해 주세요).")


def _csv_rows(data: bytes) -> Iterator[list]:
    if b"\x00" in data[:4096]:
        raise _file_error("file_type", "CSV 파일이 아닙니다 (글자가 아닌 내용이 들어 있습니다).")
    text = io.TextIOWrapper(io.BytesIO(data), encoding=_encoding_of(data), newline="")
    sample = text.read(4096)
    text.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(text, dialect)
    except csv.Error as exc:
        raise _file_error("file_broken", f"CSV 파일을 읽을 수 없습니다 ({exc}).") from exc


def _read_xlsx(data: bytes, max_rows: int) -> tuple[list[str], list[tuple[int, list]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _file_error(
            "file_broken", "XLSX 파일을 열 수 없습니다. 파일이 손상되었거나 형식이 다릅니다."
        ) from exc
    try:
        if not workbook.worksheets:
            raise _file_error("empty_file", "파일에 내용이 없습니다.")
        rows = (list(row) for row in workbook.worksheets[0].iter_rows(values_only=True))
        return _split(rows, max_rows)
    finally:
        workbook.close()


def _split(rows: Iterable[list], max_rows: int) -> tuple[list[str], list[tuple[int, list]]]:
    """The header is the first non-empty row; the rows after it are numbered as in the spreadsheet."""
    header = None
    body: list[tuple[int, list]] = []
    for number, row in enumerate(rows, start=1):
        if header is None:
            if any(str(c).strip() for c in row if c is not None):
                header = ["" if c is None else str(c).strip() for c in row]
            continue
        body.append((number, row))
        if len(body) > max_rows:
            raise _file_error("too_many_rows", f"한 번에 {max_rows:,}행까지 올릴 수 있습니다.")
    if header is None:
        raise _file_error("empty_file", "파일에 내용이 없습니다.")
    return header, body
