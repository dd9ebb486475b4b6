"""폭언 사건 waiting for the supervisor's decision on support (오늘 할 일 of department heads and the CS officer)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min
from django.urls import reverse

from chinjeol.charter.calendar import format_dt_ko
from chinjeol.core.access import has_role
from chinjeol.core.inbox import Urgency, WorkItem
from chinjeol.core.roles import Role

from . import queries
from .models import Incident


def work_for(user, now: datetime) -> list[WorkItem]:
    if not user.is_authenticated or not has_role(user, Role.DEPT_HEAD, Role.CS_OFFICER):
        return []
    waiting = (
        queries.incidents_for(user)
        .filter(status=Incident.Status.OPEN, support__isnull=True)
        .order_by()
        .aggregate(n=Count("id"), first=Min("occurred_at"))
    )
    note = f"가장 오래된 사건: {format_dt_ko(waiting['first'])}" if waiting["first"] else ""
    return [
        WorkItem(
            "callcenter",
            "휴식·지원 결정을 기다리는 폭언 사건",
            waiting["n"],
            reverse("protection:incidents"),
            Urgency.DUE_SOON,
            note=note,
        )  # fmt: skip
    ]


def register_inbox() -> None:
    from chinjeol.core.inbox import register

    register("protection", work_for)
