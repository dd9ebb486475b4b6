"""오늘 할 일 from the visits: an official's field visits waiting for their result or follow-up, and the expert
consultations waiting for their record (CS officer)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min
from django.urls import reverse

from chinjeol.charter.calendar import format_dt_ko
from chinjeol.core.access import has_role, may_write
from chinjeol.core.inbox import Urgency, WorkItem
from chinjeol.core.roles import Role

from .models import Booking, FieldVisit


def work_for(user, now: datetime) -> list[WorkItem]:
    if not getattr(user, "is_authenticated", False) or not may_write(user):
        return []
    items = []
    staff_id = getattr(user, "staff_id", None)
    if staff_id:
        mine = FieldVisit.objects.filter(official_id=staff_id).order_by()
        base = reverse("visits:field_list")
        visited = mine.filter(status=FieldVisit.Status.SCHEDULED, scheduled_at__lt=now).aggregate(
            n=Count("id"), first=Min("scheduled_at")
        )
        items.append(
            WorkItem(
                "cases",
                "결과를 적을 현장 방문",
                visited["n"],
                f"{base}?show=upcoming",
                Urgency.WAITING,
                due_at=visited["first"],
                note=f"가장 이른 약속: {format_dt_ko(visited['first'])}" if visited["first"] else "",
            )  # fmt: skip
        )
        follow = mine.filter(status=FieldVisit.Status.FOLLOW_UP).aggregate(
            n=Count("id"), first=Min("visited_at")
        )
        items.append(
            WorkItem(
                "cases",
                "고객께 결과를 알릴 현장 방문 후속 처리",
                follow["n"],
                f"{base}?show=follow_up",
                Urgency.WAITING,
                note="처리하면 고객께 결과 문자가 갑니다.",
            )  # fmt: skip
        )
    if has_role(user, Role.CS_OFFICER):
        done = Booking.objects.filter(status=Booking.Status.CONFIRMED, slot__starts_at__lt=now).aggregate(
            n=Count("id"), first=Min("slot__starts_at")
        )
        items.append(
            WorkItem(
                "cases",
                "상담 기록을 적을 전문가 상담",
                done["n"],
                reverse("visits:experts"),
                Urgency.WAITING,
                due_at=done["first"],
            )  # fmt: skip
        )
    return items
