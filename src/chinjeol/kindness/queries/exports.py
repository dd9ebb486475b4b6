"""The kindness rankings as Excel/CSV: the department ranking as the page shows it, and (for the roles that
see individuals) every evaluated person of the period, live or as published. Scores with one decimal."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F

from chinjeol.core.exports import Sheet
from chinjeol.organization.models import Staff

from .. import rules
from ..models import PeriodSnapshot, SnapshotDepartment, SnapshotStaff
from .boards import Board
from .scores import period_results

ONE = Decimal("0.1")
SIGNALS = dict(SnapshotStaff._meta.get_field("signal").choices)

DEPARTMENT_HEADERS = ["단계", "순위", "부서", "점수", "신호등", "인원", "부서 감점", "비고"]
STAFF_HEADERS = ["기관 순위", "부서 안 순위", "이름", "사번", "직위", "부서", "점수", "신호등"]


def score(value: Decimal | None):
    """A score as a number with one decimal, as every kindness page shows it."""
    return float(Decimal(value).quantize(ONE, rounding=ROUND_HALF_UP)) if value is not None else ""


def department_rows(board: Board) -> list[list]:
    return [
        [
            r.group,
            r.rank or "",
            r.name,
            score(r.score),
            SIGNALS.get(r.signal or "", ""),
            r.members,
            score(r.deduction) if r.deduction else 0,
            r.note,
        ]  # fmt: skip
        for r in board.departments
    ]


def staff_sheet(period, snapshot: PeriodSnapshot | None) -> Sheet:
    """Everyone evaluated in `period`: as published in `snapshot` when given, else live from the ledger."""
    if snapshot is not None:
        rows = [
            [
                r.rank,
                r.department_rank,
                r.staff.name,
                r.staff.employee_no,
                r.staff.position,
                r.department.name,
                score(r.score),
                SIGNALS.get(r.signal, ""),
            ]  # fmt: skip
            for r in SnapshotStaff.objects.filter(snapshot=snapshot)
            .select_related("staff", "department")
            .order_by("rank", "staff__name")
        ]
        return Sheet("직원별", STAFF_HEADERS, rows)
    results = period_results(period)
    people = Staff.objects.select_related("department").in_bulk(results.ranked_staff)
    by_department: dict[int, list] = defaultdict(list)
    for sid in results.ranked_staff:
        by_department[results.staff[sid].department_id].append((sid, results.staff[sid].score.score))
    department_rank: dict[int, int] = {}
    for pairs in by_department.values():
        department_rank.update(dict(rules.rank(pairs)))
    rows = []
    for sid in results.ranked_staff:
        result, person = results.staff[sid], people[sid]
        rows.append(
            [
                result.rank or "",
                department_rank.get(sid, ""),
                person.name,
                person.employee_no,
                person.position,
                person.department.name,
                score(result.score.score),
                SIGNALS.get(result.signal.value, ""),
            ]  # fmt: skip
        )
    return Sheet("직원별", STAFF_HEADERS, rows)


def snapshot_department_rows(snapshot: PeriodSnapshot) -> list[list]:
    """The department ranking exactly as `snapshot` froze it (an older version included)."""
    return [
        [
            rules.RANK_GROUP_LABELS[rules.rank_group(r.department.kind)],
            r.rank or "",
            r.department.name,
            score(r.score),
            SIGNALS.get(r.signal or "", ""),
            r.members,
            score(r.deduction) if r.deduction else 0,
            r.note,
        ]  # fmt: skip
        for r in SnapshotDepartment.objects.filter(snapshot=snapshot)
        .select_related("department")
        .order_by(F("rank").asc(nulls_last=True), "department__name")
    ]
