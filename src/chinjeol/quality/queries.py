"""Reads shared by the quality pages, the API and the demo."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch, Q, QuerySet

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role
from chinjeol.organization.models import Staff

from . import rules
from .models import (
    Behaviour,
    CalibrationSession,
    Evaluation,
    ImprovementAction,
    MysteryAssignment,
    MysteryPlan,
    ReviewMeeting,
    Scorecard,
    ScorecardItem,
)

READ_ALL = (Role.CS_OFFICER, Role.AUDITOR)


def scorecards(*, active_only: bool = True) -> QuerySet[Scorecard]:
    qs = Scorecard.objects.prefetch_related(
        Prefetch("items", ScorecardItem.objects.select_related("behaviour"))
    )
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("code", "-version")


def current_scorecards() -> list[Scorecard]:
    seen: set[str] = set()
    out = []
    for sheet in scorecards():
        if sheet.code not in seen:
            seen.add(sheet.code)
            out.append(sheet)
    return out


def behaviours() -> QuerySet[Behaviour]:
    return Behaviour.objects.all()


def evaluations_for(user) -> QuerySet[Evaluation]:
    """The evaluations the user may see: all for the office; the departments in scope for heads and
    CS leaders; those they entered for an external evaluator; their own for everyone with a Staff record."""
    qs = Evaluation.objects.select_related("scorecard", "staff", "department", "evaluator")
    if has_role(user, *READ_ALL):
        return qs
    cond = Q(pk__in=[])
    scoped = scoped_department_ids(user) or set()
    if scoped:
        cond |= Q(department_id__in=scoped)
    if has_role(user, Role.EVALUATOR):
        cond |= Q(evaluator=user)
    if user.staff_id:
        cond |= Q(staff_id=user.staff_id)
    return qs.filter(cond)


def get_evaluation_for_user(user, pk: int) -> Evaluation:
    evaluation = (
        evaluations_for(user)
        .select_related("call", "calibration", "dispute")
        .prefetch_related("scores__item__behaviour")
        .filter(pk=pk)
        .first()
    )
    if evaluation is None:
        if Evaluation.objects.filter(pk=pk).exists():
            raise PermissionDenied("이 평가를 볼 권한이 없습니다.")
        raise NotFound("평가를 찾을 수 없습니다.")
    return evaluation


def filter_evaluations(qs, *, kind: str = "", scorecard: str = "", department: int | None = None,
                       date_from: date | None = None, date_to: date | None = None, q: str = "",
                       employee_no: str = "") -> QuerySet:  # fmt: skip
    if employee_no:
        qs = qs.filter(staff__employee_no=employee_no)
    if kind:
        qs = qs.filter(kind=kind)
    if scorecard:
        qs = qs.filter(scorecard__code=scorecard)
    if department:
        qs = qs.filter(department_id=department)
    if date_from:
        qs = qs.filter(evaluated_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(evaluated_at__date__lte=date_to)
    if q:
        qs = qs.filter(Q(staff__name__contains=q) | Q(staff__employee_no=q) | Q(number=q))
    return qs.exclude(calibration__isnull=False)


def evaluation_list(user, **filters) -> QuerySet[Evaluation]:
    """The evaluations `user` may read narrowed by `filter_evaluations`' filters, with their scores read."""
    return filter_evaluations(evaluations_for(user), **filters).prefetch_related("scores__item")


def staff_in(people: QuerySet[Staff], pk) -> Staff | None:
    try:
        return people.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


def call_for(pk):
    from chinjeol.contact.models import CallRecord

    try:
        return CallRecord.objects.select_related("staff").filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


# --- mystery shopping --------------------------------------------------------------------------------------
@dataclass
class PlanView:
    plan: MysteryPlan | None
    assignments: list = field(default_factory=list)
    done: int = 0
    plans: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    coverage: tuple[int, int] = (0, 0)  # people evaluated at least once, people in service


def mystery_overview(month: date | None, *, user) -> PlanView:
    plans = list(MysteryPlan.objects.annotate(n=Count("assignments")).order_by("-month")[:24])
    plan = next((p for p in plans if month and p.month == month), plans[0] if plans else None)
    view = PlanView(plan=plan, plans=plans)
    if plan is not None:
        qs = plan.assignments.select_related("staff", "department", "evaluation")
        if has_role(user, Role.EVALUATOR) and not has_role(user, *READ_ALL):
            qs = qs.filter(status=MysteryAssignment.Status.PLANNED) | qs.filter(evaluation__evaluator=user)
        view.assignments = list(qs)
        view.done = sum(1 for a in view.assignments if a.status == a.Status.DONE)
    if has_role(user, *READ_ALL):
        actions = ImprovementAction.objects.select_related("owner", "department", "item", "evaluation")
        view.actions = list(
            actions.filter(status=ImprovementAction.Status.OPEN).order_by("due_on", "pk")[:100]
        )
        view.actions += list(
            actions.exclude(status=ImprovementAction.Status.OPEN).order_by("-due_on", "-pk")[:10]
        )
        view.meetings = list(ReviewMeeting.objects.prefetch_related("actions")[:6])
    view.coverage = (
        MysteryAssignment.objects.values("staff").distinct().count(),
        Staff.objects.active().count(),
    )
    return view


