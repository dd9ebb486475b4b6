"""A citizen follows a 친절·불친절 report: receipt number and the last 4 digits of the phone given."""

from __future__ import annotations

from django.shortcuts import render

from chinjeol.korean.pii import phone_last4

from .. import forms
from ..models import Report
from .http import throttled

NOT_FOUND = "접수번호와 전화번호 뒤 4자리가 맞는 신고가 없습니다. 전화번호를 적지 않고 신고하셨다면 조회할 수 없습니다."


def report_status(request):
    form = forms.ReportStatusForm(request.POST or None)
    report = None
    if request.method == "POST" and form.is_valid():
        if throttled(request, "report-status"):
            form.add_error(None, "조회가 너무 많습니다. 10분 뒤에 다시 시도해 주세요.")
        else:
            data = form.cleaned_data
            found = Report.objects.filter(receipt_no=data["receipt_no"]).first()
            if (
                found is None
                or not found.reporter_phone
                or phone_last4(found.reporter_phone) != data["phone_last4"]
            ):
                form.add_error(None, NOT_FOUND)
            else:
                report = found
    status = 400 if form.errors else 200
    return render(request, "community/report_status.html", {"form": form, "report": report}, status=status)
