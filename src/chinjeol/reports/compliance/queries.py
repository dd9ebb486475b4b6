"""Charter compliance read from the cases with aggregate queries (GROUP BY department and standard
version), never a loop over cases. The SQL follows `rules.judge`; a test pins that.

Finished days come from stored tallies (`tallies.py`); today is aggregated live over the `case_judged_at`
index."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, QuerySet

from chinjeol.charter.compliance.expressions import deadline_expression, judged_at_expression
from chinjeol.charter.compliance.providers import (
    DRILL_DOWNS,
    PROVIDED_STANDARDS,
    PROVIDERS,
    DrillDown,
    bounds,
)
from chinjeol.charter.compliance.rules import (
    BASIS_LABELS,
    EXCLUDED_STATUSES,
    Basis,
    Tally,
    change,
    rank_order,
    ranks,
)
from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role

LEGAL = "LEGAL"  # the pseudo-standard of cases without a charter promise for their channel
ALL_READERS = (Role.CS_OFFICER, Role.AUDITOR)
SCOPED_READERS = frozenset({Role.DEPT_HEAD, Role.CS_LEADER})
READERS = (*ALL_READERS, *sorted(SCOPED_READERS))
NO_DEPARTMENT = 0  # the key of cases without a department in figures and filters

Key = tuple[int | None, int | None]  # (department id, promise version id)


def scope_of(user) -> set[int] | None:
    """Departments whose compliance the user may read: None = all (CS officer, auditor)."""
    if has_role(user, *ALL_READERS):
        return None
    return scoped_department_ids(user, roles=SCOPED_READERS) or set()


def annotated(cases: QuerySet, now: datetime) -> QuerySet:
    """Cases with `c_deadline` (the deadline judged against), `c_judged_at` and `c_met`."""
    on_time = met_q(now)
    return (
        cases.exclude(status__in=sorted(EXCLUDED_STATUSES))
        .annotate(c_deadline=deadline_expression(), c_judged_at=judged_at_expression())
        .annotate(c_met=ExpressionWrapper(on_time, output_field=BooleanField()))
        .filter(on_time | Q(c_deadline__lt=now))
    )


def met_q(now: datetime) -> Q:
    """Met as it stands at `now` (on an `annotated` queryset)."""
    return Q(closed_at__lte=F("c_deadline")) & Q(closed_at__lte=now)


def judged_between(
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    departments: set[int] | None = None,
    standard: str | None = None,
) -> QuerySet:
    """Cases whose judgement became final in [start, end), as they stand at `now`."""
    from chinjeol.cases.models import Case

    # A judgement is final only once its moment has come (a closing, or a passed deadline), so nothing after
    # `now` can count: the range stops there and the index is not read through open cases' future deadlines.
    end = min(end, now + timedelta(microseconds=1))
    qs = annotated(Case.objects.all(), now).filter(c_judged_at__gte=start, c_judged_at__lt=end)
    if departments is not None:
        qs = qs.filter(department_id__in=departments)
    if standard == LEGAL:
        qs = qs.filter(promise_due_at__isnull=True)
    elif standard:
        qs = qs.filter(promise_due_at__isnull=False, promise_version__standard__code=standard)
    return qs


def judged_in(period: Period, now: datetime, **filters) -> QuerySet:
    return judged_between(*bounds(period), now, **filters)


def live_tallies(
    start: datetime, end: datetime, now: datetime, *, departments: set[int] | None = None
) -> dict[Key, Tally]:
    """(department, version) → Tally for [start, end), in one GROUP BY query over the cases."""
    rows = (
        judged_between(start, end, now, departments=departments)
        .values_list("department_id", "promise_version_id")
        .annotate(n=Count("id"), met=Count("id", filter=met_q(now)))
        .order_by()
    )
    return {(d, v): Tally(n, met) for d, v, n, met in rows}


def period_tallies(period: Period, now: datetime, *, departments: set[int] | None = None) -> dict[Key, Tally]:
    from . import tallies

    result = tallies.period_tallies(period, now, departments=departments)
    for provider in PROVIDERS:
        for key, tally in provider(period, now, departments=departments).items():
            _add(result, key, tally)
    return result


def provided_drill_down(code: str | None, period: Period, now: datetime, **filters) -> DrillDown | None:
    """The provider's list behind a figure of standard `code`, or None when the standard is judged on cases."""
    fn = DRILL_DOWNS.get(code) if code else None
    return fn(code, period, now, **filters) if fn is not None else None


def judgements_url(code: str | None) -> str | None:
    """The page listing a provider standard's judgements, if it registered one."""
    from django.urls import NoReverseMatch, reverse

    name = PROVIDED_STANDARDS.get(code or "")
    if not name:
        return None
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


# --- the figures of the page, the API and the report -------------------------------------------
@dataclass
class Line:
    key: str | int
    label: str
    tally: Tally
    previous: Tally | None = None
    rank: int | None = None
    versions: list[tuple[str, Tally]] = field(default_factory=list)
    link: str | None = None  # a provider standard's own list of judgements (None: the cases' drill-down)

    @property
    def change(self):
        return change(self.tally.rate, self.previous.rate if self.previous else None)


@dataclass
class Summary:
    period: Period
    now: datetime
    standards: list[Line]
    departments: list[Line]
    total: Line
    standard: str | None = None
    counts: list = field(default_factory=list)  # yearly-count standards (`counts.CountLine`)

    @property
    def standard_label(self) -> str:
        return next((s.label for s in self.standards if s.key == self.standard), "")


