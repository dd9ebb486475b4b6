"""Every list registered for download answers `?format=xlsx` with a workbook openpyxl opens, a Korean header
row and the page's own filters; the access log downloads and the download is itself logged."""

from __future__ import annotations

import io

import pytest
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook

from chinjeol.core import exports
from chinjeol.core.models import PersonalDataAccess
from tests.factories import at

pytestmark = pytest.mark.django_db

EXPECTED = {
    "access_log",
    "cases:queue",
    "reports:compliance",
    "reports:compliance_cases",
    "community:best_list",
    "community:praise_manage",
    "community:report_list",
    "community:tasks_all",
    "compensation:ledger",
    "compensation:report",
    "contact:volumes",
    "kindness:organisation",
    "kindness:snapshot",
    "knowledge:report_misses",
    "knowledge:report_uses",
}


def test_the_lists_of_every_area_are_registered():
    assert {item.url_name for item in exports.listings()} >= EXPECTED


def _without_parameters() -> list[str]:
    """Every registered list whose address takes no parameter (a published snapshot needs its period)."""
    names = []
    for item in exports.listings():
        try:
            reverse(item.url_name)
        except NoReverseMatch:
            continue
        names.append(item.url_name)
    return sorted(names)


def test_every_list_of_the_areas_is_tried():
    assert set(_without_parameters()) >= EXPECTED - {"kindness:snapshot"}
    assert {"contact:callbacks", "reports:charter_list", "community:initiatives"} <= set(
        _without_parameters()
    )


@pytest.mark.parametrize("url_name", _without_parameters())
def test_every_registered_list_opens_in_openpyxl(client_for, org, url_name):
    response = client_for(org.officer).get(reverse(url_name), {"format": "xlsx"})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    header = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert header and all(isinstance(h, str) and h for h in header)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in "".join(header))  # Korean headings


def test_the_access_log_downloads_its_filtered_rows_and_logs_the_download(client_for, org):
    PersonalDataAccess.objects.create(
        at=at(2026, 11, 20), username="head", action="view", subject_type="case_customer",
        subject_label="2026-0000001 민원인 홍*동", fields="이름, 전화", user=org.head,
    )  # fmt: skip
    PersonalDataAccess.objects.create(
        at=at(2026, 11, 21), username="leader", action="view", subject_type="case_customer",
        subject_label="2026-0000002 민원인 김*원", fields="이름", user=org.leader,
    )  # fmt: skip
    response = client_for(org.auditor).get(
        reverse("access_log"), {"subject": "2026-0000001", "format": "xlsx"}
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("시각", "접속자", "아이디", "행위")
    assert (
        len(rows) == 2 and rows[1][2] == "head" and rows[1][1].startswith("부서장") and rows[1][0].day == 20
    )
    assert PersonalDataAccess.objects.filter(
        action="export", subject_type="access_log", user=org.auditor
    ).exists()


def test_the_export_links_keep_the_filters_and_drop_the_page(client_for, org):
    html = (
        client_for(org.officer).get(reverse("access_log"), {"action": "view", "page": "2"}).content.decode()
    )
    assert "?action=view&amp;format=xlsx" in html and "page=2&amp;format" not in html
