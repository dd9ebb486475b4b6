"""Stakeholder meetings (간담회): the log behind the charter's yearly count."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from chinjeol.core.access import forbidden, has_role, may_write, role_required
from chinjeol.core.pages import form_errors

from .. import queries, services
from ..forms import MeetingForm
from ..services.meetings import MeetingRecord
from .http import area


@role_required(*queries.READERS)
@require_http_methods(["GET", "POST"])
def meetings(request):
    area(request)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = today.year
    year = min(max(year, 2000), 2100)
    writes = has_role(request.user, *queries.MEETING_WRITERS) and may_write(request.user)
    departments = list(queries.departments())
    staff = getattr(request.user, "staff", None)
    form = MeetingForm(
        request.POST or None,
        departments=departments,
        initial={"held_on": today, "department": staff.department_id if staff else None},
    )
    if request.method == "POST":
        if not writes:
            return forbidden(request, "간담회는 고객만족 담당관·부서장·CS리더가 기록합니다.")
        if form.is_valid():
            d = form.cleaned_data
            record = MeetingRecord(
                held_on=d["held_on"], group=d["group"], title=d["title"], attendees=d["attendees"],
                minutes=d["minutes"], opinions=d["opinions"], department_id=d["department"],
            )  # fmt: skip
            with form_errors(form):
                services.meeting_log(record=record, by=request.user, now=timezone.now())
                messages.success(request, "간담회를 기록했습니다.")
                return redirect(f"{request.path}?year={d['held_on'].year}")
    items = list(queries.meetings_of_year(year))
    return render(
        request,
        "visits/meetings.html",
        {
            "items": items,
            "year": year,
            "years": list(range(today.year, today.year - 5, -1)),
            "form": form if writes else None,
            "target": queries.meeting_target(),
        },
        status=400 if form.errors else 200,
    )
