"""Publishing period results and recording awards, encouragement and penalties on them [K5]."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core import exports
from chinjeol.core.access import has_role, role_required
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.roles import Role

from .. import services
from ..forms import ActionForm, PublishForm
from ..models import PeriodSnapshot, SnapshotDepartment, SnapshotStaff
from ..queries import exports as kindness_exports
from ..queries.boards import MemberRow
from ..rules import RANK_GROUP_LABELS, RANK_GROUP_ORDER, Period, rank_group
from .common import area

READERS = (Role.CS_OFFICER, Role.AUDITOR)


def _organisation_for_period(request) -> str:
    return f"{reverse('kindness:organisation')}?period={request.POST.get('period', '').strip()}"


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back=_organisation_for_period)
def publish(request):
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "공표할 기간을 확인해 주세요.")
        return redirect("kindness:organisation")
    try:
        period = Period.parse(form.cleaned_data["period"])
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("kindness:organisation")
    snapshot = services.period_publish(
        period=period, by=request.user, now=timezone.now(), note=form.cleaned_data["note"]
    )
    messages.success(
        request, f"{period.label_ko} 결과를 공표했습니다 ({snapshot.version}판, {snapshot.staff_count:,}명)."
    )
    return redirect("kindness:snapshot", pk=snapshot.pk)


@role_required(*READERS)
def snapshots(request):
    area(request)
    rows = PeriodSnapshot.objects.select_related("published_by", "published_by__staff").order_by(
        "-year", "-published_at"
    )
    latest = {}
    for s in rows:
        latest.setdefault(s.period, s.pk)
    return render(
        request,
        "kindness/snapshots.html",
        {"rows": [(s, Period.parse(s.period), latest[s.period] == s.pk) for s in rows]},
    )


def _snapshot_context(snapshot: PeriodSnapshot, form=None) -> dict:
    departments = list(
        SnapshotDepartment.objects.filter(snapshot=snapshot)
        .select_related("department")
        .order_by("rank", "department__name")
    )
    for d in departments:
        d.id, d.name = d.department_id, d.department.name
        d.group = RANK_GROUP_LABELS[rank_group(d.department.kind)]
    order = [RANK_GROUP_LABELS[g] for g in RANK_GROUP_ORDER]
    departments.sort(key=lambda d: (order.index(d.group), d.rank is None, d.rank or 0, d.name))
    top = [
        MemberRow(r.staff, r.score, r.signal, r.rank, r.department_rank)
        for r in SnapshotStaff.objects.filter(snapshot=snapshot)
        .select_related("staff", "staff__department")
        .order_by("rank", "staff__name")[:30]
    ]
    bottom = [
        MemberRow(r.staff, r.score, r.signal, r.rank, r.department_rank)
        for r in SnapshotStaff.objects.filter(snapshot=snapshot)
        .select_related("staff", "staff__department")
        .order_by("score", "staff__name")[:10]
    ]
    return {
        "snapshot": snapshot,
        "period": Period.parse(snapshot.period),
        "departments": departments,
        "top": top,
        "bottom": bottom,
        "actions": snapshot.actions.select_related(
            "department", "staff", "staff__department", "by", "by__staff"
        ),
        "form": form or ActionForm(departments=departments, people=top + bottom),
        "newer": PeriodSnapshot.objects.filter(period=snapshot.period, version__gt=snapshot.version).exists(),
    }


@role_required(*READERS)
def snapshot_detail(request, pk: int):
    area(request)
    snapshot = (
        PeriodSnapshot.objects.select_related("published_by", "published_by__staff").filter(pk=pk).first()
    )
    if snapshot is None:
        raise NotFound("공표 결과를 찾을 수 없습니다.")
    period = Period.parse(snapshot.period)
    download = exports.download(
        request,
        name=f"kindness-published-{snapshot.period}-v{snapshot.version}",
        title=f"공표 결과 {period.label_ko} 부서 순위",
        headers=kindness_exports.DEPARTMENT_HEADERS,
        rows=lambda: kindness_exports.snapshot_department_rows(snapshot),
        sheets=lambda: [kindness_exports.staff_sheet(period, snapshot)],
    )
    if download is not None:
        return download
    context = _snapshot_context(snapshot)
    if request.method == "POST":
        if not has_role(request.user, Role.CS_OFFICER):
            raise PermissionDenied("감사는 조회만 할 수 있습니다.")
        form = ActionForm(
            request.POST, departments=context["departments"], people=context["top"] + context["bottom"]
        )
        if form.is_valid():
            d = form.cleaned_data
            with form_errors(form):
                action = services.snapshot_action_record(
                    snapshot_id=snapshot.pk,
                    kind=d["kind"],
                    note=d["note"],
                    department_id=d["department"],
                    staff_id=d["staff"],
                    by=request.user,
                    now=timezone.now(),
                )
                messages.success(request, f"{action.get_kind_display()}을 기록했습니다.")
                return redirect("kindness:snapshot", pk=snapshot.pk)
        context["form"] = form
    context["can_act"] = has_role(request.user, Role.CS_OFFICER)
    return render(request, "kindness/snapshot.html", context)
