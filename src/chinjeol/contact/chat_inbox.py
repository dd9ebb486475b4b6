"""Open SMS and chat conversations nobody has taken yet (오늘 할 일 of the call centre)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min
from django.urls import reverse

from chinjeol.charter.calendar import format_dt_ko
from chinjeol.core.access import has_role
from chinjeol.core.inbox import Urgency, WorkItem

from . import queries
from .chat_queries import conversations_visible
from .models import Conversation


def work_for(user, now: datetime) -> list[WorkItem]:
    if not user.is_authenticated or not has_role(user, *queries.WRITERS):
        return []
    found = (
        conversations_visible(user)
        .filter(status=Conversation.Status.OPEN, staff__isnull=True)
        .order_by()
        .aggregate(n=Count("id"), first=Min("started_at"))
    )
    note = f"가장 오래 기다린 상담: {format_dt_ko(found['first'])}부터" if found["first"] else ""
    return [WorkItem("callcenter", "맡은 사람이 없는 문자·채팅 상담", found["n"], reverse("contact:conversations"),
                     Urgency.WAITING, note=note)]  # fmt: skip


def register_inbox() -> None:
    from chinjeol.core.inbox import register

    register("contact_chat", work_for)
