"""Periodic checks. The worker runs them through `chinjeol worker`; each is idempotent."""

from django.utils import timezone
from django_tasks import task

from . import services


@task()
def check_compensation() -> int:
    return services.compensation_check(now=timezone.now())


@task()
def check_reminders() -> int:
    return services.reminders_check(now=timezone.now())
