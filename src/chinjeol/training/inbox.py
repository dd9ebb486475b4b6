"""Training in 오늘 할 일: each person's courses still to complete; for CS leaders, heads and the CS officer, the
overdue courses of the people they manage."""

from __future__ import annotations

from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone

from chinjeol.core.access import has_role
from chinjeol.core.inbox import Urgency, WorkItem
from chinjeol.core.roles import Role

from . import queries, rules


def _end_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def work_for(user, now: datetime) -> list[WorkItem]:
    if not user.is_authenticated:
        return []
    today = timezone.localdate(now)
    items = []
    if user.staff_id and has_role(user, Role.STAFF):
        mine = queries.open_work(user.staff_id)
        if mine["n"]:
            first = mine["first"]
            state = rules.assignment_state(first, None, today)
            urgency = {rules.State.OVERDUE: Urgency.OVERDUE, rules.State.DUE_SOON: Urgency.DUE_SOON}.get(
                state, Urgency.WAITING
            )
            items.append(
                WorkItem(
                    "training",
                    "이수할 교육 과정",
                    mine["n"],
                    reverse("training:mine"),
                    urgency,
                    _end_of(first),
                )
            )
    if has_role(user, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER):
        gaps = queries.gap_summary(queries.scope_for(user), today)
        if gaps["n"]:
            items.append(
                WorkItem(
                    "training",
                    "기한이 지난 부서 교육 미이수",
                    gaps["n"],
                    reverse("training:gaps"),
                    Urgency.OVERDUE,
                    _end_of(gaps["first"]),
                    note="미이수자에게 독촉 알림을 보낼 수 있습니다",
                )
            )
    return items
