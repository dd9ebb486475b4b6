"""Periodic work of the counter, the field visits and the expert room (run by `chinjeol worker`; idempotent)."""

from django.utils import timezone
from django_tasks import task


@task()
def visit_notices() -> dict:
    """Field visits' day-before SMS, the expert room's allocations and its day-before reminders."""
    from .services.experts import reminders_send, slots_allocate_due
    from .services.field import field_visit_notices_send

    now = timezone.now()
    return {
        "field_visit_notices": field_visit_notices_send(now=now),
        "expert_allocations": slots_allocate_due(now=now),
        "expert_reminders": reminders_send(now=now),
    }
