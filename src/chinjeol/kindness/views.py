from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from chinjeol.core.access import has_role, role_required, scoped_department_ids
from chinjeol.core.errors import DomainError
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role
from chinjeol.organization.models import Department, Staff

from . import queries, services
from .forms import InspectionForm
from .models import EvaluationItem
from .rules import SIGNAL_LABELS, Signal

REGISTER_ROLES = (Role.CS_LEADER, Role.EVALUATOR, Role.CS_OFFICER)


def _period(request) -> Period:
    try:
        return Period.parse(request.GET.get("period", ""))
    except ValueError:
        return Period.containing(timezone.localdate(), "half")


def _periods() -> list[Period]:
    today = timezone.localdate()
    half = Period.containing(today, "half")
    month = Period.containing(today, "month")
    return [
        half,
        half.previous(),
        Period.containing(today, "year"),
        month,
        month.previous(),
        month.previous().previous(),
    ]


def _error(request, error: DomainError):
    return render(request, "core/forbidden.html", {"message": error.message}, status=error.status)


@role_required(Role.STAFF)
def me(request):
    return staff_page(request, request.user.staff_id)


@role_required(*Role)
def staff_page(request, pk: int):
    request.area = "kindness"
    try:
        staff = queries.get_staff_for_user(request.user, pk)
    except DomainError as error:
        return _error(request, error)
    period = _period(request)
    data = queries.staff_breakdown(staff, period)
    return render(
        request,
        "kindness/staff.html",
        {
            "staff": staff,
            "period": period,
            "periods": _periods(),
            "own": request.user.staff_id == staff.pk,
            "trend_bars": _bars(data["trend"]),
            **data,
        },
    )


def _bars(trend) -> list[dict]:
    """Bar geometry for the six-month trend chart (score 0–100 → 0–150 px)."""
    bars = []
    for index, (month, score) in enumerate(trend):
        height = int(float(score) * 1.5)
        x = 40 + index * 92
        bars.append(
            {
                "x": x,
                "cx": x + 30,
                "y": 170 - height,
                "h": height,
                "ty": 165 - height,
                "score": score,
                "label": month.label_ko,
                "short": f"{month.number}월",
            }
        )
    return bars


@role_required(Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)
def organisation(request):
    request.area = "kindness"
    period = _period(request)
    ranking = queries.department_ranking(period)
    scope = scoped_department_ids(
        request.user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER, Role.CS_OFFICER, Role.AUDITOR})
    )
    scores = queries.staff_scores(period)
    _r, thresholds, _i = queries.score_rules()
    from .rules import traffic_light

    distribution = {s: 0 for s in Signal}
    for s in scores.values():
        distribution[traffic_light(s.score, thresholds)] += 1
    total = sum(distribution.values()) or 1
    bars = [
        {"signal": s, "label": SIGNAL_LABELS[s], "count": n, "pct": round(n * 100 / total, 1)}
        for s, n in distribution.items()
    ]
    return render(
        request,
        "kindness/organisation.html",
        {
            "period": period,
            "periods": _periods(),
            "ranking": ranking,
            "bars": bars,
            "visible": None if scope is None else scope,
            "org_wide": has_role(request.user, Role.CS_OFFICER, Role.AUDITOR),
        },
    )


@role_required(Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)
def department(request, pk: int):
    request.area = "kindness"
    scope = scoped_department_ids(
        request.user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER, Role.CS_OFFICER, Role.AUDITOR})
    )
    if scope is not None and pk not in scope:
        return _error(request, DomainError("forbidden", "담당 부서의 현황만 볼 수 있습니다.", status=403))
    dept = Department.objects.filter(pk=pk).first()
    if dept is None:
        return _error(request, DomainError("not_found", "부서를 찾을 수 없습니다.", status=404))
    period = _period(request)
    members = list(Staff.objects.active().filter(department=dept).order_by("name"))
    scores = queries.staff_scores(period, [m.pk for m in members])
    _r, thresholds, _i = queries.score_rules()
    from .rules import rank, traffic_light

    ranks = dict(rank([(m.pk, scores[m.pk].score) for m in members]))
    rows = sorted(
        (
            {
                "staff": m,
                "score": scores[m.pk].score,
                "signal": traffic_light(scores[m.pk].score, thresholds),
                "rank": ranks[m.pk],
            }
            for m in members
        ),
        key=lambda r: r["rank"],
    )
    summary = next((r for r in queries.department_ranking(period) if r["id"] == dept.pk), None)
    return render(
        request,
        "kindness/department.html",
        {"department": dept, "rows": rows, "period": period, "periods": _periods(), "summary": summary},
    )


@role_required(*REGISTER_ROLES)
def register(request):
    request.area = "kindness"
    scope = scoped_department_ids(request.user, roles=frozenset({Role.CS_LEADER, Role.CS_OFFICER}))
    staff_qs = Staff.objects.active().select_related("department").order_by("department__sort_order", "name")
    if scope is not None and not has_role(request.user, Role.EVALUATOR):
        staff_qs = staff_qs.filter(department_id__in=scope)
    item_qs = EvaluationItem.objects.all()
    if has_role(request.user, Role.EVALUATOR) and not has_role(request.user, Role.CS_OFFICER):
        item_qs = item_qs.filter(code__in=services.EVALUATOR_ITEMS)
    elif not has_role(request.user, Role.CS_OFFICER):
        item_qs = item_qs.exclude(code__in=["unkind", "smile"])
    form = InspectionForm(
        request.POST or None,
        staff_qs=staff_qs,
        item_qs=item_qs,
        initial={"occurred_at": timezone.localtime().replace(second=0, microsecond=0)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.inspection_register(
                staff_id=data["staff"].pk,
                item_code=data["item"].code,
                occurred_at=data["occurred_at"],
                note=data["note"],
                by=request.user,
                points=data["points"],
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(
                request, f"{entry.staff.name}님의 {entry.item.name} {entry.points:+.2f}점을 등록했습니다."
            )
            return redirect("kindness:register")
    return render(request, "kindness/register.html", {"form": form})


@role_required(Role.CS_OFFICER)
def reverse_entry(request, pk: int):
    if request.method != "POST":
        return redirect("kindness:organisation")
    try:
        entry = services.mileage_reverse(
            entry_id=pk, reason=request.POST.get("reason", ""), by=request.user, now=timezone.now()
        )
        messages.success(request, "정정 기록을 남겼습니다.")
        return redirect("kindness:staff", pk=entry.staff_id)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("kindness:organisation")
