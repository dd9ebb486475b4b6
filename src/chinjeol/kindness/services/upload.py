"""Inspection results from a CSV or XLSX file (columns 사번, 항목, 점수, 일자, 비고)."""

from __future__ import annotations

import hashlib
from datetime import datetime

from chinjeol.organization.tables import read_table

from .. import entry_table
from .registration import MAX_ROWS, EntriesInvalid, EntryRow, ImportResult, entries_import


def upload_rows(filename: str, data: bytes) -> tuple[list[EntryRow], str]:
    """The file's rows (numbered as in the spreadsheet) and a key that identifies its content."""
    header, body = read_table(filename, data, max_rows=MAX_ROWS)
    positions, header_errors = entry_table.map_header(header)
    if header_errors:
        raise EntriesInvalid([], header_errors=header_errors)

    def cell(values: list, key: str):
        index = positions.get(key)
        return values[index] if index is not None and index < len(values) else None

    rows = [
        EntryRow(
            row=number,
            employee_no=cell(values, "employee_no"),
            item=cell(values, "item"),
            occurred_at=cell(values, "occurred_at"),
            points=cell(values, "points"),
            note=cell(values, "note") or "",
        )
        for number, values in body
        if any(str(v).strip() for v in values if v is not None)
    ]
    return rows, hashlib.sha256(data).hexdigest()[:20]


def entries_upload(*, filename: str, data: bytes, by, now: datetime, dry_run: bool = False) -> ImportResult:
    """Check every row and register all of them, or none when any row is wrong. Uploading the same
    file again adds nothing."""
    rows, key = upload_rows(filename, data)
    return entries_import(
        rows=rows,
        by=by,
        now=now,
        source_type="upload",
        source_key=key,
        label=f"파일 {filename}"[:80],
        dry_run=dry_run,
    )