def action(pk: int) -> ImprovementAction | None:
    return ImprovementAction.objects.filter(pk=pk).first()


def calibration_session(pk: int) -> CalibrationSession | None:
    return CalibrationSession.objects.select_related("scorecard", "call", "staff").filter(pk=pk).first()


def open_actions() -> QuerySet[ImprovementAction]:
    return ImprovementAction.objects.filter(status=ImprovementAction.Status.OPEN).select_related("owner")


# --- calibration ---------------------------------------------------------------------------------------------
def calibration_sessions() -> QuerySet[CalibrationSession]:
    return CalibrationSession.objects.select_related("scorecard", "staff").annotate(n=Count("evaluations"))


def calibration_report(session: CalibrationSession) -> rules.Calibration:
    evaluations = session.evaluations.select_related("evaluator").prefetch_related("scores__item")
    sheets: dict[str, dict[str, Decimal | None]] = {}
    totals: dict[str, Decimal] = {}
    for e in evaluations:
        name = e.evaluator_name or e.evaluator.display_name
        sheets[name] = {s.item.code: s.points for s in e.scores.all()}
        totals[name] = e.total
    return rules.calibration(sheets, totals)


def evaluator_drift() -> list[dict]:
    """Each evaluator's mean deviation per session, in date order, and the slope over them."""
    by_evaluator: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    for session in CalibrationSession.objects.order_by("held_on", "pk"):
        for dev in calibration_report(session).evaluators:
            by_evaluator[dev.evaluator].append((session.held_on, dev.deviation))
    return [
        {"evaluator": name, "points": points, "drift": rules.drift(points)}
        for name, points in sorted(by_evaluator.items())
    ]


# --- service-quality index ---------------------------------------------------------------------------------
# Other apps add SQI components: name → fn(period, now) -> {(department id, contact point): value 0–100}.
SQI_COMPONENTS: dict[str, object] = {}


def register_sqi_component(name: str, fn) -> None:
    """How the satisfaction surveys (and later apps) feed the index without an import up the layers."""
    SQI_COMPONENTS[name] = fn


def _evaluation_component(period: Period, now: datetime) -> dict:
    rows = (
        Evaluation.objects.filter(
            calibration__isnull=True,
            evaluated_at__date__gte=period.start,
            evaluated_at__date__lt=period.end,
        )
        .values("department_id", "kind")
        .annotate(avg=Avg("total"), n=Count("id"))
    )
    sums: dict[tuple, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for r in rows:
        key = (r["department_id"], rules.evaluation_contact_point(r["kind"]))
        sums[key][0] += Decimal(r["avg"]) * r["n"]
        sums[key][1] += r["n"]
    return {k: (s / n) for k, (s, n) in sums.items() if n}


register_sqi_component("evaluation", _evaluation_component)


@dataclass
class SqiRow:
    department_id: int
    department: str
    cells: dict  # contact point → {"value", "components", "trend"}
    overall: Decimal | None = None


def sqi_table(period: Period, now: datetime, *, departments: set[int] | None = None, previous: int = 3):
    """Rows per department, a cell per contact point with the index, its components and the trend over
    the `previous` periods before."""
    from chinjeol.organization.models import Department

    periods = [period]
    for _ in range(previous):
        periods.insert(0, periods[0].previous())
    data = [{name: fn(p, now) for name, fn in SQI_COMPONENTS.items()} for p in periods]
    keys = {k for comps in data for comp in comps.values() for k in comp}
    dept_ids = {d for d, _p in keys if departments is None or d in departments}
    names = dict(Department.objects.filter(pk__in=dept_ids).values_list("id", "name"))
    rows = []
    for dept in sorted(dept_ids, key=lambda d: names.get(d, "")):
        cells = {}
        for point in rules.CONTACT_POINTS:
            history = [rules.sqi({n: comp.get((dept, point)) for n, comp in comps.items()}) for comps in data]
            current = {n: comp.get((dept, point)) for n, comp in data[-1].items()}
            if history[-1] is None and not any(history):
                continue
            cells[point] = {"value": history[-1], "components": current, "history": history,
                            "trend": rules.trend(history)}  # fmt: skip
        values = [c["value"] for c in cells.values() if c["value"] is not None]
        overall = (sum(values, Decimal(0)) / len(values)).quantize(rules.TWO) if values else None
        rows.append(SqiRow(dept, names.get(dept, ""), cells, overall))
    rows.sort(key=lambda r: (r.overall is None, -(r.overall or 0)))
    return rows, periods
