from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from chinjeol.core import exports
from chinjeol.core.access import has_role, role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.pages import domain_errors
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
        entries = queries.ledger_filtered(entries, form.cleaned_data)
    rows: list[list] = []

    def read_rows() -> list[list]:
        rows.extend(queries.ledger_rows(exports.limit(entries)))
        return rows

    download = exports.download(
        request,
        name=f"compensation-{timezone.localdate():%Y%m%d}",
        title="보상 대장",
        headers=queries.LEDGER_HEADERS,
        rows=read_rows,
        personal=lambda: exports.PersonalData(
            "compensationentry", "보상 대장 내려받기", "받는 분", sum(1 for r in rows if r[3])
        ),
    )
    if download is not None:
        return download
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
            "may_approve": has_role(request.user, Role.CS_OFFICER),
            "pending_on_page": sum(1 for entry in page if entry.status == entry.Status.PENDING),
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
    keys = ["total", "amount", "deadline", "unkind", "pending", "approved", "handed", "rejected"]
    download = exports.download(
        request,
        name=f"compensation-report-{year}",
        title=f"{year}년 보상 월별 보고",
        headers=[
            "월",
            "발생",
            "금액(원)",
            "기한 경과",
            "불친절",
            "승인 대기",
            "승인",
            "지급 완료",
            "지급 안 함",
        ],
        rows=[[f"{year}년 {r['month']}월", *(r[k] for k in keys)] for r in rows]
        + [["합계", *(totals[k] for k in keys)]],
    )
    if download is not None:
        return download
    return render(request, "compensation/report.html", {"year": year, "rows": rows, "totals": totals})


def _back(request, **_) -> str:
    """Back to the ledger page the form was on; never to another site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None, require_https=False):
        return target
    return reverse("compensation:ledger")


# A missing entry is said on the ledger the form was on, like any other refusal.
@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back=_back, pages=())
def approve(request, pk: int):
    services.compensation_approve(
        entry_id=pk,
        by=request.user,
        now=timezone.now(),
        approve=request.POST.get("decision") != "reject",
        note=request.POST.get("note", ""),
    )
    messages.success(request, "처리했습니다.")
    return redirect(_back(request))


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back=_back, pages=())
def hand_over(request, pk: int):
    form = HandOverForm(request.POST)
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        messages.error(request, f"지급 기록을 저장하지 못했습니다: {first}")
        return redirect(_back(request))
    services.compensation_hand_over(
        entry_id=pk,
        by=request.user,
        on=form.cleaned_data["on"],
        handed_by=form.cleaned_data["handed_by"],
        today=timezone.localdate(),
    )
    messages.success(request, "지급 완료로 기록했습니다.")
    return redirect(_back(request))


@require_POST
@role_required(Role.CS_OFFICER)
def approve_many(request):
    """일괄 승인: every ticked entry that waits, in one go (all or none)."""
    try:
        ids = [int(value) for value in request.POST.getlist("entry")]
    except ValueError:
        ids = []
    if not ids:
        messages.error(request, "승인할 보상을 하나 이상 고르세요.")
        return redirect(_back(request))
    try:
        count = services.compensation_approve_many(entry_ids=ids, by=request.user, now=timezone.now())
    except DomainError as error:  # the message says that nothing at all was approved
        messages.error(request, f"아무것도 승인하지 않았습니다: {error.message}")
    else:
        messages.success(request, f"{count:,}건을 승인했습니다.")
    return redirect(_back(request))
