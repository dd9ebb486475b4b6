"""Periodic check: the reminder before each assignment's due date."""

from django.utils import timezone
from django_tasks import task

from . import services


@task()
def training_reminders() -> int:
    return services.reminders_send(now=timezone.now())
