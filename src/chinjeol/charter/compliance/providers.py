"""Where other apps plug their judgements into charter compliance. Only data structures and the register
functions live here, so contact, visits and surveys register from their `AppConfig.ready()` without importing
upwards; `chinjeol.reports.compliance` reads these registries when it computes the figures.

- Judgements that are not cases (e.g. calls answered within the phone standard) come from providers:
  `provider(period, now, departments=…) -> {(department id, standard version id): Tally}`.
- Yearly-count standards ("간담회를 매년 3회 이상") are counted by count providers:
  `provider(start: date, end: date, departments) -> int` counting the events on days in [start, end)
  (`departments`: None = the whole agency, else the ids the reader may see). A standard with the per-year
  unit and no provider is shown as not measured.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from django.utils import timezone

from chinjeol.core.periods import Period

# Judgement providers, in registration order.
PROVIDERS: list = []
# Standards judged by a provider that the filter may choose, and the page listing their judgements (a URL
# name that takes ?period=&department=&result= like the cases' drill-down), or None.
PROVIDED_STANDARDS: dict[str, str | None] = {}
# What stands behind a provided standard's figures inside the compliance drill-down, by standard code:
# `drill_down(code, period, now, departments=…, department=…, result=…) -> DrillDown`.
DRILL_DOWNS: dict = {}

CountProvider = Callable[..., int]
COUNT_PROVIDERS: dict[str, CountProvider] = {}


@dataclass(frozen=True)
class DrillDown:
    """The items behind a provided standard's figure and the template that lists them (as `page`)."""

    template: str
    items: Any  # a QuerySet
    noun: str  # 통화, 콜백 …


def register_provider(
    provider, *, standards: tuple[str, ...] | dict[str, str | None] = (), drill_down=None
) -> None:
    """A source of judgements. `standards` are the codes it judges (offered in the standard filter even without
    a channel), or code → URL name of the page listing that standard's judgements; `drill_down` lists what
    stands behind their figures on the compliance drill-down page."""
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)
    pages = dict(standards) if isinstance(standards, dict) else dict.fromkeys(standards)
    PROVIDED_STANDARDS.update(pages)
    if drill_down is not None:
        for code in pages:
            DRILL_DOWNS[code] = drill_down


def register_count_provider(standard_code: str, provider: CountProvider) -> None:
    """Count `standard_code`'s events with `provider(start, end, departments) -> int` (the last one wins)."""
    COUNT_PROVIDERS[standard_code] = provider


def bounds(period: Period) -> tuple[datetime, datetime]:
    """The period as [start, end) moments in the agency's time zone (what providers judge within)."""
    tz = timezone.get_current_timezone()
    return datetime.combine(period.start, time.min, tz), datetime.combine(period.end, time.min, tz)
