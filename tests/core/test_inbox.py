"""오늘 할 일: every app's waiting work gathered per person, most urgent first."""

from __future__ import annotations

from datetime import timedelta

import pytest

from chinjeol.cases import services as case_services
from chinjeol.core import inbox
from chinjeol.core.inbox import Urgency, WorkItem
from tests.factories import at

pytestmark = pytest.mark.django_db


def labels(items):
    return [(i.label, i.count) for i in items]


def test_every_workflow_app_registered_a_provider():
    assert {"cases", "compensation", "community"} <= set(inbox.providers())


def test_items_sort_overdue_first_then_by_deadline():
    now = at(2026, 11, 23, 10)
    items = [
        WorkItem("x", "대기", 1, "/", Urgency.WAITING),
        WorkItem("x", "임박", 1, "/", Urgency.DUE_SOON, now + timedelta(hours=2)),
        WorkItem("x", "경과 나중", 1, "/", Urgency.OVERDUE, now - timedelta(hours=1)),
        WorkItem("x", "경과 먼저", 1, "/", Urgency.OVERDUE, now - timedelta(days=2)),
    ]
    assert [i.label for i in sorted(items, key=inbox.sort_key)] == ["경과 먼저", "경과 나중", "임박", "대기"]


def test_an_official_sees_their_own_overdue_case_and_the_head_the_department(org, make_case):
    received = at(2026, 11, 2, 10)
    case = make_case(now=received)
    case_services.case_assign(case_id=case.pk, staff_id=org.clerk.staff_id, by=org.head, now=received)
    later = case.due_at + timedelta(days=1)

    clerk = inbox.work_for(org.clerk, now=later)
    assert clerk[0].label == "처리기한이 지난 민원" and clerk[0].count == 1
    assert clerk[0].urgency == Urgency.OVERDUE and clerk[0].due_at == case.due_at
    assert clerk[0].url.endswith("?queue=overdue")

    head = dict(labels(inbox.work_for(org.head, now=later)))
    assert head["처리기한이 지난 민원"] == 1

    # someone of another department has nothing of it
    assert "처리기한이 지난 민원" not in dict(labels(inbox.work_for(org.outsider, now=later)))


def test_a_new_case_waits_for_assignment_on_the_heads_list(org, make_case):
    now = at(2026, 11, 23, 10)
    make_case(now=now)
    head = dict(labels(inbox.work_for(org.head, now=now + timedelta(minutes=5))))
    assert head["담당자 배정을 기다리는 민원"] == 1
    clerk = dict(labels(inbox.work_for(org.clerk, now=now + timedelta(minutes=5))))
    assert "담당자 배정을 기다리는 민원" not in clerk


def test_the_cs_officer_sees_compensation_waiting(org, make_case):
    from chinjeol.compensation.models import CompensationEntry

    CompensationEntry.objects.create(
        reason=CompensationEntry.Reason.DEADLINE_MISSED,
        amount=10_000,
        occurred_at=at(2026, 11, 20, 9),
        source_type="case",
        source_id="1",
        department=org.civil,
    )
    items = dict(labels(inbox.work_for(org.officer, now=at(2026, 11, 23, 10))))
    assert items["승인을 기다리는 보상"] == 1
    assert "승인을 기다리는 보상" not in dict(labels(inbox.work_for(org.clerk, now=at(2026, 11, 23, 10))))


def test_nothing_waiting_means_an_empty_list(org):
    assert inbox.work_for(org.evaluator, now=at(2026, 11, 23, 10)) == []


def test_the_home_page_leads_with_todays_work(client_for, org, make_case):
    from django.utils import timezone

    make_case(now=timezone.now())
    page = client_for(org.head).get("/").content.decode()
    assert "오늘 할 일" in page and "담당자 배정을 기다리는 민원" in page and "처리 대기" in page
    quiet = client_for(org.evaluator).get("/").content.decode()
    assert "지금 기다리는 일이 없습니다" in quiet
