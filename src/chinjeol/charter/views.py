"""Charter administration [C1] pages: thin — parse, authorise, call, render. The compliance pages [C10] are
the reports app's (`chinjeol.reports.compliance.views`)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import forbidden, has_role, role_required
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.roles import Role

from . import queries, services, statutory
from .calendar import format_date_ko
from .forms import CalendarDayForm, StandardReviseForm, StatutoryChangeForm, StatutoryServiceForm
from .models import CalendarDay, ServiceStandard, StatutoryService

READERS = tuple(Role)
OFFICER_ONLY = "고객만족 담당관만 바꿀 수 있습니다. 다른 역할은 읽기만 할 수 있습니다."


def _area(request, area: str = "charter") -> None:
    request.area = area


def _is_officer(user) -> bool:
    return has_role(user, Role.CS_OFFICER)


# --- the charter --------------------------------------------------------------------------------
@role_required(*READERS)
def charter(request):
    _area(request)
    now = timezone.now()
    rows = []
    for standard in ServiceStandard.objects.prefetch_related("versions"):
        versions = sorted(standard.versions.all(), key=lambda v: (v.valid_from, v.version), reverse=True)
        current = next((v for v in versions if v.valid_from <= now), None)
        upcoming = sorted((v for v in versions if v.valid_from > now), key=lambda v: v.valid_from)
        rows.append({"standard": standard, "current": current, "upcoming": upcoming, "count": len(versions)})
    return render(request, "charter/charter.html", {"rows": rows, "can_edit": _is_officer(request.user)})


@role_required(*READERS)
def standard_detail(request, code: str):
    _area(request)
    standard = get_object_or_404(ServiceStandard, code=code)
    can_edit = _is_officer(request.user)
    form = StandardReviseForm()
    status = 200
    if request.method == "POST":
        if not can_edit:
            return forbidden(request, OFFICER_ONLY)
        form = StandardReviseForm(request.POST)
        if form.is_valid():
            now = timezone.now()
            with form_errors(form):
                version = services.standard_revise(
                    code=standard.code,
                    target=form.cleaned_data["target"],
                    valid_from=form.cleaned_data["valid_from"] or now,
                    note=form.cleaned_data["note"],
                    by=request.user,
                    now=now,
                )
                messages.success(
                    request,
                    f"{version.version}판({version.target_label})을 만들었습니다. "
                    "지난 판과 그 판으로 판정한 민원은 그대로 남습니다.",
                )
                return redirect("charter:standard", code=standard.code)
        status = 400
    now = timezone.now()
    versions = list(standard.versions.select_related("created_by").order_by("-valid_from", "-version"))
    current = next((v for v in versions if v.valid_from <= now), None)
    return render(
        request,
        "charter/standard.html",
        {
            "standard": standard,
            "versions": versions,
            "current": current,
            "now": now,
            "form": form,
            "can_edit": can_edit,
        },
        status=status,
    )


# --- the agency calendar ------------------------------------------------------------------------
def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    return min(max(year, 2015), 2035)


WEEKDAYS = "월화수목금토일"


@role_required(*READERS)
def calendar(request):
    _area(request)
    year = _year(request)
    can_edit = _is_officer(request.user)
    form = CalendarDayForm()
    status = 200
    if request.method == "POST":
        if not can_edit:
            return forbidden(request, OFFICER_ONLY)
        form = CalendarDayForm(request.POST)
        if form.is_valid():
            with form_errors(form):
                day = services.calendar_day_add(
                    day=form.cleaned_data["date"],
                    kind=form.cleaned_data["kind"],
                    name=form.cleaned_data["name"],
                )
                messages.success(
                    request,
                    f"{format_date_ko(day.date)} {day.name}({day.get_kind_display()})을 기관 달력에 넣었습니다.",
                )
                return redirect(f"{reverse('charter:calendar')}?year={day.date.year}")
        status = 400
    law = queries.law_calendar_for()  # public holidays, with the temporary ones entered here
    public = sorted((d, n) for d, n in law.holiday_names.items() if d.year == year)
    holidays = [{"date": d, "weekday": WEEKDAYS[d.weekday()], "name": n} for d, n in public]
    days = [
        {"day": d, "weekday": WEEKDAYS[d.date.weekday()]} for d in CalendarDay.objects.filter(date__year=year)
    ]
    return render(
        request,
        "charter/calendar.html",
        {"year": year, "holidays": holidays, "days": days, "form": form, "can_edit": can_edit},
        status=status,
    )


@require_POST
@role_required(Role.CS_OFFICER)
def calendar_remove(request, pk: int):
    day = get_object_or_404(CalendarDay, pk=pk)
    services.calendar_day_remove(day_id=day.pk)
    messages.success(request, f"{format_date_ko(day.date)} {day.name}을 기관 달력에서 뺐습니다.")
    return redirect(f"{reverse('charter:calendar')}?year={day.date.year}")


# --- 민원처리기준표 --------------------------------------------------------------------------------
@role_required(*READERS)
def statutory_list(request):
    _area(request)
    can_edit = _is_officer(request.user)
    form = StatutoryServiceForm()
    status = 200
    if request.method == "POST":
        if not can_edit:
            return forbidden(request, OFFICER_ONLY)
        form = StatutoryServiceForm(request.POST)
        if form.is_valid():
            with form_errors(form):
                service = statutory.statutory_service_add(**form.cleaned_data)
                messages.success(
                    request, f"{service.name}({service.period_label})을 민원처리기준표에 넣었습니다."
                )
                return redirect("charter:statutory")
        status = 400
    services_ = list(StatutoryService.objects.order_by("-is_active", "name"))
    rows = [
        {"service": s, "form": StatutoryChangeForm.for_service(s) if can_edit else None} for s in services_
    ]
    return render(
        request,
        "charter/statutory.html",
        {"rows": rows, "form": form, "can_edit": can_edit},
        status=status,
    )


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="charter:statutory", pages=())
def statutory_change(request, pk: int):
    service = get_object_or_404(StatutoryService, pk=pk)
    form = StatutoryChangeForm.for_service(service, request.POST)
    if form.is_valid():
        service = statutory.statutory_service_change(service_id=service.pk, **form.cleaned_data)
        state = "사용" if service.is_active else "사용 안 함"
        messages.success(request, f"{service.name}: 처리기간 {service.period_label}, {state}으로 바꿨습니다.")
    else:
        field, errors = next(iter(form.errors.items()))
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {errors[0]}" if label else errors[0])
    return redirect("charter:statutory")
