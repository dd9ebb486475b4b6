"""Field visits [C4]: appointments, the day-before notice, the result on site and the follow-up."""

from __future__ import annotations

from datetime import datetime
from typing import NoReturn

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from chinjeol.core.access import forbidden, role_required
from chinjeol.core.errors import DomainError, NotFound
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.korean.pii import mask_name, mask_phone

from .. import queries, services
from ..forms import FieldVisitForm, OutcomeForm, VisitResultForm
from ..models import FieldVisit
from ..services.field import Appointment
from .http import area

SHOWS = {
    "upcoming": ("방문 예정", FieldVisit.Status.SCHEDULED),
    "follow_up": ("후속 처리 중", FieldVisit.Status.FOLLOW_UP),
    "done": ("완료", FieldVisit.Status.DONE),
    "cancelled": ("취소", FieldVisit.Status.CANCELLED),
}


@role_required(*queries.READERS)
def field_list(request):
    area(request)
    show = request.GET.get("show") if request.GET.get("show") in SHOWS else "upcoming"
    visits = queries.field_visits_for(request.user).filter(status=SHOWS[show][1])
    visits = visits.order_by("scheduled_at" if show == "upcoming" else "-scheduled_at", "id")
    page = Paginator(visits, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "visits/field_list.html",
        {
            "page": page,
            "show": show,
            "shows": {k: v[0] for k, v in SHOWS.items()},
            "writes": queries.writes(request.user),
            "now": timezone.now(),
        },
    )


@role_required(*queries.PEOPLE)
@require_http_methods(["GET", "POST"])
def field_new(request):
    area(request)
    if not queries.writes(request.user):
        return forbidden(request, "조회만 할 수 있습니다.")
    officials = list(queries.officials_for(request.user)[:2000])
    initial = {"official": getattr(request.user, "staff_id", None)}
    form = FieldVisitForm(request.POST or None, officials=officials, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        appointment = Appointment(
            official_id=data["official"],
            citizen_name=data["citizen_name"],
            citizen_phone=data["citizen_phone"],
            place=data["place"],
            purpose=data["purpose"],
            scheduled_at=form.scheduled_at,
        )
        with form_errors(form, aliases={"scheduled_at": "day"}):
            visit = services.field_visit_schedule(
                appointment=appointment, by=request.user, now=timezone.now()
            )
            return redirect("visits:field_detail", pk=visit.pk)
    return render(request, "visits/field_new.html", {"form": form}, status=400 if form.errors else 200)


@role_required(*queries.READERS)
def field_detail(request, pk: int):
    area(request)
    visit = queries.get_field_visit_for_user(request.user, pk)
    now = timezone.localtime()
    return render(
        request,
        "visits/field_detail.html",
        {
            "visit": visit,
            "citizen": mask_name(visit.citizen_name),
            "phone": mask_phone(visit.citizen_phone),
            "events": visit.events.select_related("actor").order_by("at", "id"),
            "writes": queries.writes(request.user),
            "result_form": VisitResultForm(
                initial={
                    "visited_at_day": now.date(),
                    "visited_at_clock": now.time().replace(second=0, microsecond=0),
                }
            ),
            "outcome_form": OutcomeForm(),
            "notice": visit.notice_message,
        },
    )


@require_POST
@role_required(*queries.PEOPLE)
@domain_errors(back="visits:field_detail")
def field_act(request, pk: int, action: str):
    visit = queries.get_field_visit_for_user(request.user, pk)
    if not queries.writes(request.user):
        return forbidden(request, "조회만 할 수 있습니다.")
    now = timezone.now()
    if action == "called":
        services.field_visit_called(visit=visit, at=now, by=request.user, now=now)
        messages.success(request, "전화로 사전 안내한 것을 기록했습니다.")
    elif action == "record":
        form = VisitResultForm(request.POST)
        if not form.is_valid():
            _form_error(form)
        d = form.cleaned_data
        visited_at = timezone.make_aware(datetime.combine(d["visited_at_day"], d["visited_at_clock"]))
        services.field_visit_record(
            visit=visit,
            visited_at=visited_at,
            result=d["result"],
            follow_up=d["follow_up"],
            by=request.user,
            now=now,
        )
        messages.success(request, "방문 결과를 기록했습니다.")
    elif action == "follow-up":
        form = OutcomeForm(request.POST)
        if not form.is_valid():
            _form_error(form)
        services.field_visit_follow_up_done(
            visit=visit, outcome=form.cleaned_data["outcome"], by=request.user, now=now
        )
        messages.success(request, "후속 처리 결과를 기록하고 고객께 문자로 알렸습니다.")
    elif action == "cancel":
        services.field_visit_cancel(visit=visit, by=request.user, now=now)
        messages.success(request, "방문을 취소했습니다.")
    else:
        raise NotFound("없는 처리입니다.")
    return redirect("visits:field_detail", pk=visit.pk)


def _form_error(form) -> NoReturn:
    """A refused form is said like a broken rule: its first error as a message."""
    field, errors = next(iter(form.errors.items()))
    label = form.fields[field].label if field in form.fields else ""
    raise DomainError("invalid", f"{label + ': ' if label else ''}{errors[0]}")
