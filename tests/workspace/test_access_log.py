"""The personal-data access log: the search reads through `workspace.queries`, a download is logged too."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from chinjeol.core.models import PersonalDataAccess
from chinjeol.workspace import queries
from tests.factories import at

pytestmark = pytest.mark.django_db


def record(user, when, label="홍길동", subject_id="", action="view"):
    return PersonalDataAccess.objects.create(
        at=when,
        user=user,
        username=user.username,
        action=action,
        subject_type="staff",
        subject_id=subject_id,
        subject_label=label,
        fields="휴대전화",
    )


def labels(entries) -> list[str]:
    return [e.subject_label for e in entries]


def test_the_dates_are_whole_local_days(org):
    record(org.officer, at(2026, 11, 22, 0, 0), "자정")
    record(org.officer, at(2026, 11, 22, 23, 59), "밤")
    record(org.officer, at(2026, 11, 23, 0, 0), "다음날")
    found = queries.access_log_entries(date_from=date(2026, 11, 22), date_to=date(2026, 11, 22))
    assert labels(found) == ["밤", "자정"]


def test_the_accessor_is_found_by_staff_name_or_username(org):
    record(org.officer, at(2026, 11, 22), "가")
    record(org.head, at(2026, 11, 22), "나")
    assert labels(queries.access_log_entries(username="고담당")) == ["가"]
    assert labels(queries.access_log_entries(username="HEAD")) == ["나"]


def test_the_subject_is_found_by_label_or_exact_id(org):
    record(org.officer, at(2026, 11, 22, 9), "김민원", subject_id="17")
    record(org.officer, at(2026, 11, 22, 10), "박세무", subject_id="170")
    assert labels(queries.access_log_entries(subject="17")) == ["김민원"]
    assert labels(queries.access_log_entries(subject="박")) == ["박세무"]


def test_the_action_narrows_the_log(org):
    record(org.officer, at(2026, 11, 22, 9), "조회")
    record(org.officer, at(2026, 11, 22, 10), "내려받기", action="export")
    assert labels(queries.access_log_entries(action="export")) == ["내려받기"]


def test_a_reversed_period_is_refused_and_the_whole_log_shown(client_for, org):
    record(org.officer, at(2026, 11, 22), "가")
    response = client_for(org.auditor).get(
        reverse("access_log"), {"date_from": "2026-11-23", "date_to": "2026-11-22"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "종료일은 시작일보다 빠를 수 없습니다." in body
    assert labels(response.context["page"]) == ["가"]


def test_the_pages_keep_the_search_but_not_the_page_number(client_for, org):
    for hour in range(9, 20):
        for minute in range(0, 60, 10):
            record(org.officer, at(2026, 11, 22, hour, minute))
    response = client_for(org.officer).get(reverse("access_log"), {"username": "officer", "page": "2"})
    assert response.context["query"] == "username=officer"
    assert response.context["page"].number == 2
    assert "workspace/access_log.html" in {t.name for t in response.templates}
