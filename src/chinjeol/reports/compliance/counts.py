"""Yearly-count standards of the charter: promises kept by doing something a number of times a year
("간담회를 매년 3회 이상", "고객만족도 조사를 매년 1회 이상"). They are not a rate over judged events, so they
are shown beside the rates, never summed into them.

The apps that log such events register a count provider for the standard's code
(`charter.compliance.providers.register_count_provider`); a standard with the per-year unit and no provider
is shown as not measured."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from chinjeol.charter.compliance.providers import COUNT_PROVIDERS
from chinjeol.charter.compliance.rules import CountJudgement, count_window, judge_count
from chinjeol.core.periods import Period

_ONE_DAY = timedelta(days=1)


@dataclass
class CountLine:
    code: str
    label: str
    target_label: str
    start: date
    end: date  # exclusive
    judgement: CountJudgement | None  # None: nothing registered measures it yet

    @property
    def through(self) -> date:
        """The last day counted."""
        return self.end - timedelta(days=1)

    @property
    def status(self) -> str:
        if self.judgement is None:
            return "unmeasured"
        return {True: "met", False: "missed", None: "running"}[self.judgement.met]

    @property
    def status_label(self) -> str:
        return {
            "unmeasured": "측정 안 함",
            "met": "이행",
            "missed": "미이행",
            "running": f"진행 중 ({self.judgement.remaining}회 남음)" if self.judgement else "",
        }[self.status]

    def as_dict(self) -> dict:
        j = self.judgement
        return {
            "code": self.code,
            "label": self.label,
            "target": self.target_label,
            "start": self.start.isoformat(),
            "through": self.through.isoformat(),
            "span": f"{_ko(self.start)} ~ {_ko(self.through)}",
            "count": j.count if j else None,
            "goal": j.target if j else None,
            "final": j.final if j else False,
            "status": self.status,
            "status_label": self.status_label,
        }


def count_lines(period: Period, now: datetime, *, departments: set[int] | None = None) -> list[CountLine]:
    """Every active per-year standard, counted from 1 January of the period's year to the period's end,
    with the version in force at the end of that window."""
    from chinjeol.charter.models import ServiceStandardVersion

    today = timezone.localtime(now).date()
    start, end, final = count_window(period.start, period.end, today)
    end_moment = timezone.make_aware(datetime.combine(min(end, today), datetime.min.time()))
    lines = []
    versions = (
        ServiceStandardVersion.objects.filter(
            standard__is_active=True, standard__versions__unit=ServiceStandardVersion.Unit.PER_YEAR
        )
        .select_related("standard")
        .distinct()
        .order_by("standard__sort_order", "standard__code", "-valid_from", "-version")
    )
    in_force: dict[str, ServiceStandardVersion] = {}
    for version in versions:  # one query: each standard's version in force at the window's end
        chosen = in_force.get(version.standard.code)
        if chosen is None or chosen.valid_from > end_moment:
            in_force[version.standard.code] = version
    for version in in_force.values():
        if version.unit != ServiceStandardVersion.Unit.PER_YEAR:
            continue
        standard = version.standard
        provider = COUNT_PROVIDERS.get(standard.code)
        judgement = None
        if provider is not None:
            count = provider(start, min(end, today + _ONE_DAY), departments)
            judgement = judge_count(int(count), int(version.target), final=final)
        lines.append(CountLine(standard.code, standard.name, version.target_label, start, end, judgement))
    return lines


def _ko(day: date) -> str:
    return f"{day.year}. {day.month}. {day.day}."
