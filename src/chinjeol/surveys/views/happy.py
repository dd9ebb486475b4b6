"""Happy-call pages: the customer's answer (public, by link), results, the phone list, catch-calls."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from chinjeol.charter.calendar import SEOUL
from chinjeol.core.access import may_write, role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.exports import export_response, wants_export
from chinjeol.core.pages import domain_errors, form_errors

from .. import forms, queries, rules, services
from ..models import HappyCall
from ..throttling import throttled


def _local(moment):
    """A moment as the agency's wall-clock time without zone (Excel keeps no time zone)."""
    return moment.astimezone(SEOUL).replace(tzinfo=None) if moment else None


def _ctx(**extra) -> dict:
    return {"current_area": "surveys", **extra}


@require_http_methods(["GET", "POST"])
def happy_answer(request, token: str):
    """The customer's one-time happy-call page (public; the link in the SMS)."""
    call = queries.happy_call_by_token(token)
    if call is None:
        raise Http404("조사 링크를 찾을 수 없습니다.")
    now = timezone.now()
    form = forms.HappyCallForm(request.POST or None)
    is_open = rules.link_open(
        expires_at=call.expires_at, answered=call.status == HappyCall.Status.ANSWERED, now=now
    )
    if request.method == "POST" and is_open and form.is_valid():
        if throttled(request, "happy-call"):
            form.add_error(None, "요청이 너무 많습니다. 10분 뒤에 다시 시도해 주세요.")
        else:
            with form_errors(form):
                services.happy_call_answer(
                    call_id=call.pk,
                    token=token,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    via=HappyCall.Via.LINK,
                    now=now,
                )
                return redirect("surveys:happy_answer", token=token)
    call.refresh_from_db()
    context = {
        "call": call,
        "case": call.case,
        "form": form,
        "is_open": is_open,
        "answered": call.status == "answered",
    }
    status = 400 if form.errors else 200
    return render(request, "surveys/happy_answer.html", context, status=status)


@role_required(*queries.RESULT_READERS)
def happy_results(request):
    now = timezone.now()
    form = forms.PeriodForm(request.GET or None)
    start, end, by = form.period(now.astimezone(SEOUL).date())
    rows, total = queries.happy_results(request.user, start, end, by, now)
    title = queries.GROUPS[by][0]
    fmt = wants_export(request)
    if fmt and request.GET.get("what") == "comments":
        comments = queries.happy_comments(request.user, start, end, now)
        return export_response(
            fmt,
            name="happy-call-comments",
            title="해피콜 의견",
            headers=["응답 시각", "접수번호", "부서", "담당자", "전반 만족도", "의견(가림)"],
            rows=(
                [
                    _local(c.answered_at),
                    c.case.receipt_no,
                    c.case.department.name if c.case.department else "",
                    c.case.assignee.name if c.case.assignee else "",
                    c.score,
                    c.comment,
                ]
                for c in comments
            ),
        )
    if fmt:
        questions = [q for _f, q in rules.HAPPY_QUESTIONS]
        return export_response(
            fmt,
            name="happy-call-results",
            title="해피콜 결과",
            headers=[title, "발송", "응답", "응답률(%)", *[f"평균: {q}" for q in questions], "불만족 응답"],
            rows=([r.label, r.sent, r.answered, r.rate, *r.means, r.dissatisfied] for r in [*rows, total]),
        )
    comments = queries.happy_comments(request.user, start, end, now)[:30]
    return render(
        request,
        "surveys/happy_results.html",
        _ctx(
            form=form,
            rows=rows,
            total=total,
            group_title=title,
            start=start,
            end=end,
            by=by,
            comments=comments,
            query=request.GET.urlencode(),
        ),
    )


@role_required(*queries.PHONE_TEAM)
def phone_list(request):
    now = timezone.now()
    calls = queries.phone_list(now)
    fmt = wants_export(request)
    if fmt:
        return export_response(
            fmt,
            name="happy-call-phone-list",
            title="해피콜 전화 조사",
            headers=["문자 발송", "접수번호", "제목", "부서", "담당자"],
            rows=(
                [
                    _local(c.send_at),
                    c.case.receipt_no,
                    c.case.title,
                    c.case.department.name if c.case.department else "",
                    c.case.assignee.name if c.case.assignee else "",
                ]
                for c in calls
            ),
        )
    return render(
        request,
        "surveys/phone_list.html",
        _ctx(calls=calls[:200], total=calls.count(), writes=may_write(request.user)),
    )


@role_required(*queries.PHONE_TEAM)
@require_http_methods(["GET", "POST"])
def phone_entry(request, pk: int):
    """The happy-call team enters the answers given on the phone (the customer's number is shown, logged)."""
    from chinjeol.cases.contact import case_contact_for

    call = queries.happy_calls_for(request.user).filter(pk=pk).first()
    if call is None:
        raise Http404("해피콜을 찾을 수 없습니다.")
    form = forms.HappyCallForm(request.POST or None)
    now = timezone.now()
    if request.method == "POST" and may_write(request.user):
        try:
            if request.POST.get("action") == "unreachable":
                services.happy_call_unreachable(call_id=call.pk, by=request.user, now=now)
                messages.success(request, "응답을 받지 못한 것으로 기록했습니다.")
                return redirect("surveys:phone_list")
            if form.is_valid():
                services.happy_call_answer(
                    call_id=call.pk,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    via=HappyCall.Via.PHONE,
                    by=request.user,
                    now=now,
                )
                messages.success(request, f"{call.case.receipt_no} 전화 조사 응답을 입력했습니다.")
                return redirect("surveys:phone_list")
        except DomainError as error:  # said above the form, which keeps the answers typed
            messages.error(request, error.message)
    customer = case_contact_for(request, call.case, user=request.user, action="view")
    return render(
        request,
        "surveys/phone_entry.html",
        _ctx(
            call=call, case=call.case, form=form, customer=customer.as_dict(), writes=may_write(request.user)
        ),
    )


@role_required(*queries.CATCH_CALLERS)
@require_http_methods(["GET", "POST"])
@domain_errors(back="surveys:catch_calls")
def catch_calls(request):
    now = timezone.now()
    if request.method == "POST" and may_write(request.user):
        form = forms.CatchCallForm(request.POST)
        pk = int(request.POST.get("call") or 0)
        if not queries.catch_calls_for(request.user).filter(pk=pk).exists():
            messages.error(request, "불만 해소 전화를 기다리는 해피콜이 아닙니다.")
        elif form.is_valid():
            services.catch_call_done(call_id=pk, note=form.cleaned_data["note"], by=request.user, now=now)
            messages.success(request, "불만 해소 전화를 기록했습니다.")
        else:
            messages.error(request, "통화 결과를 적어 주세요.")
        return redirect("surveys:catch_calls")
    return render(
        request,
        "surveys/catch_calls.html",
        _ctx(
            waiting=queries.catch_calls_for(request.user),
            done=queries.catch_calls_for(request.user, done=True)[:30],
            now=now,
            writes=may_write(request.user),
        ),
    )
