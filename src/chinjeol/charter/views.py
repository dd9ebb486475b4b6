from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.cases.queries import cases_for_user
from chinjeol.core.access import role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role
from chinjeol.organization.models import Agency

from . import compliance, pdf, queries, services
from .forms import CalendarDayForm, PublishForm, StandardReviseForm
from .models import CalendarDay, ComplianceReport, ServiceStandard

READERS = tuple(Role)
COMPLIANCE_READERS = (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)


def _area(request, area="reports"):
    request.area = area


def _period(request) -> Period:
    today = timezone.localdate()
    try:
        return Period.parse(request.GET.get("period", ""))
    except ValueError:
        return Period.containing(today, "half")


@role_required(*READERS)
def charter(request):
    _area(request, "cases")
    standards = ServiceStandard.objects.prefetch_related("versions__created_by")
    return render(
        request,
        "charter/charter.html",
        {
            "standards": standards,
            "form": StandardReviseForm(
                initial={"valid_from": timezone.localtime().replace(second=0, microsecond=0)}
            ),
            "can_edit": request.user.has_perm("charter.change_servicestandard") and _is_officer(request.user),
        },
    )


def _is_officer(user) -> bool:
    from chinjeol.core.access import has_role

    return has_role(user, Role.CS_OFFICER)


@require_POST
@role_required(Role.CS_OFFICER)
def standard_revise(request, code: str):
    form = StandardReviseForm(request.POST)
    if form.is_valid():
        try:
            version = services.standard_revise(
                code=code,
                target=form.cleaned_data["target"],
                valid_from=form.cleaned_data["valid_from"],
                note=form.cleaned_data["note"],
                by=request.user,
                now=timezone.now(),
            )
            messages.success(request, f"{version.standard.name}: {version.version}판을 만들었습니다.")
        except DomainError as error:
            messages.error(request, error.message)
    else:
        field, errors = next(iter(form.errors.items()))
        messages.error(request, f"{form.fields[field].label}: {errors[0]}")
    return redirect("charter:charter")


@role_required(*READERS)
def calendar(request):
    _area(request, "cases")
    year = int(request.GET.get("year") or timezone.localdate().year)
    cal = queries.calendar_for()
    holidays = sorted((d, n) for d, n in cal.holiday_names.items() if d.year == year)
    form = CalendarDayForm()
    if request.method == "POST":
        if not _is_officer(request.user):
            return render(
                request, "core/forbidden.html", {"message": "고객만족 담당관만 바꿀 수 있습니다."}, status=403
            )
        form = CalendarDayForm(request.POST)
        if form.is_valid():
            try:
                services.calendar_day_add(
                    day=form.cleaned_data["date"],
                    kind=form.cleaned_data["kind"],
                    name=form.cleaned_data["name"],
                )
                messages.success(request, "기관 달력에 추가했습니다.")
                return redirect(f"{request.path}?year={year}")
            except DomainError as error:
                error.add_to_form(form)
    return render(
        request,
        "charter/calendar.html",
        {
            "year": year,
            "holidays": holidays,
            "days": CalendarDay.objects.filter(date__year=year),
            "form": form,
            "can_edit": _is_officer(request.user),
        },
    )


@require_POST
@role_required(Role.CS_OFFICER)
def calendar_remove(request, pk: int):
    services.calendar_day_remove(day_id=pk)
    messages.success(request, "기관 달력에서 뺐습니다.")
    return redirect("charter:calendar")


@role_required(*COMPLIANCE_READERS)
def compliance_page(request):
    _area(request)
    period = _period(request)
    now = timezone.now()
    cases = cases_for_user(request.user)
    standard = request.GET.get("standard") or None
    standards = compliance.by_standard(cases, period, now)
    departments = compliance.by_department(cases, period, now, standard)
    total_judged = sum(r.judged for r in standards)
    total_met = sum(r.met for r in standards)
    return render(
        request,
        "charter/compliance.html",
        {
            "period": period,
            "standards": standards,
            "departments": departments,
            "standard": standard,
            "total": compliance.Row(None, "전체", total_judged, total_met),
            "periods": _period_choices(),
            "publish_form": PublishForm(initial={"period": str(period) if period.kind == "half" else ""}),
            "reports": ComplianceReport.objects.all()[:10],
            "is_officer": _is_officer(request.user),
        },
    )


def _period_choices() -> list[Period]:
    today = timezone.localdate()
    half = Period.containing(today, "half")
    month = Period.containing(today, "month")
    out = [half, half.previous(), half.previous().previous(), Period.containing(today, "year")]
    m = month
    for _ in range(6):
        out.append(m)
        m = m.previous()
    return out


@role_required(*COMPLIANCE_READERS)
def compliance_cases(request):
    _area(request)
    period = _period(request)
    cases = compliance.drill_down(
        cases_for_user(request.user).select_related("department", "assignee"),
        period,
        timezone.now(),
        department=request.GET.get("department") or None,
        standard=request.GET.get("standard") or None,
        result=request.GET.get("result") or None,
    )
    page = Paginator(cases, 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "charter/compliance_cases.html",
        {"period": period, "page": page, "query": query.urlencode(), "result": request.GET.get("result", "")},
    )


@require_POST
@role_required(Role.CS_OFFICER)
def report_publish(request):
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            period = Period.parse(form.cleaned_data["period"])
            report = services.report_publish(
                period=period,
                improvements=form.cleaned_data["improvements"],
                cases=cases_for_user(request.user),
                by=request.user,
                now=timezone.now(),
            )
            messages.success(request, f"{period.label_ko} 헌장 이행 보고서를 공개했습니다.")
            return redirect("charter:report", period=report.period)
        except ValueError as error:
            messages.error(request, str(error))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        field, errors = next(iter(form.errors.items()))
        messages.error(request, f"{form.fields[field].label}: {errors[0]}")
    return redirect("charter:compliance")


def report(request, period: str):
    """Public page: no login, printable."""
    report = get_object_or_404(ComplianceReport, period=period)
    return render(request, "charter/report.html", {"report": report, "snap": report.snapshot})


def report_list(request):
    return render(request, "charter/report_list.html", {"reports": ComplianceReport.objects.all()})


def report_download(request, period: str):
    report = get_object_or_404(ComplianceReport, period=period)
    agency = Agency.current()
    data = pdf.report_pdf(report, agency.name if agency else "")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename=charter-report-{report.period}.pdf"
    return response
