"""The cases waiting for a person (오늘 할 일): overdue and due-soon cases in their reach, their own open
cases, and for those who assign, the cases nobody has taken yet."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min
from django.urls import reverse

from chinjeol.core.access import has_role
from chinjeol.core.inbox import Urgency, WorkItem
from chinjeol.core.roles import Role

from . import queries
from .models import Case


def _item(cases, label: str, url: str, urgency: Urgency) -> WorkItem:
    found = cases.order_by().aggregate(n=Count("id"), first=Min("due_at"))
    return WorkItem("cases", label, found["n"], url, urgency, found["first"])


def work_for(user, now: datetime) -> list[WorkItem]:
    if not user.is_authenticated:
        return []
    base = reverse("cases:queue")
    manages = has_role(user, *queries.MANAGER_ROLES, Role.AUDITOR)
    items = []
    overdue = queries.queue(user, "overdue", now)
    due_soon = queries.queue(user, "due_soon", now)
    if not manages:  # an official answers for their own cases, not the whole department's
        overdue, due_soon = overdue.assigned_to(user.staff_id), due_soon.assigned_to(user.staff_id)
    items.append(_item(overdue, "처리기한이 지난 민원", f"{base}?queue=overdue", Urgency.OVERDUE))
    items.append(
        _item(due_soon, "처리기한이 8근무시간 안에 끝나는 민원", f"{base}?queue=due_soon", Urgency.DUE_SOON)
    )
    if user.staff_id:
        mine = queries.queue(user, "mine", now).filter(due_at__gte=now)
        items.append(_item(mine, "내가 맡아 처리 중인 민원", f"{base}?queue=mine", Urgency.WAITING))
    if has_role(user, *queries.MANAGER_ROLES):
        waiting = queries.cases_for_user(user).filter(status=Case.Status.RECEIVED)
        items.append(
            _item(
                waiting, "담당자 배정을 기다리는 민원", f"{base}?queue=all&status=received", Urgency.WAITING
            )
        )
    return items
