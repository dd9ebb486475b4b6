"""Kindness rankings and published results download as Excel/CSV: like the page, scores with one decimal."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chinjeol.kindness import services
from chinjeol.kindness.models import PeriodSnapshot
from chinjeol.kindness.rules import Period
from tests.factories import at

pytestmark = pytest.mark.django_db


def _book(response):
    assert response.status_code == 200, response.content[:300]
    return load_workbook(io.BytesIO(response.content))


def test_the_live_ranking_downloads_with_every_evaluated_person(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 2), 8)
    book = _book(
        client_for(org.officer).get(reverse("kindness:organisation"), {"period": "2026-H2", "format": "xlsx"})
    )
    departments = list(book.worksheets[0].iter_rows(values_only=True))
    assert departments[0] == ("단계", "순위", "부서", "점수", "신호등", "인원", "부서 감점", "비고")
    assert ("팀", 1, "민원팀") in {row[:3] for row in departments[1:]}
    people = list(book["직원별"].iter_rows(values_only=True))
    clerk = next(row for row in people[1:] if row[2] == org.clerk.staff.name)
    assert clerk[6] == 83.0 and clerk[0] == 1 and clerk[1] == 1
    assert all(isinstance(row[6], int | float) and round(row[6], 1) == row[6] for row in people[1:])


def test_a_department_head_downloads_the_ranking_without_people(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 2), 8)
    book = _book(
        client_for(org.head).get(reverse("kindness:organisation"), {"period": "2026-H2", "format": "xlsx"})
    )
    assert book.sheetnames == [book.worksheets[0].title] and "직원별" not in book.sheetnames


def test_a_published_snapshot_downloads_as_it_was_frozen(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 3, 2), 8)
    services.period_publish(period=Period.parse("2026-H1"), by=org.officer, now=at(2026, 7, 3))
    snapshot = PeriodSnapshot.objects.get()
    record(org.clerk.staff, "phone", at(2026, 3, 3), 2)  # after publishing: not in the snapshot
    response = client_for(org.auditor).get(
        reverse("kindness:snapshot", args=[snapshot.pk]), {"format": "csv"}
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff단계,순위,부서,점수,신호등")
    book = _book(
        client_for(org.auditor).get(reverse("kindness:snapshot", args=[snapshot.pk]), {"format": "xlsx"})
    )
    clerk = next(row for row in book["직원별"].iter_rows(values_only=True) if row[2] == org.clerk.staff.name)
    assert clerk[6] == 83.0
