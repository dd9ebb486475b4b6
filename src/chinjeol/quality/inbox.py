"""오늘 할 일 of the quality programmes: mystery assignments to carry out, disputes to review."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone


def _work(user, now: datetime):
    from chinjeol.core.access import has_role
    from chinjeol.core.inbox import Urgency, WorkItem
    from chinjeol.core.roles import Role

    from .models import Dispute, MysteryAssignment

    items = []
    if has_role(user, Role.EVALUATOR, Role.CS_OFFICER) and not has_role(user, Role.AUDITOR):
        today = timezone.localdate(now)
        planned = MysteryAssignment.objects.filter(
            status=MysteryAssignment.Status.PLANNED, due_on__lte=today + timedelta(days=7)
        )
        count = planned.count()
        if count:
            first = planned.order_by("due_on").values_list("due_on", flat=True).first()
            due = timezone.make_aware(datetime.combine(first, time(18)))
            items.append(WorkItem(
                "surveys", "할 암행 평가", count, reverse("quality:mystery"),
                Urgency.OVERDUE if first < today else Urgency.DUE_SOON, due,
            ))  # fmt: skip
    if has_role(user, Role.CS_OFFICER):
        count = Dispute.objects.filter(status=Dispute.Status.OPEN).count()
        if count:
            items.append(WorkItem("surveys", "검토할 평가 이의", count, reverse("quality:evaluations")))
    return items


def register_inbox() -> None:
    from chinjeol.core.inbox import register

    register("quality", _work)
