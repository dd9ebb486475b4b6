"""Periodic check: articles past their review date are announced once to the owner department's CS leader."""

from django.utils import timezone
from django_tasks import task

from . import services


@task()
def check_reviews() -> int:
    now = timezone.now()
    return services.review_overdue_notify(today=timezone.localdate(now), now=now)
