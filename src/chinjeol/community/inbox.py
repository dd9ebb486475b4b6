"""The report centre's work waiting for a person: their own tasks (apology calls, encouragement,
prevention measures) by deadline, and for the CS officer the reports and posts to deal with."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Min
from django.urls import reverse

from chinjeol.core.access import has_role
from chinjeol.core.inbox import Urgency, WorkItem
from chinjeol.core.roles import Role

from . import queries
from .models import PraisePost, Report

DUE_SOON = timedelta(days=1)


def _tasks(user, now: datetime) -> list[WorkItem]:
    url = reverse("community:tasks")
    open_tasks = queries.my_tasks(user).open().order_by()
    items = []
    for label, tasks, urgency in (
        (
            "기한이 지난 내 할 일 (사과 전화·격려·재발 방지)",
            open_tasks.filter(due_at__lt=now),
            Urgency.OVERDUE,
        ),
        (
            "하루 안에 기한이 끝나는 내 할 일",
            open_tasks.filter(due_at__gte=now, due_at__lt=now + DUE_SOON),
            Urgency.DUE_SOON,
        ),
        ("내 할 일", open_tasks.filter(due_at__gte=now + DUE_SOON), Urgency.WAITING),
    ):
        found = tasks.aggregate(n=Count("id"), first=Min("due_at"))
        items.append(WorkItem("kindness", label, found["n"], url, urgency, found["first"]))
    return items


def _office(user) -> list[WorkItem]:
    reports = Report.objects.order_by()
    posts = PraisePost.objects.order_by()
    return [
        WorkItem(
            "kindness",
            "조사를 시작할 친절·불친절 신고",
            reports.filter(status=Report.Status.RECEIVED).count(),
            reverse("community:report_list") + f"?status={Report.Status.RECEIVED}",
        ),
        WorkItem(
            "kindness",
            "조사 중인 신고",
            reports.filter(status=Report.Status.INVESTIGATING).count(),
            reverse("community:report_list") + f"?status={Report.Status.INVESTIGATING}",
        ),
        WorkItem(
            "kindness",
            "게시 여부를 검토할 칭찬글",
            posts.filter(status=PraisePost.Status.SUBMITTED).count(),
            reverse("community:praise_manage"),
        ),
    ]


def work_for(user, now: datetime) -> list[WorkItem]:
    if not user.is_authenticated:
        return []
    items = _tasks(user, now)
    if has_role(user, *queries.REPORT_READERS):
        items += _office(user)
    if has_role(user, Role.CS_OFFICER, Role.AUDITOR):
        overdue = queries.tasks_for_user(user).open().filter(due_at__lt=now).order_by()
        found = overdue.aggregate(n=Count("id"), first=Min("due_at"))
        items.append(
            WorkItem(
                "kindness",
                "기한이 지난 부서 할 일 (기관 전체)",
                found["n"],
                reverse("community:tasks_all"),
                Urgency.OVERDUE,
                found["first"],
            )
        )
    return items
