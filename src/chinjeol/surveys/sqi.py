"""The satisfaction part of the service-quality index (quality app): the mean overall happy-call score of the
period's answers per department and contact point, as 0–100."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, time
from decimal import Decimal

from django.db.models import Avg, Count

from chinjeol.charter.calendar import SEOUL
from chinjeol.core.periods import Period

from . import rules
from .models import HappyCall


def happy_call_component(period: Period, now: datetime) -> dict[tuple[int, str], Decimal]:
    start = datetime.combine(period.start, time.min, tzinfo=SEOUL)
    end = min(datetime.combine(period.end, time.min, tzinfo=SEOUL), now)
    rows = (
        HappyCall.objects.filter(
            status=HappyCall.Status.ANSWERED, answered_at__gte=start, answered_at__lt=end, score__isnull=False
        )
        .exclude(case__department__isnull=True)
        .values("case__department_id", "case__channel")
        .annotate(mean=Avg("score"), n=Count("id"))
        .order_by()
    )
    sums: dict[tuple[int, str], list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for row in rows:
        key = (row["case__department_id"], rules.contact_point_of(row["case__channel"]))
        sums[key][0] += Decimal(str(row["mean"])) * row["n"]
        sums[key][1] += row["n"]
    return {key: rules.satisfaction_index(total / n) for key, (total, n) in sums.items() if n}


def register() -> None:
    from chinjeol.quality.queries import register_sqi_component

    register_sqi_component("survey", happy_call_component)
