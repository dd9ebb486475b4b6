"""The compensation ledger as a list: its download with the same filters, and the bulk approval."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.models import PersonalDataAccess
from tests.factories import at


def _entry(org, n: int, **extra) -> CompensationEntry:
    values = {
        "reason": CompensationEntry.Reason.DEADLINE_MISSED,
        "amount": 10_000,
        "occurred_at": at(2026, 11, 10 + n, 10),
        "recipient_name": f"민원인{n}",
        "source_type": "case",
        "source_id": str(n),
        "source_label": f"2026-000000{n} 처리기한 경과",
        "department": org.civil,
    }
    return CompensationEntry.objects.create(**{**values, **extra})


@pytest.mark.django_db
def test_the_ledger_downloads_with_its_filters(client_for, org):
    _entry(org, 1)
    _entry(org, 2, status=CompensationEntry.Status.APPROVED)
    response = client_for(org.officer).get("/compensation/", {"status": "pending", "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("발생 시각", "사유", "근거", "받는 분")
    assert len(rows) == 2 and rows[1][3] == "민원인1" and rows[1][6] == 10_000 and rows[1][7] == "승인 대기"
    assert rows[1][0].year == 2026
    log = PersonalDataAccess.objects.get(action="export")
    assert log.subject_type == "compensationentry" and log.count == 1


@pytest.mark.django_db
def test_the_monthly_report_downloads(client_for, org):
    _entry(org, 1)
    response = client_for(org.auditor).get("/compensation/report/", {"year": "2026", "format": "csv"})
    text = response.content.decode("utf-8")
    assert (
        text.startswith("\ufeff월,발생,금액(원)")
        and "2026년 11월,1,10000," in text
        and "합계,1,10000" in text
    )


@pytest.mark.django_db
def test_bulk_approval_approves_all_ticked_or_none(client_for, org):
    first, second, decided = _entry(org, 1), _entry(org, 2), _entry(org, 3, status="rejected")
    client = client_for(org.officer)
    page = client.get("/compensation/").content.decode()
    assert 'id="bulk-approve"' in page and 'form="bulk-approve"' in page
    response = client.post("/compensation/approve-selected/", {"entry": [first.pk, decided.pk]})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == "pending"  # one could not be approved: nothing was
    client.post("/compensation/approve-selected/", {"entry": [first.pk, second.pk]})
    assert set(CompensationEntry.objects.filter(status="approved").values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert (
        client_for(org.auditor).post("/compensation/approve-selected/", {"entry": [first.pk]}).status_code
        == 403
    )
