"""Spreadsheets are read as a stream that stops at the row limit; every file-level problem is a 422 on
`file` with a Korean message."""

from __future__ import annotations

import itertools

import pytest

from chinjeol.core.errors import DomainError
from chinjeol.core.uploads import size_label, upload_limit
from chinjeol.organization import tables
from tests.uploads.bigsheet import big_xlsx


def _refused(filename, data, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        tables.read_table(filename, data, **kwargs)
    error = caught.value
    assert error.field == "file" and error.status == 422
    return error


def test_reading_stops_at_the_first_row_past_the_limit():
    pulled = []

    def endless():
        yield ["사번", "항목"]
        for n in itertools.count():
            pulled.append(n)
            yield [n, "phone"]

    with pytest.raises(DomainError) as caught:
        tables._split(endless(), 100)
    assert caught.value.code == "too_many_rows" and "100행" in caught.value.message
    assert len(pulled) == 101


def test_a_million_row_xlsx_is_refused_at_the_limit():
    """Within the size limit, so only the row limit stops it (after 5,001 of its 1,048,000 rows)."""
    data = big_xlsx(1_048_000, ["사번", "점수"])
    assert len(data) < upload_limit()
    error = _refused("big.xlsx", data, max_rows=5_000)
    assert error.code == "too_many_rows" and "5,000행" in error.message


def test_an_xlsx_within_the_limit_is_read_with_spreadsheet_row_numbers():
    header, body = tables.read_table("ok.xlsx", big_xlsx(30, ["사번", "점수"]), max_rows=30)
    assert header == ["사번", "점수"] and len(body) == 30
    assert body[0] == (2, [2, 1]) and body[-1][0] == 31


def test_a_csv_with_too_many_rows_is_refused_and_one_within_is_read():
    text = "사번,점수\n" + "".join(f"{n},1\n" for n in range(200))
    assert _refused("big.csv", text.encode(), max_rows=150).code == "too_many_rows"
    header, body = tables.read_table("ok.csv", text.encode("cp949"), max_rows=200)
    assert header == ["사번", "점수"] and body[0] == (2, ["0", "1"])


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("a.xlsx", b"this is not a zip", "file_broken"),
        ("a.csv", b"", "empty_file"),
        ("a.csv", b"\n\n ,  \n", "empty_file"),
        ("a.pdf", b"%PDF-1.4", "file_type"),
        ("a.csv", "사번,점수\n".encode("utf-16"), "file_type"),
        ("a.csv", b"\xff\xfe\xfa\xfb,\x80\n", "encoding"),
    ],
)
def test_file_level_problems_are_refused_in_korean(filename, data, code):
    error = _refused(filename, data)
    assert error.code == code
    assert any("\uac00" <= ch <= "\ud7a3" for ch in error.message)


def test_a_file_over_the_upload_limit_is_refused_naming_the_limit(settings):
    settings.CHINJEOL_UPLOAD_MAX_BYTES = 1024
    error = _refused("a.csv", b"a,b\n" * 400)
    assert error.code == "too_large" and "1KB" in error.message


def test_size_labels():
    assert size_label(10 * 1024 * 1024) == "10MB"
    assert size_label(1536) == "1.5KB"
    assert size_label(900) == "900바이트"
