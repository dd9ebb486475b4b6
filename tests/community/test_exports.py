"""The report centre and the boards download as Excel/CSV with their filters; contacts masked unless the role
may see them, and then the download is in the access log."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chinjeol.community.models import Report
from chinjeol.core.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


def _rows(response):
    assert response.status_code == 200, response.content[:300]
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_report_list_downloads_with_its_filter(client_for, org, unkind_report):
    url = reverse("community:report_list")
    rows = _rows(client_for(org.officer).get(url, {"kind": "unkind", "format": "xlsx"}))
    assert rows[0][:3] == ("접수번호", "구분", "접수 시각")
    assert [r[0] for r in rows[1:]] == [unkind_report.receipt_no]
    assert rows[1][11] == unkind_report.reporter_phone  # in full for the CS officer …
    assert PersonalDataAccess.objects.filter(action="export", subject_type="kindness_reporter").count() == 1
    assert _rows(client_for(org.officer).get(url, {"kind": "praise", "format": "xlsx"}))[1:] == []
    masked = _rows(client_for(org.auditor).get(url, {"format": "xlsx"}))
    assert masked[1][11].endswith("****")  # … masked for the auditor, and not logged
    assert PersonalDataAccess.objects.filter(action="export").count() == 1


def test_the_boards_download(client_for, org):
    response = client_for(org.officer).get(reverse("community:best_list"), {"format": "csv"})
    assert response.content.decode("utf-8").startswith("\ufeff제목,부서,작성자")
    rows = _rows(client_for(org.auditor).get(reverse("community:praise_manage"), {"format": "xlsx"}))
    assert rows[0][:2] == ("제목", "칭찬할 직원")


@pytest.fixture
def unkind_report(make_report):
    report = make_report("unkind")
    assert report.kind == Report.Kind.UNKIND
    return report
