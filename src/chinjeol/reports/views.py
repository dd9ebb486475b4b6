"""Published reports: public pages (no login), printable, and a PDF; publishing by the CS officer."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.charter import pdf
from chinjeol.core import exports
from chinjeol.core.access import role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.roles import Role

from . import services
from .forms import PublishForm
from .models import ComplianceReport


def publish_context(request) -> dict:
    """The publishing form and the published reports, for the compliance page of the CS officer."""
    return {
        "publish_form": PublishForm(now=timezone.now(), auto_id="publish_%s"),
        "published": ComplianceReport.objects.published().only("period", "published_at")[:6],
    }


def charter_list(request):
    """Public: every published half-year report."""
    reports = ComplianceReport.objects.published().only("period", "published_at", "snapshot")
    download = exports.download(
        request,
        name="charter-reports",
        title="서비스헌장 이행 점검 결과",
        headers=["반기", "판정(건)", "이행(건)", "미이행(건)", "이행률(%)", "공개일"],
        rows=lambda: [_report_row(r) for r in exports.limit(reports)],
    )
    if download is not None:
        return download
    return render(request, "charter/report_list.html", {"reports": reports})


def _report_row(report: ComplianceReport) -> list:
    total = report.snapshot.get("total", {})
    rate = total.get("rate")
    return [
        report.snapshot.get("label", report.period),
        total.get("judged"),
        total.get("met"),
        total.get("missed"),
        round(float(rate), 1) if rate is not None else None,
        timezone.localdate(report.published_at),
    ]


def charter_report(request, period: str):
    """Public: one published report, printable."""
    report = get_object_or_404(ComplianceReport, period=period)
    return render(request, "charter/report.html", {"report": report, "snap": report.snapshot})


def charter_report_pdf(request, period: str):
    report = get_object_or_404(ComplianceReport, period=period)
    response = HttpResponse(pdf.report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="charter-report-{report.period}.pdf"'
    return response


@require_POST
@role_required(Role.CS_OFFICER)
def charter_publish(request):
    now = timezone.now()
    form = PublishForm(request.POST, now=now)
    back = reverse("reports:compliance")
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"보고서를 공개하지 못했습니다. {label}: {errors[0]}")
        return redirect(back)
    period = form.cleaned_data["period"]
    try:
        report = services.charter_report_publish(
            period=period, improvements=form.cleaned_data["improvements"], by=request.user, now=now
        )
    except DomainError as error:
        messages.error(request, f"보고서를 공개하지 못했습니다. {error.message}")
        return redirect(f"{back}?period={period}")
    messages.success(
        request,
        f"{period.label_ko} 서비스헌장 이행 점검 결과를 공개했습니다. 누리집 주소: {request.build_absolute_uri(reverse('reports:charter_report', args=[report.period]))}",
    )
    return redirect("reports:charter_report", period=report.period)
