"""Reads of the charter shared by intake, pages and reports."""

from __future__ import annotations

import threading
import time as _time
from datetime import datetime

from django.db.models import Max

from .calendar import BusinessCalendar
from .models import CalendarDay, ServiceStandard, ServiceStandardVersion

COMPENSATION_CODE = "COMPENSATION"
# The years whose public holidays the calendar knows; deadlines outside them are not computed.
CALENDAR_YEARS = range(2015, 2036)
_CACHE_SECONDS = 30
_lock = threading.Lock()
_cache: dict[str, tuple[float, object, object]] = {}


def _stamp():
    """Changes to calendar days or standard versions change this stamp (cheap aggregate query)."""
    days = CalendarDay.objects.aggregate(m=Max("updated_at"))["m"]
    versions = ServiceStandardVersion.objects.aggregate(m=Max("id"))["m"]
    return (days, versions, CalendarDay.objects.count())


def _cached(key: str, build):
    now = _time.monotonic()
    with _lock:
        hit = _cache.get(key)
    if hit is not None and now - hit[0] < _CACHE_SECONDS:
        return hit[2]
    stamp = _stamp()
    if hit is not None and hit[1] == stamp:
        with _lock:
            _cache[key] = (now, stamp, hit[2])
        return hit[2]
    value = build()
    with _lock:
        _cache[key] = (now, stamp, value)
    return value


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def calendar_for(years=None) -> BusinessCalendar:
    """The agency's business calendar: Korean public holidays (with the temporary and election days
    entered here) plus its own closures and extra working days. Its ``.law`` is the law's calendar, on
    which statutory deadlines count. Cached per process; refreshed within seconds of a change."""

    def build():
        rows = list(CalendarDay.objects.values_list("date", "kind", "name"))
        year_set = set(CALENDAR_YEARS) | {d.year for d, _k, _n in rows}
        return BusinessCalendar.korean(
            year_set,
            closures=[d for d, k, _n in rows if k == CalendarDay.Kind.CLOSURE],
            extra_working_days=[d for d, k, _n in rows if k == CalendarDay.Kind.EXTRA_WORKING_DAY],
            public_holidays={d: n for d, k, n in rows if k == CalendarDay.Kind.PUBLIC_HOLIDAY},
        )

    return _cached("calendar", build)


def law_calendar_for() -> BusinessCalendar:
    """The law's calendar (민원처리법 제19조): Saturdays, Sundays and public holidays only."""
    return calendar_for().law


def promises_at(moment: datetime) -> dict[str, ServiceStandardVersion]:
    """Channel → the version of the channel's deadline promise in force at `moment`."""

    def build():
        versions = (
            ServiceStandardVersion.objects.select_related("standard")
            .filter(standard__is_active=True)
            .order_by("standard_id", "-valid_from", "-version")
        )
        return list(versions)

    result: dict[str, ServiceStandardVersion] = {}
    for version in _cached("versions", build):
        standard = version.standard
        if (
            standard.channel
            and version.unit == ServiceStandardVersion.Unit.DAYS
            and version.valid_from <= moment
        ):
            result.setdefault(standard.channel, version)
    return result


def compensation_amount(moment: datetime) -> int:
    standard = ServiceStandard.objects.filter(code=COMPENSATION_CODE).first()
    version = standard.version_at(moment) if standard else None
    return int(version.target) if version else 10_000


def standards_in_force(moment: datetime) -> list[tuple[ServiceStandard, ServiceStandardVersion]]:
    """Every active promise with the version in force at `moment`, in the charter's order (public page)."""
    rows = []
    standards = ServiceStandard.objects.active().prefetch_related("versions").order_by("sort_order", "id")
    for standard in standards:
        current = max(
            (v for v in standard.versions.all() if v.valid_from <= moment),
            key=lambda v: (v.valid_from, v.version),
            default=None,
        )
        if current is not None:
            rows.append((standard, current))
    return rows
