"""Monthly 전화응대 점검 mileage from the phone figures (a documented, configurable rule).

Each person's month becomes at most one ledger entry of the `phone` item with `count` = the events
earned (`rules.phone_mileage_events`), `source_type` "phone_month" and `source_id` "YYYY-MM:<staff id>":
the calls behind it are that person's calls of that month (`/api/v1/calls?staff=…&date_from=…`).
Idempotent: the ledger keeps one entry per source, so running the job again changes nothing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings

from . import queries, rules
from .conf import contact_settings

SOURCE_TYPE = "phone_month"
SOURCE_LABEL = "전화응대 월간 집계"
ITEM = "phone"


def mileage_rule() -> rules.MileageRule:
    raw = (getattr(settings, "CHINJEOL_CONTACT", {}) or {}).get("MILEAGE", {})
    base = rules.MileageRule()
    return rules.MileageRule(
        min_answered=int(raw.get("MIN_ANSWERED", base.min_answered)),
        within_rate=Decimal(str(raw.get("WITHIN_RATE", base.within_rate))),
        over_3_min_share_max=Decimal(str(raw.get("OVER_3_MIN_SHARE_MAX", base.over_3_min_share_max))),
        hung_up_first_share_min=Decimal(
            str(raw.get("HUNG_UP_FIRST_SHARE_MIN", base.hung_up_first_share_min))
        ),
    )


def previous_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def phone_mileage_month(first: date, *, now: datetime) -> int:
    """Record the month starting `first` for everyone with calls; returns the entries written or found."""
    from chinjeol.kindness.services.ledger import mileage_record
    from chinjeol.organization.models import Staff

    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    rows = queries.metrics(queries.Scope(all=True), date_from=first, date_to=last, group_by="staff")
    rule = mileage_rule()
    occurred = datetime.combine(last, time(23, 59), contact_settings().tz)
    staff = Staff.objects.in_bulk([r.key for r in rows if r.key is not None])
    written = 0
    for r in rows:
        person = staff.get(r.key)
        if person is None:
            continue
        reasons = rules.phone_mileage_events(
            rules.MonthFigures(
                r.answered,
                r.judged,
                r.answered_within_standard,
                r.over_3_min,
                r.customer_hung_up_first,
                r.callbacks_due,
                r.callbacks_met,
            ),  # fmt: skip
            rule,
        )
        if not reasons:
            continue
        mileage_record(
            staff=person,
            item_code=ITEM,
            occurred_at=occurred,
            source_type=SOURCE_TYPE,
            source_id=f"{first:%Y-%m}:{person.pk}",
            count=len(reasons),
            note=f"{first.year}년 {first.month}월: " + ", ".join(reasons),
            source_label=SOURCE_LABEL,
        )
        written += 1
    return written


def _month_links(entries: list, user) -> dict[int, str]:
    """Each monthly phone entry opens the 333 page of its month (source id "YYYY-MM:<staff id>")."""
    from django.urls import reverse

    url = reverse("contact:dashboard_333")
    return {e.pk: f"{url}?month={e.source_id.split(':', 1)[0]}" for e in entries if ":" in e.source_id}


def register_source() -> None:
    """The monthly phone figures as a source of the kindness ledger."""
    from chinjeol.kindness.sources import MileageSource, register

    register(MileageSource(SOURCE_TYPE, SOURCE_LABEL, _month_links))
