"""The compliance page and its case list download as Excel/CSV with the page's own filters."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.test_views import november  # noqa: F401  (the fixture)


@pytest.mark.django_db
def test_compliance_downloads_the_ranking_and_the_standards(client_for, november, org):  # noqa: F811
    response = client_for(org.auditor).get(
        reverse("reports:compliance"), {"period": "2026-11", "format": "xlsx"}
    )
    book = load_workbook(io.BytesIO(response.content))
    ranking = list(book.worksheets[0].iter_rows(values_only=True))
    assert ranking[0][:3] == ("순위", "부서", "판정")
    by_name = {row[1]: row for row in ranking[1:]}
    assert set(by_name) == {"민원과", "민원팀", "세무과"}
    assert by_name["민원팀"][2:5] == (2, 0, 2) and by_name["민원팀"][5] == 0.0
    assert by_name["세무과"][5] == 100.0
    standards = list(book["이행표준별"].iter_rows(values_only=True))
    assert standards[0][0] == "이행표준" and sum(row[1] for row in standards[1:]) == 4


@pytest.mark.django_db
def test_the_case_list_downloads_with_its_result_filter(client_for, november, org):  # noqa: F811
    response = client_for(org.head).get(
        reverse("reports:compliance_cases"), {"period": "2026-11", "result": "missed", "format": "csv"}
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff접수번호,제목,부서")
    assert november["team_late"].receipt_no in text and november["team_open"].receipt_no in text
    assert november["civil_on_time"].receipt_no not in text and november["tax_on_time"].receipt_no not in text
    assert text.count("\n") == 3
