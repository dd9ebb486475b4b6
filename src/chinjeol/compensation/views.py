from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from chinjeol.core.access import role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role

from . import queries, services
from .forms import HandOverForm, LedgerFilterForm


@role_required(*queries.READERS)
def ledger(request):
    request.area = "cases"
    form = LedgerFilterForm(request.GET or None)
    entries = queries.entries_for_user(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            entries = entries.filter(status=data["status"])
        if data["reason"]:
            entries = entries.filter(reason=data["reason"])
        if data["month"]:
            entries = entries.in_month(*data["month"])
    page = Paginator(entries, 30).get_page(request.GET.get("page"))
    shown = sum(1 for entry in page if entry.recipient_name)
    if shown:
        personal_access_log(
            request,
            action="view",
            subject_type="compensationentry",
            subject_label="보상 대장",
            fields="받는 분",
            count=shown,
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "compensation/ledger.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "hand_over_form": HandOverForm(
                initial={"on": timezone.localdate(), "handed_by": request.user.display_name}
            ),
        },
    )


@role_required(*queries.READERS)
def report(request):
    request.area = "cases"
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    rows = queries.monthly_report(queries.entries_for_user(request.user), year)
    totals = {k: sum(r[k] for r in rows) for k in rows[0] if k != "month"}
    return render(request, "compensation/report.html", {"year": year, "rows": rows, "totals": totals})


def _back(request) -> str:
    """Back to the ledger page the form was on; never to another site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None, require_https=False):
        return target
    return reverse("compensation:ledger")


@require_POST
@role_required(Role.CS_OFFICER)
def approve(request, pk: int):
    try:
        services.compensation_approve(
            entry_id=pk,
            by=request.user,
            now=timezone.now(),
            approve=request.POST.get("decision") != "reject",
            note=request.POST.get("note", ""),
        )
        messages.success(request, "처리했습니다.")
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(_back(request))


@require_POST
@role_required(Role.CS_OFFICER)
def hand_over(request, pk: int):
    form = HandOverForm(request.POST)
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        messages.error(request, f"지급 기록을 저장하지 못했습니다: {first}")
    else:
        try:
            services.compensation_hand_over(
                entry_id=pk,
                by=request.user,
                on=form.cleaned_data["on"],
                handed_by=form.cleaned_data["handed_by"],
                today=timezone.localdate(),
            )
            messages.success(request, "지급 완료로 기록했습니다.")
        except DomainError as error:
            messages.error(request, error.message)
    return redirect(_back(request))
