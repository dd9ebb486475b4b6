"""Scorecards, the Excel import, mystery shopping, calibration and the service-quality index."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import has_role, role_required, scoped_department_ids
from chinjeol.core.errors import DomainError, NotFound
from chinjeol.core.exports import export_response
from chinjeol.core.pages import domain_errors, form_error
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role

from .. import queries, rules, services
from ..forms import ActionForm, ActionStatusForm, ImportForm, MeetingForm, PlanForm
from ..services import imports
from .common import area

OFFICE = (Role.CS_OFFICER, Role.AUDITOR)


@role_required()
def scorecard_list(request):
    area(request)
    return render(
        request, "quality/scorecards.html",
        {"sheets": queries.scorecards(active_only=False), "behaviours": queries.behaviours()},
    )  # fmt: skip


@role_required(Role.CS_OFFICER, Role.EVALUATOR)
def import_results(request):
    area(request)
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    outcome = errors = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            file = form.cleaned_data["file"]
            try:
                outcome = imports.evaluations_import(
                    filename=file.name, data=file.read(), by=request.user, now=timezone.now(),
                    evaluator_name=form.cleaned_data["evaluator_name"],
                )  # fmt: skip
            except imports.ImportInvalid as invalid:
                errors = invalid.errors
                status = 400
            except DomainError as error:  # the file itself was refused
                form_error(form, error, fallback="file")
                status = 422
        else:
            status = 422
    return render(request, "quality/import.html", {"form": form, "outcome": outcome, "errors": errors,
                                                   "sheets": queries.current_scorecards()}, status=status)  # fmt: skip


@role_required(Role.CS_OFFICER, Role.EVALUATOR)
def import_template(request):
    sheets = queries.current_scorecards()
    code = request.GET.get("scorecard")
    sheet = next((s for s in sheets if s.code == code), sheets[0] if sheets else None)
    if sheet is None:
        raise DomainError("invalid", "사용 중인 평가표가 없습니다.", status=404)
    header, example = imports.template_rows(sheet)
    return export_response("xlsx", name=f"evaluations-{sheet.code}", title="외부 평가 결과", headers=header,
                           rows=[example])  # fmt: skip


def _month(text: str | None) -> date | None:
    try:
        return date.fromisoformat(f"{text}-01") if text else None
    except ValueError:
        return None


@role_required(Role.CS_OFFICER, Role.AUDITOR, Role.EVALUATOR)
def mystery(request):
    area(request)
    view = queries.mystery_overview(_month(request.GET.get("month")), user=request.user)
    meeting_form = MeetingForm(initial={"held_on": timezone.localdate()})
    meeting_form.fields["actions"].choices = [(a.pk, f"{a.title} · {a.owner.name}") for a in view.actions
                                              if a.status == a.Status.OPEN]  # fmt: skip
    return render(
        request, "quality/mystery.html",
        {"v": view, "plan_form": PlanForm(initial={"size": 20}), "meeting_form": meeting_form,
         "status_form": ActionStatusForm(), "is_officer": has_role(request.user, Role.CS_OFFICER)},
    )  # fmt: skip


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="quality:mystery")
def plan_new(request):
    form = PlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, "월과 표본 인원을 확인해 주세요.")
        return redirect("quality:mystery")
    plan = services.plan_create(month=form.cleaned_data["month"], size=form.cleaned_data["size"],
                                by=request.user, now=timezone.now())  # fmt: skip
    messages.success(request, f"{plan} 암행 평가 계획을 만들었습니다 ({plan.assignments.count()}명).")
    return redirect(f"/quality/mystery/?month={plan.month:%Y-%m}")


@require_POST
@role_required(Role.CS_OFFICER, Role.CS_LEADER)
def action_new(request, pk: int):
    evaluation = queries.get_evaluation_for_user(request.user, pk)
    form = ActionForm(request.POST)
    form.fields["item"].choices = [("", "")] + [(s.item.code, s.item.name) for s in evaluation.scores.all()]
    if not form.is_valid():
        messages.error(request, "개선 조치 내용과 기한을 적어 주세요.")
        return redirect("quality:evaluation", pk=pk)
    item = next((s.item for s in evaluation.scores.all() if s.item.code == form.cleaned_data["item"]), None)
    services.action_create(evaluation=evaluation, item=item, owner=evaluation.staff,
                           title=form.cleaned_data["title"], due_on=form.cleaned_data["due_on"], by=request.user)  # fmt: skip
    messages.success(request, "개선 조치를 등록했습니다. 다음 월간 검토 회의에서 확인합니다.")
    return redirect("quality:evaluation", pk=pk)


@require_POST
@role_required(Role.CS_OFFICER)
def action_status(request, pk: int):
    action = queries.action(pk)
    form = ActionStatusForm(request.POST)
    if action is None:
        raise NotFound("개선 조치를 찾을 수 없습니다.")
    if form.is_valid():
        services.action_update(action=action, status=form.cleaned_data["status"], by=request.user)
        messages.success(request, "개선 조치의 상태를 바꿨습니다.")
    return redirect("quality:mystery")


@require_POST
@role_required(Role.CS_OFFICER)
def meeting_new(request):
    form = MeetingForm(request.POST)
    form.fields["actions"].choices = [(str(a.pk), a.title) for a in queries.open_actions()]
    if not form.is_valid():
        messages.error(request, "회의일, 검토한 달, 참석자, 결정 사항을 모두 적어 주세요.")
        return redirect("quality:mystery")
    d = form.cleaned_data
    services.meeting_record(held_on=d["held_on"], month=d["month"], attendees=d["attendees"],
                            decisions=d["decisions"], action_ids=[int(x) for x in d["actions"]], by=request.user)  # fmt: skip
    messages.success(request, "월간 검토 회의를 기록했습니다.")
    return redirect("quality:mystery")


@role_required(*OFFICE)
def calibrations(request):
    area(request)
    return render(request, "quality/calibrations.html",
                  {"sessions": queries.calibration_sessions(), "drift": queries.evaluator_drift()})  # fmt: skip


@role_required(*OFFICE)
def calibration_detail(request, pk: int):
    area(request)
    session = queries.calibration_session(pk)
    if session is None:
        raise NotFound("보정 세션을 찾을 수 없습니다.")
    report = queries.calibration_report(session)
    names = {i.code: i.name for i in session.scorecard.items.all()}
    evaluations = session.evaluations.select_related("evaluator").order_by("pk")
    return render(request, "quality/calibration.html",
                  {"s": session, "report": report, "names": names, "evaluations": evaluations})  # fmt: skip


SQI_ROLES = (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)


@role_required(*SQI_ROLES)
def sqi(request):
    area(request)
    try:
        period = Period.parse(request.GET.get("period", ""))
    except ValueError:
        period = Period.containing(timezone.localdate(), "half")
    departments = None if has_role(request.user, *OFFICE) else (scoped_department_ids(request.user) or set())
    rows, periods = queries.sqi_table(period, timezone.now(), departments=departments)
    return render(
        request, "quality/sqi.html",
        {"rows": rows, "period": period, "periods": periods, "points": rules.CONTACT_POINTS,
         "weights": rules.SQI_WEIGHTS, "components": sorted(queries.SQI_COMPONENTS),
         "choices": [period.previous().previous(), period.previous(), period]},
    )  # fmt: skip
