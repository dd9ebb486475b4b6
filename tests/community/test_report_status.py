"""A citizen follows a 칭찬·불친절 report with its receipt number and the last 4 digits of the phone."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_receipt_and_phone_digits_show_the_status(client, make_report):
    report = make_report()
    response = client.post(
        reverse("community:report_status"), {"receipt_no": report.receipt_no.lower(), "phone_last4": "5432"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="report-status"' in body and report.receipt_no in body and "접수" in body
    assert "010-9876-5432" not in body and "반말" not in body  # no personal data, no body text


def test_wrong_digits_or_no_phone_find_nothing(client, make_report):
    report = make_report()
    wrong = client.post(
        reverse("community:report_status"), {"receipt_no": report.receipt_no, "phone_last4": "1111"}
    )
    assert wrong.status_code == 400 and "맞는 신고가 없습니다" in wrong.content.decode()
    silent = make_report(kind="praise", reporter_phone="")
    none = client.post(
        reverse("community:report_status"), {"receipt_no": silent.receipt_no, "phone_last4": "0000"}
    )
    assert none.status_code == 400 and 'id="report-status"' not in none.content.decode()


def test_bad_receipt_format_is_named(client):
    response = client.post(
        reverse("community:report_status"), {"receipt_no": "2026-0000001", "phone_last4": "12"}
    )
    body = response.content.decode()
    assert "R2026-00012 형식" in body and "숫자 4자리" in body
