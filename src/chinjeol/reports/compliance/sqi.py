"""The compliance part of the service-quality index (quality app): per department and contact point, the
share of judged charter promises that were kept in the period, as 0–100. Registered by `ReportsConfig.ready()`
through the quality app's registry, so quality never imports the reports."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from chinjeol.core.periods import Period

from . import queries


def compliance_component(period: Period, now: datetime) -> dict:
    from chinjeol.quality import rules

    info = queries.versions()
    out: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for (dept, version), tally in queries.period_tallies(period, now).items():
        if dept is None or version not in info:
            continue
        point = rules.STANDARD_CONTACT_POINTS.get(info[version].code)
        if point is None:
            continue
        out[(dept, point)][0] += tally.judged
        out[(dept, point)][1] += tally.met
    return {k: Decimal(met * 100) / judged for k, (judged, met) in out.items() if judged}


def register() -> None:
    from chinjeol.quality.queries import register_sqi_component

    register_sqi_component("compliance", compliance_component)
