"""The shared Excel/CSV download: Korean headers, real numbers, formula-safe text, BOM, a row limit."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from chinjeol.core import exports
from chinjeol.core.errors import DomainError

HEADERS = ["부서", "건수", "날짜", "메모"]
ROWS = [["민원과", 12, date(2026, 11, 22), '=HYPERLINK("x")'], ["세무과", -3, date(2026, 11, 23), "보통"]]


def test_xlsx_has_a_korean_header_real_values_and_formula_text():
    response = exports.export_response("xlsx", name="t", title="목록", headers=HEADERS, rows=ROWS)
    assert response["Content-Disposition"] == 'attachment; filename="t.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet.cell(row=2, column=2).value == 12 and sheet.cell(row=3, column=2).value == -3
    assert sheet.cell(row=2, column=3).value.date() == date(2026, 11, 22)
    formula = sheet.cell(row=2, column=4)
    assert formula.data_type == "s" and formula.value == '=HYPERLINK("x")'


def test_csv_is_utf8_with_bom_and_safe():
    response = exports.export_response("csv", name="t", title="목록", headers=HEADERS, rows=ROWS)
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff부서,건수,날짜,메모")
    assert "'=HYPERLINK" in text and ",-3," in text


def test_too_many_rows_is_a_clear_korean_error(monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 2)
    with pytest.raises(DomainError) as error:
        exports.export_response("csv", name="t", title="목록", headers=HEADERS, rows=ROWS * 2)
    assert error.value.status == 422 and "2행" in error.value.message
