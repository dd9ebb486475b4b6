"""Exports write formula-like text as text, numbers as numbers; every export goes through the helper."""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from chinjeol.core.spreadsheet import RISKY_START, csv_value, csv_writer, is_risky, xlsx_append

SRC = Path(__file__).resolve().parents[2] / "src" / "chinjeol"

CASES = [
    ('=HYPERLINK("http://evil.example","클릭")', True),
    ("=1+1", True),
    ("+82 10 1234 5678 =cmd", True),
    ("-2+3+cmd|' /C calc'!A0", True),
    ("@SUM(A1:A9)", True),
    ("\t=1+1", True),
    ("\r=1+1", True),
    ("-1", False),  # a negative number stays a number
    ("+82", False),
    ("-0.5", False),
    ("홍길동", False),
    ("2026-11-02", False),
    ("", False),
    ("a=b", False),
]


@pytest.mark.parametrize(("text", "risky"), CASES)
def test_which_text_is_risky(text, risky):
    assert is_risky(text) is risky
    assert (csv_value(text) == "'" + text) is risky


@pytest.mark.parametrize("number", [-1, -0.5, 0, 3, Decimal("-12.50"), 10_000])
def test_numbers_are_never_touched(number):
    assert not is_risky(number) and csv_value(number) == number


@given(st.text())
def test_no_csv_cell_starts_a_formula(text):
    cell = csv_value(text)
    assert not cell.startswith(RISKY_START) or re.fullmatch(r"[+-][\d.]+", cell)


def test_xlsx_keeps_risky_text_as_text_and_numbers_as_numbers():
    workbook = Workbook()
    sheet = workbook.active
    row = ['=HYPERLINK("http://evil.example")', "@SUM(A1)", "-1+2", -3, 2.5, "-1", "보통 글", None]
    xlsx_append(sheet, ["제목"] * len(row))
    xlsx_append(sheet, row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    cells = list(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(min_row=2, values_only=False))[
        0
    ]
    assert [c.value for c in cells] == row
    assert [c.data_type for c in cells[:3]] == ["s", "s", "s"]
    assert all(c.quotePrefix for c in cells[:3])
    assert cells[3].data_type == "n" and cells[4].data_type == "n" and not cells[3].quotePrefix


def test_csv_writer_escapes_cell_by_cell():
    out = io.StringIO()
    csv_writer(out).writerows([["=1+1", -1, "김"], ["@x", "-1", "+1"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1+1", "-1", "김"], ["'@x", "-1", "+1"]]


def test_every_export_writes_through_the_helper():
    """A module that builds a workbook or a CSV file must use chinjeol.core.spreadsheet."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "spreadsheet.py":
            continue
        text = path.read_text(encoding="utf-8")
        writes = re.search(r"\bWorkbook\(|csv\.writer\(|csv\.DictWriter\(", text)
        if writes and "chinjeol.core.spreadsheet" not in text:
            offenders.append(str(path.relative_to(SRC)))
        if re.search(r"\bsheet\.append\(", text) or re.search(r"\bws\.append\(", text):
            offenders.append(f"{path.relative_to(SRC)} (sheet.append: use xlsx_append)")
    assert offenders == []


@pytest.mark.django_db
def test_the_downloadable_templates_use_it(client_for, org):
    officer = client_for(org.officer)
    response = officer.get("/kindness/register/upload/template.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=4, column=3).value == "-1"
    response = officer.get("/org/import/template.xlsx")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).active.cell(row=1, column=1).value == "부서"
