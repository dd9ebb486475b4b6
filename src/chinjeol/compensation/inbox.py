"""Compensation waiting for a decision or a hand-over (오늘 할 일 of the CS officer, the auditor's view)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min
from django.urls import reverse

from chinjeol.charter.calendar import format_dt_ko
from chinjeol.core.access import has_role
from chinjeol.core.inbox import Urgency, WorkItem
from chinjeol.core.roles import Role

from . import queries
from .models import CompensationEntry


def work_for(user, now: datetime) -> list[WorkItem]:
    if not user.is_authenticated or not has_role(user, Role.CS_OFFICER, Role.AUDITOR):
        return []
    base = reverse("compensation:ledger")
    entries = queries.entries_for_user(user).order_by()
    items = []
    for status, label in (
        (CompensationEntry.Status.PENDING, "승인을 기다리는 보상"),
        (CompensationEntry.Status.APPROVED, "지급을 기다리는 보상"),
    ):
        found = entries.filter(status=status).aggregate(n=Count("id"), first=Min("occurred_at"))
        items.append(
            WorkItem(
                "cases",
                label,
                found["n"],
                f"{base}?status={status}",
                Urgency.WAITING,
                note=f"가장 오래된 건: {format_dt_ko(found['first'])} 발생" if found["first"] else "",
            )
        )
    return items
