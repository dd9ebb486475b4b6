"""1부서 1친절시책: departments register their initiative and report results; the CS officer and the
auditor see every department's status."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core import exports
from chinjeol.core.access import role_required
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.pages import domain_errors, form_errors

from .. import forms, queries, services
from ..models import Initiative
from .http import area, flash_form_error


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    return min(max(year, 2000), 2100)


def _initiative_row(row: dict) -> list:
    initiative = row["initiative"]
    if initiative is None:
        return [row["department"].name, "", "미등록", None, None, None]
    return [
        row["department"].name,
        initiative.title,
        initiative.get_status_display(),
        initiative.achievement_rate,
        getattr(initiative, "last_note_at", None),
        initiative.reported_at,
    ]


@role_required(*queries.INITIATIVE_READERS)
def initiative_list(request):
    area(request)
    year = _year(request)
    rows = queries.initiative_overview(request.user, year)
    download = exports.download(
        request,
        name=f"initiatives-{year}",
        title=f"{year}년 1부서 1친절시책",
        headers=["부서", "시책", "상태", "목표 달성률(%)", "최근 추진", "결과 보고 시각"],
        rows=lambda: [_initiative_row(row) for row in rows],
    )
    if download is not None:
        return download
    counts = {status: 0 for status in Initiative.Status.values}
    missing = 0
    for row in rows:
        if row["initiative"] is None:
            missing += 1
        else:
            counts[row["initiative"].status] += 1
    return render(
        request,
        "community/initiatives.html",
        {
            "year": year,
            "rows": rows,
            "counts": counts,
            "missing": missing,
            "can_register": queries.initiative_departments_for_user(request.user).exists(),
        },
    )


@role_required(*queries.INITIATIVE_EDITORS)
def initiative_new(request):
    area(request)
    departments = queries.initiative_departments_for_user(request.user)
    initial = {"year": _year(request)}
    if request.GET.get("department"):
        initial["department"] = request.GET["department"]
    form = forms.InitiativeForm(request.POST or None, departments=departments, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with form_errors(form):
            initiative = services.initiative_save(
                department_id=data["department"].pk,
                year=data["year"],
                title=data["title"],
                goal=data["goal"],
                planned_actions=data["planned_actions"],
                by=request.user,
                now=timezone.now(),
            )
            messages.success(request, "시책을 저장했습니다.")
            return redirect("community:initiative_detail", pk=initiative.pk)
    return render(
        request, "community/initiative_form.html", {"form": form}, status=400 if form.errors else 200
    )


@role_required(*queries.INITIATIVE_READERS)
def initiative_detail(request, pk: int):
    area(request)
    initiative = queries.get_initiative_for_user(request.user, pk)
    can_edit = queries.can_edit_initiative(request.user, initiative.department_id)
    return render(
        request,
        "community/initiative_detail.html",
        {
            "initiative": initiative,
            "notes": initiative.progress_notes.select_related("by", "by__staff"),
            "can_edit": can_edit,
            "plan_form": forms.InitiativeForm(
                departments=queries.initiative_departments_for_user(request.user),
                initial={
                    "department": initiative.department_id,
                    "year": initiative.year,
                    "title": initiative.title,
                    "goal": initiative.goal,
                    "planned_actions": initiative.planned_actions,
                },
            ),
            "progress_form": forms.ProgressForm(),
            "result_form": forms.ResultForm(
                initial={
                    "achievement": initiative.achievement,
                    "achievement_rate": initiative.achievement_rate,
                }
            ),
        },
    )


@require_POST
@role_required(*queries.INITIATIVE_EDITORS)
@domain_errors(back="community:initiative_detail")
def initiative_act(request, pk: int, action: str):
    initiative = queries.get_initiative_for_user(request.user, pk)
    if not queries.can_edit_initiative(request.user, initiative.department_id):
        raise PermissionDenied("자기 부서의 시책만 고칠 수 있습니다.")
    now = timezone.now()
    if action == "plan":
        form = forms.InitiativeForm(
            request.POST, departments=queries.initiative_departments_for_user(request.user)
        )
        if not form.is_valid():
            flash_form_error(request, form)
            return redirect("community:initiative_detail", pk=pk)
        data = form.cleaned_data
        if data["department"].pk != initiative.department_id or data["year"] != initiative.year:
            messages.error(request, "부서와 연도는 바꿀 수 없습니다. 새 시책으로 등록해 주세요.")
            return redirect("community:initiative_detail", pk=pk)
        services.initiative_save(
            department_id=initiative.department_id,
            year=initiative.year,
            title=data["title"],
            goal=data["goal"],
            planned_actions=data["planned_actions"],
            by=request.user,
            now=now,
        )
        messages.success(request, "계획을 고쳤습니다.")
    elif action == "progress":
        form = forms.ProgressForm(request.POST)
        if not form.is_valid():
            flash_form_error(request, form)
            return redirect("community:initiative_detail", pk=pk)
        services.initiative_progress_add(
            initiative_id=pk, note=form.cleaned_data["note"], by=request.user, now=now
        )
        messages.success(request, "추진 기록을 더했습니다.")
    elif action == "result":
        form = forms.ResultForm(request.POST, request.FILES)
        if not form.is_valid():
            flash_form_error(request, form)
            return redirect("community:initiative_detail", pk=pk)
        services.initiative_report(
            initiative_id=pk,
            achievement=form.cleaned_data["achievement"],
            achievement_rate=form.cleaned_data["achievement_rate"],
            upload=form.cleaned_data["evidence"],
            by=request.user,
            now=now,
        )
        messages.success(request, "추진 결과를 보고했습니다.")
    else:
        raise NotFound("알 수 없는 처리입니다.")
    return redirect("community:initiative_detail", pk=pk)


@role_required(*queries.INITIATIVE_READERS)
def initiative_evidence(request, pk: int):
    initiative = queries.get_initiative_for_user(request.user, pk)
    if not initiative.evidence:
        raise NotFound("증빙 자료가 없습니다.")
    return FileResponse(
        initiative.evidence.open("rb"), as_attachment=True, filename=initiative.evidence_name or "evidence"
    )
