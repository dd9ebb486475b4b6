"""Periodic work of the call centre (run by `chinjeol worker`; idempotent)."""

from django.utils import timezone
from django_tasks import task


@task()
def phone_mileage() -> int:
    """전화응대 점검 mileage of the previous month (entries already written are left alone)."""
    from .conf import contact_settings
    from .mileage import phone_mileage_month, previous_month

    now = timezone.now()
    return phone_mileage_month(previous_month(now.astimezone(contact_settings().tz).date()), now=now)
