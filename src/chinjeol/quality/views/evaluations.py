"""Entering evaluations on a scorecard, the list of results, one result with its dispute."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import has_role, role_required
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.exports import FORMATS, export_response
from chinjeol.core.pages import form_error
from chinjeol.core.roles import Role

from .. import queries, services
from ..forms import DisputeForm, EvaluationForm, ReviewForm
from ..models import Evaluation
from .common import area


def _sheet(request, code: str | None):
    sheets = queries.current_scorecards()
    chosen = next((s for s in sheets if s.code == code), sheets[0] if sheets else None)
    return sheets, chosen


def _scores_from(post, sheet) -> tuple[dict, dict]:
    """{item code: points or None for N/A} from the score fields, and the raw values to show again."""
    scores: dict = {}
    raw: dict = {}
    for item in sheet.items.all():
        value = post.get(f"score-{item.code}", "").strip()
        raw[item.code] = value
        if item.allow_na and post.get(f"na-{item.code}"):
            scores[item.code] = None
            raw[item.code] = "na"
        elif value != "":
            scores[item.code] = value
    return scores, raw


@role_required(*services.EVALUATE_ROLES)
def evaluate(request):
    area(request)
    sheets, sheet = _sheet(request, request.POST.get("scorecard") or request.GET.get("scorecard"))
    people = services.evaluable_staff(request.user)
    chosen = queries.staff_in(people, request.POST.get("staff") or request.GET.get("staff"))
    call = queries.call_for(request.GET.get("call")) if request.method == "GET" else None
    form = EvaluationForm(
        request.POST if request.method == "POST" else None,
        initial={
            "evaluated_at": timezone.localtime().replace(second=0, microsecond=0),
            "kind": request.GET.get("kind") or ("recording" if call else "phone"),
            "call": call.pk if call else None,
        },
    )
    raw: dict = {}
    item_errors: dict = {}
    if request.method == "POST" and sheet is not None:
        scores, raw = _scores_from(request.POST, sheet)
        valid = form.is_valid()
        if chosen is None:
            form.add_error(None, "평가할 직원을 찾아 고르세요.")
        if valid and chosen is not None:
            data = form.cleaned_data
            call = queries.call_for(data["call"]) if data["call"] else None
            if data["call"] and call is None:
                form.add_error("call", "그런 번호의 통화 기록이 없습니다.")
            else:
                try:
                    evaluation = services.evaluation_record(
                        scorecard=sheet, staff=chosen, kind=data["kind"], evaluated_at=data["evaluated_at"],
                        scores=scores, note=data["note"], by=request.user, now=timezone.now(), call=call,
                    )  # fmt: skip
                except DomainError as error:  # an item's score also shows beside that item
                    if error.field and error.field.startswith("scores."):
                        item_errors[error.field.removeprefix("scores.")] = error.message
                    form_error(form, error)
                else:
                    messages.success(
                        request,
                        f"{evaluation.staff.name}님의 {evaluation.scorecard.name} 평가({evaluation.total:.1f}점, "
                        f"{evaluation.grade})를 등록했습니다. 직원의 ‘내 친절’에 근거와 함께 반영됩니다.",
                    )
                    return redirect("quality:evaluation", pk=evaluation.pk)
    items = []
    if sheet is not None:
        for item in sheet.items.all():
            items.append({"item": item, "value": raw.get(item.code, ""), "error": item_errors.get(item.code)})
    status = 400 if request.method == "POST" else 200
    return render(
        request, "quality/evaluate.html",
        {"form": form, "sheets": sheets, "sheet": sheet, "items": items, "chosen": chosen, "call": call},
        status=status,
    )  # fmt: skip


HEADERS = [
    "평가 번호",
    "평가 일시",
    "평가표",
    "평가 방식",
    "부서",
    "직원",
    "사번",
    "총점",
    "등급",
    "상태",
    "평가자",
]


def _export_row(e: Evaluation) -> list:
    return [
        e.number, timezone.localtime(e.evaluated_at).replace(tzinfo=None), e.scorecard.name,
        e.get_kind_display(), e.department.name, e.staff.name, e.staff.employee_no, float(e.total), e.grade,
        e.get_status_display(), e.evaluator_name,
    ]  # fmt: skip


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@role_required()
def evaluation_list(request):
    area(request)
    g = request.GET
    qs = queries.filter_evaluations(
        queries.evaluations_for(request.user), kind=g.get("kind", "") if g.get("kind") in Evaluation.Kind.values
        else "", scorecard=g.get("scorecard", "")[:30], date_from=_day(g.get("from", "")),
        date_to=_day(g.get("to", "")), q=g.get("q", "")[:50],
    )  # fmt: skip
    fmt = g.get("format")
    if fmt in FORMATS:
        return export_response(fmt, name="evaluations", title="서비스 품질 평가", headers=HEADERS,
                               rows=(_export_row(e) for e in qs.iterator()))  # fmt: skip
    page = Paginator(qs, 50).get_page(g.get("page"))
    query = "&".join(f"{k}={v}" for k, v in g.items() if k != "page" and v)
    return render(
        request, "quality/evaluations.html",
        {"page": page, "query": query, "kinds": Evaluation.Kind.choices, "sheets": queries.current_scorecards(),
         "may_evaluate": has_role(request.user, *services.EVALUATE_ROLES)},
    )  # fmt: skip


@role_required()
def evaluation_detail(request, pk: int):
    area(request)
    evaluation = queries.get_evaluation_for_user(request.user, pk)
    dispute = getattr(evaluation, "dispute", None) if hasattr(evaluation, "dispute") else None
    scores = sorted(evaluation.scores.all(), key=lambda s: (s.item.sort_order, s.item.pk))
    return render(
        request, "quality/evaluation.html",
        {
            "e": evaluation, "scores": scores, "dispute": dispute,
            "may_dispute": dispute is None and not evaluation.calibration_id
            and services.evaluations.may_dispute(request.user, evaluation),
            "may_review": dispute is not None and dispute.status == "open" and has_role(request.user, Role.CS_OFFICER),
            "may_act": has_role(request.user, Role.CS_OFFICER, Role.CS_LEADER),
            "weak": services.mystery.weak_items(evaluation),
            "dispute_form": DisputeForm(), "review_form": ReviewForm(),
        },
    )  # fmt: skip


@require_POST
@role_required()
def dispute(request, pk: int):
    area(request)
    evaluation = queries.get_evaluation_for_user(request.user, pk)
    if not services.evaluations.may_dispute(request.user, evaluation):
        raise PermissionDenied("평가받은 본인과 그 부서장만 이의를 신청할 수 있습니다.")
    form = DisputeForm(request.POST)
    if not form.is_valid():
        raise DomainError("required", "이의 사유를 적어 주세요.", field="reason")
    services.dispute_open(evaluation=evaluation, reason=form.cleaned_data["reason"], by=request.user,
                          now=timezone.now())  # fmt: skip
    messages.success(request, "이의를 신청했습니다. 고객만족 담당관이 검토합니다.")
    return redirect(reverse("quality:evaluation", args=[pk]))


@require_POST
@role_required(Role.CS_OFFICER)
def review(request, pk: int):
    area(request)
    evaluation = queries.get_evaluation_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        raise DomainError("required", "결과와 검토 의견을 적어 주세요.", field="review")
    dispute = getattr(evaluation, "dispute", None)
    if dispute is None:
        raise DomainError("state", "이의 신청이 없는 평가입니다.")
    data = form.cleaned_data
    services.dispute_review(
        dispute_id=dispute.pk, upheld=data["outcome"] == "upheld", review=data["review"], by=request.user,
        now=timezone.now(), revised_total=data["revised_total"],
    )  # fmt: skip
    messages.success(request, "이의 검토 결과를 기록했습니다.")
    return redirect(reverse("quality:evaluation", args=[pk]))
