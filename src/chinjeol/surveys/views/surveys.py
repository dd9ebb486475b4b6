"""Satisfaction survey pages: list and builder, distribution (link, QR, SMS), results, publication, and the
public pages (answer form, published results)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from chinjeol.core.access import may_write, role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.exports import export_response, wants_export
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.roles import Role

from .. import charts, forms, queries, services
from ..models import Question, Survey
from ..qr import qr_svg
from ..throttling import throttled

OFFICE = (Role.CS_OFFICER, Role.AUDITOR)


def _ctx(**extra) -> dict:
    return {"current_area": "surveys", **extra}


def _get(pk: int) -> Survey:
    survey = queries.survey(pk)
    if survey is None:
        raise Http404("조사를 찾을 수 없습니다.")
    return survey


def _answer_url(request, survey: Survey, via: str = "") -> str:
    path = reverse("surveys:answer", args=[survey.token]) + (f"?via={via}" if via else "")
    return request.build_absolute_uri(path)


@role_required(*OFFICE)
def survey_list(request):
    return render(
        request,
        "surveys/survey_list.html",
        _ctx(surveys=queries.surveys(), writes=may_write(request.user)),
    )


@role_required(Role.CS_OFFICER)
@require_http_methods(["GET", "POST"])
def survey_new(request):
    form = forms.SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with form_errors(form):
            survey = services.survey_create(**form.cleaned_data, by=request.user)
            messages.success(request, "조사를 만들었습니다. 문항을 추가하세요.")
            return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/survey_new.html", _ctx(form=form), status=400 if form.errors else 200)


@role_required(*OFFICE)
@require_http_methods(["GET", "POST"])
def survey_detail(request, pk: int):
    """The builder and the distribution of one survey."""
    survey = _get(pk)
    qform, invite = forms.QuestionForm(), forms.InviteForm()
    if request.method == "POST" and may_write(request.user):
        action = request.POST.get("action")
        try:
            if action == "question":
                qform = forms.QuestionForm(request.POST)
                if qform.is_valid():
                    data = qform.cleaned_data
                    services.question_add(
                        survey_id=survey.pk,
                        kind=data["kind"],
                        text=data["text"],
                        options=data["options"].splitlines(),
                        required=data["required"],
                    )
                    messages.success(request, "문항을 추가했습니다.")
                    return redirect("surveys:detail", pk=pk)
            elif action == "remove":
                services.question_remove(question_id=int(request.POST.get("question") or 0))
                messages.success(request, "문항을 지웠습니다.")
                return redirect("surveys:detail", pk=pk)
            elif action in ("open", "closed"):
                services.survey_set_status(survey_id=survey.pk, status=action)
                messages.success(
                    request, "응답을 받기 시작했습니다." if action == "open" else "조사를 마감했습니다."
                )
                return redirect("surveys:detail", pk=pk)
            elif action == "invite":
                invite = forms.InviteForm(request.POST)
                if invite.is_valid():
                    n = services.survey_invite(
                        survey_id=survey.pk,
                        phones=invite.cleaned_data["phones"].splitlines(),
                        now=timezone.now(),
                    )
                    messages.success(request, f"{n:,}명에게 조사 문자를 보냈습니다.")
                    return redirect("surveys:detail", pk=pk)
        except DomainError as error:  # said above the builder, whose forms keep what was typed
            messages.error(request, error.message)
    return render(
        request,
        "surveys/survey_detail.html",
        _ctx(
            survey=survey,
            questions=survey.questions.all(),
            qform=qform,
            invite=invite,
            link=_answer_url(request, survey),
            writes=may_write(request.user),
            responses=survey.responses.count(),
        ),
    )


@role_required(*OFFICE)
def survey_qr(request, pk: int):
    survey = _get(pk)
    return HttpResponse(qr_svg(_answer_url(request, survey, "qr")), content_type="image/svg+xml")


@role_required(*OFFICE)
def survey_print(request, pk: int):
    """A printable A4 poster: the title, the invitation and the QR code."""
    survey = _get(pk)
    return render(
        request, "surveys/survey_print.html", _ctx(survey=survey, link=_answer_url(request, survey, "qr"))
    )


@role_required(*OFFICE)
def survey_results(request, pk: int):
    survey = _get(pk)
    fmt = wants_export(request)
    if fmt:
        headers, rows = queries.export_rows(survey)
        return export_response(fmt, name=f"survey-{survey.pk}", title="조사 응답", headers=headers, rows=rows)
    results = queries.survey_results(survey)
    for r in results:
        r.chart = charts.bar_chart(r.distribution, title=r.question.text) if r.distribution else ""
    closed = queries.closed_questions(survey)
    row_q = _pick(closed, request.GET.get("row"), 0)
    col_q = _pick(closed, request.GET.get("col"), 1)
    table = queries.crosstab(row_q, col_q) if row_q and col_q and row_q != col_q else None
    return render(
        request,
        "surveys/survey_results.html",
        _ctx(
            survey=survey,
            results=results,
            responses=survey.responses.count(),
            closed=closed,
            row_q=row_q,
            col_q=col_q,
            table=table,
            publish=forms.PublishForm(initial={"findings": survey.findings, "actions": survey.actions}),
            writes=may_write(request.user),
        ),
    )


def _pick(questions: list[Question], raw, default: int) -> Question | None:
    for q in questions:
        if str(q.pk) == raw:
            return q
    return questions[default] if len(questions) > default else None


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="surveys:results")
def survey_publish(request, pk: int):
    survey = _get(pk)
    form = forms.PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "정한 개선 조치를 한 줄에 하나씩 적어 주세요.")
        return redirect("surveys:results", pk=pk)
    services.survey_publish(survey_id=survey.pk, **form.cleaned_data, now=timezone.now())
    messages.success(request, "조사 결과와 개선 조치를 누리집에 공개했습니다.")
    return redirect("surveys:public_detail", pk=pk)


@require_http_methods(["GET", "POST"])
def survey_answer(request, token: str):
    """The public answer form (no account, nothing personal kept)."""
    survey = queries.survey_by_token(token)
    if survey is None:
        raise Http404("조사를 찾을 수 없습니다.")
    errors, done, problem = {}, False, ""
    via = request.GET.get("via", "link")
    if request.method == "POST" and survey.status == Survey.Status.OPEN:
        if throttled(request, "survey"):
            problem = "요청이 너무 많습니다. 10분 뒤에 다시 시도해 주세요."
        else:
            data = {key: request.POST.getlist(key) for key in request.POST if key.startswith("q")}
            try:
                services.survey_submit(survey=survey, data=data, channel=via, now=timezone.now())
                done = True
            except DomainError as error:  # each question's own message beside it
                errors = getattr(error, "errors", {})
                problem = error.message
    questions = list(survey.questions.all())
    for q in questions:
        q.error = errors.get(f"q{q.pk}", "")
        q.given = request.POST.getlist(f"q{q.pk}") if request.method == "POST" and not done else []
        q.scale = _scale(q)
    status = 400 if problem else 200
    return render(
        request,
        "surveys/survey_answer.html",
        {"survey": survey, "questions": questions, "done": done, "problem": problem, "via": via},
        status=status,
    )


def _scale(q: Question) -> list[str]:
    if q.kind == Question.Kind.NPS:
        return [str(i) for i in range(11)]
    if q.kind in (Question.Kind.SCALE5, Question.Kind.SCALE7):
        return [str(i) for i in range(1, (5 if q.kind == Question.Kind.SCALE5 else 7) + 1)]
    return []


def public_list(request):
    return render(request, "surveys/public_list.html", {"surveys": queries.published_surveys()})


def public_detail(request, pk: int):
    survey = queries.published_survey(pk)
    if survey is None:
        raise Http404("공개한 조사를 찾을 수 없습니다.")
    results = queries.survey_results(survey, texts=0)
    for r in results:
        r.chart = charts.bar_chart(r.distribution, title=r.question.text) if r.distribution else ""
    return render(
        request,
        "surveys/public_detail.html",
        {"survey": survey, "results": results, "responses": survey.responses.count()},
    )
