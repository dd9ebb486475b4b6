"""Counsellor protection pages: incidents, one incident (support, evidence), the supervisor's exposure page,
and the console's 폭언 신고 button. Thin: parse, authorise, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chinjeol.core.access import forbidden, may_write, role_required
from chinjeol.core.pages import domain_errors

from . import queries, services
from .evidence import evidence_pdf
from .models import Incident, SupportRecord
from .permissions import EXPOSURE_READERS, READERS, REPORTERS, can_approve, can_see_support, sees_all


def _ctx(**extra) -> dict:
    return {"current_area": "callcenter", **extra}


@role_required(*READERS)
def incidents(request):
    items = list(queries.incidents_for(request.user)[:300])
    return render(request, "protection/incidents.html", _ctx(items=items, sees_all=sees_all(request.user)))


def _incident(request, pk: int) -> Incident:
    incident = queries.incident_for_user(request.user, pk)
    if incident is None:
        raise Http404
    return incident


# A refusal to approve is said on the incident's page, like any other.
@role_required(*READERS)
@require_http_methods(["GET", "POST"])
@domain_errors(back="protection:incident", pages=())
def incident(request, pk: int):
    item = _incident(request, pk)
    if request.method == "POST":
        if not may_write(request.user) or not can_approve(request.user, item):
            return forbidden(request, "상담사의 관리자(부서장) 또는 고객만족 담당관만 지원을 승인합니다.")
        now = timezone.now()
        if request.POST.get("action") == "close":
            services.incident_close(incident=item, by_user=request.user, now=now)
            messages.success(request, "조치를 마쳤습니다.")
        else:
            minutes = request.POST.get("minutes") or ""
            services.support_record(
                incident=item,
                kind=request.POST.get("kind", ""),
                by_user=request.user,
                minutes=int(minutes) if minutes.isdigit() else None,
                note=request.POST.get("note", ""),
                now=now,
            )
            messages.success(request, "지원을 기록했습니다. 기록은 해당 상담사와 고객만족 담당관만 봅니다.")
        return redirect("protection:incident", pk=pk)
    context = _ctx(
        incident=item,
        events=list(item.events.select_related("actor")),
        support=list(item.support.select_related("approved_by"))
        if can_see_support(request.user, item)
        else None,
        can_approve=may_write(request.user) and can_approve(request.user, item),
        kinds=SupportRecord.Kind.choices,
    )
    return render(request, "protection/incident.html", context)


@role_required(*READERS)
@require_GET
def evidence(request, pk: int):
    item = _incident(request, pk)
    chat = []
    if item.conversation_id:
        chat = [
            (m.at, m.get_author_display(), m.text, ", ".join(m.labels))
            for m in item.conversation.messages.all()
        ]
    pdf = evidence_pdf(item, messages=chat, generated_at=timezone.now())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="incident-{item.pk}-evidence.pdf"'
    return response


@role_required(*EXPOSURE_READERS)
@require_GET
def exposure(request):
    now = timezone.now()
    try:
        year = int(request.GET.get("year") or queries.this_year(now))
    except ValueError:
        year = queries.this_year(now)
    year = min(max(year, 2000), 2100)
    data = queries.exposure(request.user, year)
    flags = queries.flags_active() if sees_all(request.user) else None
    return render(request, "protection/exposure.html", _ctx(**data, flags=flags))


@role_required(*REPORTERS)
@require_POST
@domain_errors(back="contact:console")
def report_call(request):
    """The console's 폭언 신고 button on the current call."""
    if not may_write(request.user) or getattr(request.user, "staff", None) is None:
        return forbidden(request, "직원 계정만 폭언을 신고할 수 있습니다.")
    key = request.POST.get("call", "").strip()[:64]
    found = queries.call_number(key) if key else None
    record = request.POST.get("record", "")
    if record.isdigit():  # a call of the recent list, after it ended
        row = queries.recorded_call(request.user, int(record))
        key, found = (row[0], row[1:]) if row else ("", None)
    if found is None:
        messages.error(request, "신고할 통화를 찾을 수 없습니다.")
        return redirect("contact:console")
    number_hash, masked = found
    item = services.incident_report_call(
        call_key=key, number_hash=number_hash, number_masked=masked, staff=request.user.staff,
        category=request.POST.get("category", ""), note=request.POST.get("note", ""), now=timezone.now(),
    )  # fmt: skip
    messages.success(request, f"폭언을 신고했습니다 (사건 #{item.pk}). 관리자가 휴식·지원을 정합니다.")
    return redirect("contact:console")
