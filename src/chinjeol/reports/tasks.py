"""Periodic work of the reports. The worker runs it through `chinjeol worker`; it is idempotent."""

from django.utils import timezone
from django_tasks import task

from chinjeol.reports.compliance.tallies import tallies_refresh


@task()
def refresh_compliance_tallies() -> int:
    return tallies_refresh(timezone.now())
