"""Upload pages: a refused file (too large, not a spreadsheet, empty, too many rows, wrong encoding) answers
4xx with the Korean reason on the form; row errors keep their row-by-row report."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chinjeol.kindness.models import MileageEntry
from tests.uploads.bigsheet import big_xlsx

PAGES = {"org": "organization:import", "kindness": "kindness:upload"}


def _post(client, page, name, data):
    return client.post(reverse(PAGES[page]), {"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def officer(client_for, org):
    return client_for(org.officer)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("a.xlsx", b"not a spreadsheet", "XLSX 파일을 열 수 없습니다"),
        ("a.csv", b"", "빈 파일"),
        ("a.csv", b"\xff\xfe\xfa\xfb,\x80\n", "인코딩"),
        ("a.pdf", b"%PDF-1.4", "CSV 또는 XLSX"),
    ],
)
def test_file_level_errors_are_4xx_with_the_reason(officer, page, name, data, words):
    response = _post(officer, page, name, data)
    assert 400 <= response.status_code < 500
    assert words in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_a_file_over_the_upload_limit_is_refused_naming_the_limit(officer, settings, page):
    settings.CHINJEOL_UPLOAD_MAX_BYTES = 2048
    response = _post(officer, page, "a.csv", b"a,b\n" * 1000)
    assert response.status_code == 422
    page_text = response.content.decode()
    assert "파일이 너무 큽니다" in page_text and "2KB 이하" in page_text


@pytest.mark.django_db
def test_a_million_row_workbook_is_refused_on_the_kindness_upload(officer):
    response = _post(officer, "kindness", "big.xlsx", big_xlsx(1_048_000, ["사번", "항목", "점수", "일자"]))
    assert response.status_code == 422
    assert "5,000행까지" in response.content.decode()
    assert not MileageEntry.objects.exists()


@pytest.mark.django_db
def test_row_errors_keep_their_row_by_row_report(officer):
    data = "사번,항목,점수,일자,비고\n없는사번,phone,1,2026-11-02,\n".encode()
    response = _post(officer, "kindness", "rows.csv", data)
    assert response.status_code == 400
    assert "2" in response.content.decode() and "사번" in response.content.decode()
