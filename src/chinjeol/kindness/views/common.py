from __future__ import annotations

from django.utils import timezone

from ..rules import HALF, MONTH, YEAR, Period


def area(request) -> None:
    request.area = "kindness"


def selected_period(request) -> Period:
    """The period in ?period=…, the current half-year when absent or malformed."""
    try:
        return Period.parse(request.GET.get("period", ""))
    except ValueError:
        return Period.containing(timezone.localdate(), HALF)


def period_menu(current: Period) -> dict:
    """Quick links and the grouped choices of the period selector."""
    today = timezone.localdate()
    month, half, year = (Period.containing(today, k) for k in (MONTH, HALF, YEAR))
    months = [month]
    while len(months) < 12:
        months.append(months[-1].previous())
    halves = [half, half.previous(), half.previous().previous(), half.previous().previous().previous()]
    years = [year, year.previous()]
    groups = [("월", months), ("반기", halves), ("연", years)]
    if not any(current in periods for _label, periods in groups):
        groups.insert(0, ("선택한 기간", [current]))
    quick = [("이번 달", month), ("이번 반기", half), ("지난 반기", half.previous()), ("올해", year)]
    return {"period_groups": groups, "period_quick": quick, "period": current}
