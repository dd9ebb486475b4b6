"""The compliance page and its case list as Excel/CSV: the same figures, a Korean header row, rates as
numbers (percent with one decimal), the previous period beside each line."""

from __future__ import annotations

from decimal import Decimal

from chinjeol.core.exports import Sheet

from .queries import Line, Summary

LINE_HEADERS = ["판정", "이행", "미이행", "이행률(%)", "직전 기간 이행률(%)", "증감(%p)"]


def _number(value: Decimal | None):
    return float(value) if value is not None else ""


def _figures(line: Line) -> list:
    previous = line.previous.rate if line.previous else None
    change = line.tally.rate - previous if line.tally.rate is not None and previous is not None else None
    return [line.tally.judged, line.tally.met, line.tally.missed, _number(line.tally.rate), _number(previous),
            _number(change)]  # fmt: skip


def department_rows(summary: Summary) -> list[list]:
    return [[line.rank or "", line.label, *_figures(line)] for line in summary.departments]


def standard_sheet(summary: Summary) -> Sheet:
    return Sheet(
        "이행표준별",
        ["이행표준", *LINE_HEADERS],
        [[line.label, *_figures(line)] for line in summary.standards],
    )


DEPARTMENT_HEADERS = ["순위", "부서", *LINE_HEADERS]

CASE_HEADERS = ["접수번호", "제목", "부서", "담당자", "판정 기준", "기한", "답변 시각", "판정"]


def case_rows(cases) -> list[list]:
    out = []
    for case in cases:
        basis = (
            f"{case.promise_version.standard.name} {case.promise_version.version}판"
            if case.promise_due_at and case.promise_version
            else f"법정 처리기한 ({case.get_kind_display()})"
        )
        out.append(
            [
                case.receipt_no,
                case.title,
                case.department.name if case.department else "미배정",
                case.assignee.name if case.assignee else "",
                basis,
                case.c_deadline,
                case.closed_at,
                "이행" if case.c_met else "미이행",
            ]  # fmt: skip
        )
    return out
