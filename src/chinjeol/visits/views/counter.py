"""The counter [C3]: the reception desk or kiosk page, the waiting board and the visitor log."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from chinjeol.core.access import forbidden, role_required
from chinjeol.core.exports import export_response, wants_export
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.periods import Period

from .. import queries, rules, services
from ..forms import COMMON_PURPOSES, VisitForm
from ..models import Visit
from ..services.counter import VisitIntake
from .http import area


def _departments():
    return queries.departments()


def _counter_context(now) -> dict:
    return {
        "waiting": queries.waiting_now(now),
        "guided": queries.guided_today(now),
        "today": queries.today_figures(now),
        "now": now,
    }


@role_required(*queries.READERS)
@require_http_methods(["GET", "POST"])
def counter(request):
    """Log a visitor at the counter and bring the waiting ones to the person in charge."""
    area(request)
    writes = queries.writes(request.user)
    departments = list(_departments())
    form = VisitForm(request.POST or None, departments=departments)
    if request.method == "POST":
        if not writes:
            return forbidden(request, "조회만 할 수 있습니다.")
        if form.is_valid():
            now = timezone.now()
            intake = VisitIntake(
                department_id=form.cleaned_data["department"],
                purpose=form.cleaned_data["purpose"],
                arrived_at=now,
            )
            with form_errors(form):
                visit = services.visit_log(intake=intake, by=request.user, now=now)
                messages.success(
                    request, f"{visit.number}번 방문객을 {visit.department.name}(으)로 기록했습니다."
                )
                return redirect("visits:counter")
    context = {
        "form": form,
        "writes": writes,
        "purposes": COMMON_PURPOSES,
        "departments": queries.frequent_departments(timezone.now(), 12),
        **_counter_context(timezone.now()),
    }
    return render(request, "visits/counter.html", context, status=400 if form.errors else 200)


@role_required(*queries.READERS)
def counter_live(request):
    return render(
        request,
        "visits/_waiting.html",
        {"writes": queries.writes(request.user), **_counter_context(timezone.now())},
    )


@require_POST
@role_required(*queries.PEOPLE)
@domain_errors(back="visits:counter")
def guide(request, pk: int):
    visit = queries.visit_for_update(pk)
    now = timezone.now()
    services.visit_guide(visit=visit, at=now, now=now)
    waited = rules.clock_label(rules.waited_seconds(visit.arrived_at, now))
    messages.success(request, f"{visit.number}번 방문객을 담당자에게 안내했습니다 ({waited}).")
    return redirect("visits:counter")


@require_POST
@role_required(*queries.PEOPLE)
@domain_errors(back="visits:counter")
def cancel(request, pk: int):
    visit = queries.visit_for_update(pk)
    services.visit_cancel(visit=visit, now=timezone.now())
    messages.success(request, f"{visit.number}번 방문을 취소했습니다.")
    return redirect("visits:counter")


@role_required(*queries.READERS)
def board(request):
    """The waiting board on a screen in the waiting area (numbers and departments only)."""
    area(request)
    return render(request, "visits/board.html", _counter_context(timezone.now()))


@role_required(*queries.READERS)
def board_live(request):
    return render(request, "visits/_board.html", _counter_context(timezone.now()))


RESULTS = {"met": "5분 안 안내", "missed": "약속 넘김"}


@role_required(*queries.READERS)
def log(request):
    """Every visit of a period with its judgement; downloadable."""
    area(request)
    now = timezone.now()
    try:
        period = Period.parse(request.GET.get("period", ""))
    except ValueError:
        period = Period.containing(timezone.localdate(), "month")
    try:
        department = int(request.GET.get("department") or 0) or None
    except ValueError:
        department = None
    result = request.GET.get("result") if request.GET.get("result") in RESULTS else None
    visits = queries.visits_in(period.start, period.end, department=department, result=result, now=now)
    fmt = wants_export(request)
    if fmt:
        return _export(fmt, visits, period)
    page = Paginator(visits, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "visits/log.html",
        {
            "page": page,
            "rows": [_row(v, now) for v in page],
            "period": period,
            "periods": [
                Period.containing(timezone.localdate() - timedelta(days=31 * i), "month") for i in range(12)
            ],
            "departments": _departments(),
            "department": department,
            "result": result,
            "results": RESULTS,
            "query": query.urlencode(),
        },
    )


def _row(v: Visit, now) -> dict:
    waited = rules.waited_seconds(v.arrived_at, v.guided_at or min(now, v.deadline + timedelta(hours=8)))
    if v.guided_at is not None:
        judgement = "met" if v.guided_at <= v.deadline else "missed"
    elif v.status == Visit.Status.CANCELLED and v.cancelled_at and v.cancelled_at <= v.deadline:
        judgement = "excluded"
    elif v.deadline < now:
        judgement = "missed"
    else:
        judgement = "waiting"
    return {"visit": v, "waited": rules.clock_label(waited), "judgement": judgement}


def _export(fmt: str, visits, period):
    labels = {"met": "이행", "missed": "미이행", "excluded": "판정 제외", "waiting": "기다리는 중"}
    now = timezone.now()

    def rows():
        for v in visits.iterator(chunk_size=1000):
            r = _row(v, now)
            yield [
                v.local_date,
                v.number,
                v.department.name,
                v.purpose,
                timezone.localtime(v.arrived_at).strftime("%H:%M:%S"),
                timezone.localtime(v.guided_at).strftime("%H:%M:%S") if v.guided_at else "",
                r["waited"],
                labels[r["judgement"]],
                v.get_status_display(),
            ]

    return export_response(
        fmt,
        name=f"visits-{period}",
        title="방문객 안내 기록",
        headers=["방문일", "번호", "찾는 부서", "방문 목적", "도착", "안내", "걸린 시간", "판정", "상태"],
        rows=rows(),
    )
