"""Charter compliance [C10]: how well each promise was kept, per standard, department and period.

A case is judged once its deadline has passed or it is done; it met the promise when it was done at or
before the deadline. The deadline judged is the charter's promise for the case's channel (the version
stored on the case at intake), or the legal deadline (with lawful extensions) where the charter promises
nothing for that channel. Transferred and withdrawn cases are not judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import Case as When_
from django.db.models import Count, DateTimeField, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from chinjeol.core.periods import Period

LEGAL_STANDARD = "LEGAL"
LEGAL_LABEL = "법정 처리기한 (헌장 약속이 없는 민원)"


def judged(
    *, status: str, deadline: datetime, closed_at: datetime | None, now: datetime
) -> tuple[bool, bool]:
    """(judged, met) for one case — the rule the aggregate queries below follow."""
    if status in ("transferred", "withdrawn"):
        return False, False
    if closed_at is not None:
        return True, closed_at <= deadline
    return now > deadline, False


@dataclass
class Row:
    key: object
    label: str
    judged: int
    met: int

    @property
    def missed(self) -> int:
        return self.judged - self.met

    @property
    def rate(self) -> float | None:
        return round(self.met / self.judged * 100, 1) if self.judged else None


def _bounds(period: Period):
    tz = timezone.get_current_timezone()
    return datetime.combine(period.start, time.min, tz), datetime.combine(period.end, time.min, tz)


def judged_cases(cases: QuerySet, period: Period, now: datetime) -> QuerySet:
    """Cases received in the period with their judged deadline as `deadline_ref`."""
    start, end = _bounds(period)
    return (
        cases.filter(received_at__gte=start, received_at__lt=end)
        .exclude(status__in=["transferred", "withdrawn"])
        .annotate(deadline_ref=Coalesce("promise_due_at", "due_at", output_field=DateTimeField()))
        .filter(Q(closed_at__isnull=False) | Q(deadline_ref__lt=now))
    )


def _counts():
    return {"n_judged": Count("id"), "n_met": Count("id", filter=Q(closed_at__lte=F("deadline_ref")))}


def by_standard(cases: QuerySet, period: Period, now: datetime) -> list[Row]:
    rows = (
        judged_cases(cases, period, now)
        .annotate(
            std=Coalesce("promise_version__standard__code", Value(LEGAL_STANDARD)),
            std_name=Coalesce("promise_version__standard__name", Value(LEGAL_LABEL)),
        )
        .values("std", "std_name")
        .annotate(**_counts())
        .order_by("std")
    )
    return [Row(r["std"], r["std_name"], r["n_judged"], r["n_met"]) for r in rows]


def by_department(cases: QuerySet, period: Period, now: datetime, standard: str | None = None) -> list[Row]:
    qs = judged_cases(cases, period, now)
    qs = _only_standard(qs, standard)
    rows = qs.values("department_id", "department__name").annotate(**_counts()).order_by("department__name")
    result = [
        Row(r["department_id"], r["department__name"] or "미배정", r["n_judged"], r["n_met"]) for r in rows
    ]
    result.sort(key=lambda r: (-(r.rate or 0), -r.judged, r.label))
    return result


def _only_standard(qs: QuerySet, standard: str | None) -> QuerySet:
    if not standard:
        return qs
    if standard == LEGAL_STANDARD:
        return qs.filter(promise_version__isnull=True)
    return qs.filter(promise_version__standard__code=standard)


def drill_down(
    cases: QuerySet, period: Period, now: datetime, *, department=None, standard=None, result=None
) -> QuerySet:
    qs = _only_standard(judged_cases(cases, period, now), standard)
    if department:
        qs = qs.filter(department_id=department)
    if result == "met":
        qs = qs.filter(closed_at__lte=F("deadline_ref"))
    elif result == "missed":
        qs = qs.filter(Q(closed_at__isnull=True) | Q(closed_at__gt=F("deadline_ref")))
    return qs.annotate(
        met=When_(When(closed_at__lte=F("deadline_ref"), then=Value(True)), default=Value(False))
    ).order_by("-received_at")
