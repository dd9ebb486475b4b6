"""오늘 할 일 of the surveys: a head's catch-calls after dissatisfied happy-calls, the happy-call team's phone list."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Min
from django.urls import reverse

from chinjeol.core.access import has_role, may_write, scoped_department_ids
from chinjeol.core.inbox import Urgency, WorkItem
from chinjeol.core.roles import Role

from . import queries
from .models import HappyCall


def work_for(user, now: datetime) -> list[WorkItem]:
    if not getattr(user, "is_authenticated", False) or not may_write(user):
        return []
    items = []
    if has_role(user, Role.DEPT_HEAD) and not getattr(user, "is_superuser", False):
        departments = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD})) or set()
        waiting = HappyCall.objects.filter(
            dissatisfied=True, catch_done_at__isnull=True, case__department_id__in=departments
        )
        found = waiting.order_by().aggregate(n=Count("id"), first=Min("catch_due_at"))
        first = found["first"]
        urgency = (
            Urgency.OVERDUE
            if first and first < now
            else Urgency.DUE_SOON
            if first and first < now + timedelta(days=1)
            else Urgency.WAITING
        )
        items.append(
            WorkItem(
                "surveys",
                "불만족 해피콜 — 부서장 불만 해소 전화",
                found["n"],
                reverse("surveys:catch_calls"),
                urgency,
                first,
                "만족도 2점 이하 응답: 응답 뒤 3근무일 안에 전화",
            )
        )
    if has_role(user, Role.CS_OFFICER):
        found = queries.phone_list(now).order_by().aggregate(n=Count("id"), first=Min("send_at"))
        items.append(
            WorkItem(
                "surveys",
                "해피콜 전화 조사 — 문자에 3일 넘게 답이 없는 민원",
                found["n"],
                reverse("surveys:phone_list"),
                Urgency.WAITING,
                None,
            )
        )
    return items
