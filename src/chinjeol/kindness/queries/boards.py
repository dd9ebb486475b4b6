"""The organisation view and the department board, from live results or from a published snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from chinjeol.organization.models import Department, Staff

from .. import rules
from ..models import DepartmentDeduction, PeriodSnapshot, SnapshotDepartment, SnapshotStaff
from .scores import PeriodResults, period_results

TOP = 10


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    score: Decimal | None
    signal: str | None
    rank: int | None
    members: int
    deduction: Decimal
    note: str
    kind: str = "division"

    @property
    def group(self) -> str:
        """The level the department is ranked at (과·사업소, 팀, 실·국)."""
        return rules.RANK_GROUP_LABELS[rules.rank_group(self.kind)]


@dataclass(frozen=True)
class MemberRow:
    staff: Staff
    score: Decimal
    signal: str
    rank: int | None  # in the organisation
    department_rank: int | None


@dataclass
class Board:
    period: rules.Period
    snapshot: PeriodSnapshot | None  # set when the rows come from a published snapshot
    published: PeriodSnapshot | None  # the latest publication of the period, shown or not
    departments: list[DepartmentRow]
    distribution: list[tuple[str, int]]
    mean: Decimal | None
    staff_count: int
    top: list[MemberRow]
    bottom: list[MemberRow]


def _rows_from_results(results: PeriodResults) -> list[DepartmentRow]:
    return [
        DepartmentRow(
            d.id,
            d.name,
            d.score,
            d.signal.value if d.signal else None,
            d.rank,
            d.members,
            d.deduction,
            d.note,
            d.kind,
        )
        for d in results.departments
    ]


def _members(pairs: list[tuple[int, Decimal, str, int | None, int | None]]) -> list[MemberRow]:
    people = Staff.objects.select_related("department").in_bulk([p[0] for p in pairs])
    return [MemberRow(people[sid], score, signal, rank, drank) for sid, score, signal, rank, drank in pairs]


def organisation_board(
    period: rules.Period, *, live: bool = False, individuals: bool = True, now: datetime | None = None
) -> Board:
    """Colour distribution, department ranking and the best and weakest staff of a period. Published
    results are shown as they were frozen unless `live` asks for the ledger as it is now."""
    published = PeriodSnapshot.objects.latest_for(str(period))
    if published is not None and not live:
        departments = [
            DepartmentRow(
                r.department_id,
                r.department.name,
                r.score,
                r.signal or None,
                r.rank,
                r.members,
                r.deduction,
                r.note,
                r.department.kind,
            )
            for r in SnapshotDepartment.objects.filter(snapshot=published).select_related("department")
        ]
        departments.sort(
            key=lambda d: (
                rules.RANK_GROUP_ORDER.index(rules.rank_group(d.kind)),
                d.rank is None,
                d.rank or 0,
                d.name,
            )
        )
        counts = dict(
            (signal, n) for signal, n in _signal_counts(SnapshotStaff.objects.filter(snapshot=published))
        )
        top = bottom = []
        if individuals:
            rows = SnapshotStaff.objects.filter(snapshot=published).select_related(
                "staff", "staff__department"
            )
            top = [
                MemberRow(r.staff, r.score, r.signal, r.rank, r.department_rank)
                for r in rows.order_by("rank", "staff__name")[:TOP]
            ]
            shown = {m.staff.pk for m in top}
            bottom = [
                MemberRow(r.staff, r.score, r.signal, r.rank, r.department_rank)
                for r in rows.order_by("score", "staff__name")[:TOP]
                if r.staff_id not in shown
            ]
        return Board(
            period,
            published,
            published,
            departments,
            [(s.value, counts.get(s.value, 0)) for s in rules.SIGNALS_BEST_FIRST],
            published.mean_score,
            published.staff_count,
            top,
            bottom,
        )
    results = period_results(period, now=now)
    top = bottom = []
    if individuals and results.ranked_staff:
        best = results.ranked_staff[:TOP]
        worst = [s for s in reversed(results.ranked_staff[-TOP:]) if s not in best]
        pairs = [
            (
                sid,
                results.staff[sid].score.score,
                results.staff[sid].signal.value,
                results.staff[sid].rank,
                None,
            )
            for sid in best + worst
        ]
        rows = _members(pairs)
        top, bottom = rows[: len(best)], rows[len(best) :]
    return Board(
        period,
        None,
        published,
        _rows_from_results(results),
        [(s.value, results.distribution[s]) for s in rules.SIGNALS_BEST_FIRST],
        results.mean,
        len(results.staff),
        top,
        bottom,
    )


def _signal_counts(qs):
    from django.db.models import Count

    return qs.values_list("signal").annotate(Count("id")).order_by()


@dataclass
class DepartmentBoard:
    department: Department
    period: rules.Period
    snapshot: PeriodSnapshot | None
    published: PeriodSnapshot | None
    summary: DepartmentRow | None
    members: list[MemberRow]
    item_averages: list[tuple[str, Decimal | None]]
    deductions: list[DepartmentDeduction]
    children: list[DepartmentRow]
    departments_ranked: int


def department_board(
    department: Department, period: rules.Period, *, live: bool = False, now: datetime | None = None
) -> DepartmentBoard:
    now = now or timezone.now()
    published = PeriodSnapshot.objects.latest_for(str(period))
    child_ids = set(Department.objects.filter(parent=department, is_active=True).values_list("id", flat=True))
    if published is not None and not live:
        rows = list(
            SnapshotDepartment.objects.filter(
                snapshot=published, department_id__in=child_ids | {department.pk}
            ).select_related("department")
        )
        as_row = {
            r.department_id: DepartmentRow(
                r.department_id,
                r.department.name,
                r.score,
                r.signal or None,
                r.rank,
                r.members,
                r.deduction,
                r.note,
            )
            for r in rows
        }
        members = [
            MemberRow(r.staff, r.score, r.signal, r.rank, r.department_rank)
            for r in SnapshotStaff.objects.filter(snapshot=published, department=department)
            .select_related("staff", "staff__department")
            .order_by("department_rank", "staff__name")
        ]
        averages = _published_averages(published, department)
        same_level = [k for k, g in rules.RANK_GROUPS.items() if g == rules.rank_group(department.kind)]
        ranked = SnapshotDepartment.objects.filter(
            snapshot=published, rank__isnull=False, department__kind__in=same_level
        ).count()
        summary = as_row.get(department.pk)
        children = sorted((as_row[c] for c in child_ids if c in as_row), key=lambda r: r.name)
        snapshot = published
    else:
        results = period_results(period, now=now)
        by_id = {r.id: r for r in _rows_from_results(results)}
        member_results = results.members_of(department.pk)
        ranks = dict(rules.rank([(m.staff_id, m.score.score) for m in member_results]))
        people = Staff.objects.select_related("department").in_bulk([m.staff_id for m in member_results])
        members = [
            MemberRow(people[m.staff_id], m.score.score, m.signal.value, m.rank, ranks[m.staff_id])
            for m in member_results
        ]
        members.sort(key=lambda m: (m.department_rank or 0, m.staff.name))
        averages = [
            (
                item.name,
                (
                    sum(
                        (m.score.contributions.get(item.code, Decimal(0)) for m in member_results), Decimal(0)
                    )
                    / len(member_results)
                ).quantize(rules.TWO)
                if member_results
                else None,
            )
            for item in results.config.score_rules.items
        ]
        ranked = sum(
            1
            for d in results.departments
            if d.rank is not None and rules.rank_group(d.kind) == rules.rank_group(department.kind)
        )
        summary = by_id.get(department.pk)
        children = sorted((by_id[c] for c in child_ids if c in by_id), key=lambda r: r.name)
        snapshot = None
    deductions = list(
        DepartmentDeduction.objects.in_period(period)
        .filter(department=department)
        .select_related("registered_by", "registered_by__staff")
    )
    return DepartmentBoard(
        department, period, snapshot, published, summary, members, averages, deductions, children, ranked
    )


def _published_averages(snapshot: PeriodSnapshot, department: Department) -> list[tuple[str, Decimal | None]]:
    rows = list(
        SnapshotStaff.objects.filter(snapshot=snapshot, department=department).values_list(
            "contributions", flat=True
        )
    )
    out = []
    for item in snapshot.rules.get("items", []):
        values = [Decimal(r.get(item["code"], "0")) for r in rows]
        out.append(
            (item["name"], (sum(values, Decimal(0)) / len(values)).quantize(rules.TWO) if values else None)
        )
    return out


__all__ = [
    "Board",
    "DepartmentBoard",
    "DepartmentRow",
    "MemberRow",
    "department_board",
    "organisation_board",
]
