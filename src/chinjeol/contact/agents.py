"""Per-person figures from queue_log that the call records do not carry (read-only): rings an agent did
not answer (RINGNOANSWER), time paused per day (PAUSE/UNPAUSE) and calls transferred to them (TRANSFER:
the call is credited to whoever finally handled it and marked transferred)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count

from . import rules
from .conf import contact_settings
from .models import QueueEvent
from .queries import Scope, calls_for, day_bounds

PAUSE_EVENTS = ("PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL")


@dataclass
class AgentFigures:
    transferred: int = 0
    rings_not_answered: int = 0
    pause_by_day: dict[date, int] = field(default_factory=dict)

    @property
    def pause_s(self) -> int:
        return sum(self.pause_by_day.values())

    @property
    def pause_minutes(self) -> int:
        return self.pause_s // 60

    @property
    def pause_days(self) -> int:
        return len(self.pause_by_day)


def _extension_staff() -> dict[str, int]:
    from chinjeol.organization.models import Staff

    return {
        ext.strip(): pk
        for pk, ext in Staff.objects.filter(is_active=True)
        .exclude(extension="")
        .values_list("pk", "extension")
    }


def _allowed(scope: Scope) -> set[int] | None:
    """The staff ids a scope may read (None: everyone)."""
    from chinjeol.organization.models import Staff

    if scope.all:
        return None
    allowed = set(Staff.objects.filter(department_id__in=scope.departments).values_list("pk", flat=True))
    if scope.staff_id is not None:
        allowed.add(scope.staff_id)
    return allowed


def agent_figures(scope: Scope, *, date_from: date, date_to: date, now: datetime) -> dict[int, AgentFigures]:
    """staff id → transferred calls, rings not answered and pause seconds per day for date_from..date_to."""
    tz = contact_settings().tz
    start, end = day_bounds(date_from, date_to)
    staff_of = _extension_staff()
    allowed = _allowed(scope)
    out: dict[int, AgentFigures] = defaultdict(AgentFigures)

    def person(agent: str) -> int | None:
        staff_id = staff_of.get(rules.extension_of_channel(agent))
        return staff_id if staff_id is not None and (allowed is None or staff_id in allowed) else None

    transferred = (
        calls_for(scope)
        .filter(local_date__gte=date_from, local_date__lte=date_to, transferred=True, staff__isnull=False)
        .values("staff_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in transferred:
        out[row["staff_id"]].transferred = row["n"]
    rings = (
        QueueEvent.objects.filter(event="RINGNOANSWER", at__gte=start, at__lt=end)
        .values("agent")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rings:
        staff_id = person(row["agent"])
        if staff_id is not None:
            out[staff_id].rings_not_answered += row["n"]
    # pauses: the state at the start comes from the last event before it (looked for up to a week back)
    pauses: dict[int, list[tuple[datetime, bool]]] = defaultdict(list)
    for at, agent, event in (
        QueueEvent.objects.filter(event__in=PAUSE_EVENTS, at__gte=start - timedelta(days=7), at__lt=end)
        .order_by("at", "id")
        .values_list("at", "agent", "event")
    ):
        staff_id = person(agent)
        if staff_id is not None:
            pauses[staff_id].append((at, event.startswith("PAUSE")))
    days = [date_from + timedelta(days=i) for i in range((date_to - date_from).days + 1)]
    for staff_id, events in pauses.items():
        by_day = rules.pause_by_day(events, days, tz, until=now)
        if by_day:
            out[staff_id].pause_by_day = by_day
    return dict(out)


def agent_rows(
    scope: Scope, *, date_from: date, date_to: date, now: datetime
) -> list[tuple[str, AgentFigures]]:
    """(name, figures) of every person with any of these figures, by name."""
    from chinjeol.organization.models import Staff

    figures = agent_figures(scope, date_from=date_from, date_to=date_to, now=now)
    names = dict(Staff.objects.filter(pk__in=list(figures)).values_list("pk", "name"))
    return sorted(((names.get(pk, "—"), f) for pk, f in figures.items()), key=lambda row: row[0])
