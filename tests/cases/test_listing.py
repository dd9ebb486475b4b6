"""The case queue as a list: filters, tab counts, sortable columns, elapsed days and its downloads."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from chinjeol.cases import rules
from chinjeol.core.models import PersonalDataAccess
from tests.factories import at


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(-30, 400))
def test_elapsed_days_are_never_negative_and_count_calendar_days(start, offset):
    until = start + timedelta(days=offset)
    assert rules.elapsed_days(start, until) == max(0, offset)


def _sheet(response):
    assert response.status_code == 200, response.content[:300]
    return load_workbook(io.BytesIO(response.content)).active


@pytest.mark.django_db
def test_the_issue_examples_find_the_case_on_the_page_and_in_the_download(client_for, org, make_case):
    case = make_case(
        now=at(2026, 11, 23, 10),
        title="가로등 고장 신고",
        customer_name="김민원",
        customer_phone="010-2345-6789",
    )
    make_case(now=at(2026, 11, 23, 11), customer_name="이다른", customer_phone="010-1111-2222")
    client = client_for(org.officer)
    for q in ("김민원", "010-2345-6789", case.receipt_no[-4:], "6789", "가로등"):
        page = client.get("/cases/", {"queue": "all", "q": q}).content.decode()
        assert case.receipt_no in page and "이다른" not in page, q
    sheet = _sheet(client.get("/cases/", {"queue": "all", "q": "김민원", "format": "xlsx"}))
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("접수번호", "접수 시각", "접수 경로") and rows[0][-1] == "경과일"
    assert [r[0] for r in rows[1:]] == [case.receipt_no]
    assert rows[1][1].year == 2026 and isinstance(rows[1][-1], int)
    # The officer may see the contact: it is in full, and the download is in the access log.
    assert rows[1][5] == "김민원" and rows[1][6] == "010-2345-6789"
    log = PersonalDataAccess.objects.get(action="export")
    assert log.count == 1 and log.user == org.officer


@pytest.mark.django_db
def test_the_auditor_downloads_masked_contacts_and_nothing_is_logged(client_for, org, make_case):
    make_case(now=at(2026, 11, 23, 10), customer_name="김민원", customer_phone="010-2345-6789")
    response = client_for(org.auditor).get("/cases/", {"queue": "all", "format": "csv"})
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff접수번호,")
    assert "010-2345-6789" not in text and "010-2345-****" in text
    assert not PersonalDataAccess.objects.filter(action="export").exists()


@pytest.mark.django_db
def test_filters_narrow_the_list_and_the_download_alike(client_for, org, make_case):
    web = make_case(now=at(2026, 11, 2, 10), channel="web", kind="inquiry")
    phone = make_case(now=at(2026, 11, 20, 10), channel="phone", kind="suggestion")
    client = client_for(org.officer)

    def found(**params):
        sheet = _sheet(client.get("/cases/", {"queue": "all", "format": "xlsx", **params}))
        return {r[0] for r in list(sheet.iter_rows(values_only=True))[1:]}

    assert found() == {web.receipt_no, phone.receipt_no}
    assert found(channel="phone") == {phone.receipt_no}
    assert found(kind="inquiry") == {web.receipt_no}
    assert found(date_from="2026-11-10") == {phone.receipt_no}
    assert found(date_to="2026-11-10") == {web.receipt_no}
    assert found(department=org.tax.pk) == set()
    assert found(status="received") == {web.receipt_no, phone.receipt_no}


@pytest.mark.django_db
def test_tabs_show_counts_columns_sort_and_elapsed_days(client_for, org, make_case):
    first = make_case(now=at(2026, 11, 2, 10))
    second = make_case(now=at(2026, 11, 20, 10))
    client = client_for(org.officer)
    page = client.get("/cases/", {"queue": "all"})
    assert page.context["counts"]["all"] == 2
    assert page.context["counts"]["overdue"] is not None
    html = page.content.decode()
    assert 'class="tab-count' in html and "경과일" in html and "엑셀로 내려받기" in html
    assert "---------" not in html
    oldest_first = client.get("/cases/", {"queue": "all", "sort": "receipt"}).context["page"]
    assert [c.pk for c in oldest_first] == [first.pk, second.pk]
    newest_first = client.get("/cases/", {"queue": "all", "sort": "-receipt"}).context["page"]
    assert [c.pk for c in newest_first] == [second.pk, first.pk]
    assert (
        'aria-sort="descending"'
        in client.get("/cases/", {"queue": "all", "sort": "-receipt"}).content.decode()
    )
    assert all(c.elapsed_days >= 0 for c in oldest_first)


@pytest.mark.django_db
def test_a_download_past_the_row_limit_says_how_to_narrow_it(client_for, org, make_case, monkeypatch):
    from chinjeol.core import exports

    monkeypatch.setattr(exports, "MAX_ROWS", 1)
    make_case(now=at(2026, 11, 2, 10))
    make_case(now=at(2026, 11, 3, 10))
    response = client_for(org.officer).get("/cases/", {"queue": "all", "channel": "web", "format": "xlsx"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "1행을 넘습니다" in html and "channel=web" in html and "format=" not in html