@dataclass(frozen=True)
class VersionInfo:
    code: str
    name: str
    number: int
    target: str
    order: int


def versions() -> dict[int, VersionInfo]:
    from chinjeol.charter.models import ServiceStandardVersion

    return {
        v.pk: VersionInfo(v.standard.code, v.standard.name, v.version, v.target_label, v.standard.sort_order)
        for v in ServiceStandardVersion.objects.select_related("standard")
    }


def standard_choices() -> list[tuple[str, str]]:
    """Standards that can be judged (channel promises counted in days, and the standards providers judge,
    e.g. the phone standards from calls) and the legal basis."""
    from chinjeol.charter.models import ServiceStandard

    standards = ServiceStandard.objects.filter(~Q(channel="") | Q(code__in=list(PROVIDED_STANDARDS)))
    rows = sorted(
        standards.values_list("channel", "sort_order", "code", "name"), key=lambda r: (not r[0], r[1], r[2])
    )
    return [(code, name) for _channel, _order, code, name in rows] + [(LEGAL, BASIS_LABELS[Basis.LEGAL])]


def _add(target: dict, key, tally: Tally) -> None:
    target[key] = target.get(key, Tally()) + tally


def summary(
    period: Period, now: datetime, *, departments: set[int] | None = None, standard: str | None = None
) -> Summary:
    """Per standard (with the versions judged by), per department (ranked) and in total, each with the
    previous period of the same kind. `standard` narrows the department ranking and the total."""
    from chinjeol.organization.models import Department

    current = period_tallies(period, now, departments=departments)
    previous = period_tallies(period.previous(), now, departments=departments)
    info = versions()

    def code_of(version_id: int | None) -> str:
        return info[version_id].code if version_id in info else LEGAL

    std_now: dict[str, Tally] = {}
    std_before: dict[str, Tally] = {}
    std_versions: dict[str, dict[int | None, Tally]] = {}
    for (_d, v), t in current.items():
        _add(std_now, code_of(v), t)
        _add(std_versions.setdefault(code_of(v), {}), v, t)
    for (_d, v), t in previous.items():
        _add(std_before, code_of(v), t)
    names = {i.code: (i.order, i.name) for i in info.values()}
    standards = []
    for code in sorted(set(std_now) | set(std_before), key=lambda c: (c == LEGAL, names.get(c, (0, c)))):
        label = BASIS_LABELS[Basis.LEGAL] if code == LEGAL else names.get(code, (0, code))[1]
        lines = [
            (f"{info[v].number}판 {info[v].target}" if v in info else "법정 처리기한", t)
            for v, t in sorted(
                std_versions.get(code, {}).items(), key=lambda kv: info[kv[0]].number if kv[0] in info else 0
            )
        ]
        before = std_before.get(code)
        standards.append(
            Line(code, label, std_now.get(code, Tally()), before, versions=lines, link=judgements_url(code))
        )

    def keep(key: Key) -> bool:
        return not standard or code_of(key[1]) == standard

    dept_now: dict[int, Tally] = {}
    dept_before: dict[int, Tally] = {}
    for (d, v), t in current.items():
        if keep((d, v)):
            _add(dept_now, d or NO_DEPARTMENT, t)
    for (d, v), t in previous.items():
        if keep((d, v)):
            _add(dept_before, d or NO_DEPARTMENT, t)
    dept_names = dict(Department.objects.filter(pk__in=list(dept_now)).values_list("pk", "name"))
    lines = [
        Line(d, dept_names.get(d, "부서 미배정"), t, dept_before.get(d))
        for d, t in dept_now.items()
        if t.judged
    ]
    lines = rank_order(lines, tally=lambda line: line.tally, label=lambda line: line.label)
    for line, rank in zip(lines, ranks([line.tally.rate for line in lines]), strict=True):
        line.rank = rank
    total = Line(
        "total",
        "전체",
        sum(dept_now.values(), Tally()),
        sum(dept_before.values(), Tally()) if dept_before else None,
    )
    from .counts import count_lines

    counts = count_lines(period, now, departments=departments)
    return Summary(period, now, standards, lines, total, standard, counts)


def drill_down(
    period: Period,
    now: datetime,
    *,
    departments: set[int] | None = None,
    department: int | None = None,
    standard: str | None = None,
    result: str | None = None,
) -> QuerySet:
    """The cases behind a figure, latest judgement first (`department=0`: cases without one)."""
    qs = judged_in(period, now, departments=departments, standard=standard)
    if department == NO_DEPARTMENT:
        qs = qs.filter(department__isnull=True)
    elif department is not None:
        qs = qs.filter(department_id=department)
    if result == "met":
        qs = qs.filter(met_q(now))
    elif result == "missed":
        qs = qs.exclude(met_q(now))
    return qs.select_related("department", "assignee", "promise_version__standard").order_by(
        "-c_judged_at", "-id"
    )


def scope_note(scope: set[int] | None) -> str:
    """The departments at the top of a scoped reader's subtree (민원여권과, not each of its teams)."""
    if scope is None:
        return ""
    from chinjeol.organization.models import Department

    top = Department.objects.filter(pk__in=scope).exclude(parent_id__in=scope).order_by("sort_order", "name")
    return ", ".join(top.values_list("name", flat=True)) or "없음"


def department_name(department: int | None) -> str:
    """The name shown above a drill-down (`NO_DEPARTMENT`: cases without a department)."""
    if department == NO_DEPARTMENT:
        return "부서 미배정"
    if not department:
        return ""
    from chinjeol.organization.models import Department

    return Department.objects.filter(pk=department).values_list("name", flat=True).first() or ""
