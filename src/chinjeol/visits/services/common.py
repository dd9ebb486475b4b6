"""What the visit services share: the charter version in force and the agency's calendar."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

VISIT_GUIDE = "VISIT_GUIDE"
FIELD_VISIT_NOTICE = "FIELD_VISIT_NOTICE"
DEFAULT_MINUTES = {VISIT_GUIDE: 5, FIELD_VISIT_NOTICE: 1}


def version_at(code: str, moment: datetime):
    """The standard's version in force at `moment` (None when the charter has no such standard)."""
    from chinjeol.charter.models import ServiceStandard

    standard = ServiceStandard.objects.filter(code=code, is_active=True).first()
    return standard.version_at(moment) if standard else None


def target_of(version, code: str) -> int:
    return int(version.target) if version is not None else DEFAULT_MINUTES[code]


def calendar():
    from chinjeol.charter.queries import calendar_for

    return calendar_for()


def local_day(moment: datetime):
    return timezone.localtime(moment).date()
