"""The call-centre pages: counsellor console, call-backs, wallboard, 333 dashboard, unmapped extensions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from chinjeol.core import exports
from chinjeol.core.access import has_role, role_required
from chinjeol.core.pages import domain_errors
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role

from .. import console_queries, queries, services
from ..agents import agent_rows
from ..conf import contact_settings
from ..models import CallbackObligation, CallRecord

OFFICE = (Role.CS_OFFICER, Role.AUDITOR)


def _ctx(request, **extra) -> dict:
    return {"current_area": "callcenter", **extra}


def _today(now: datetime) -> date:
    return now.astimezone(contact_settings().tz).date()


def _writes(request) -> bool:
    user = request.user
    return has_role(user, *queries.WRITERS) and not (
        has_role(user, Role.AUDITOR) and not has_role(user, Role.CS_OFFICER)
    )


# A call or call-back that is gone or not one's own is said on the console, like any other refusal.
@role_required(*queries.READERS)
@require_http_methods(["GET", "POST"])
@domain_errors(pages=())
def console(request):
    """The counsellor's console: the current call, the caller's history, actions on a call."""
    staff = request.user.staff
    scope = queries.scope_of(request.user)
    now = timezone.now()
    if request.method == "POST" and _writes(request):
        call_id = int(request.POST.get("call") or 0)
        action = request.POST.get("action")
        if action == "resolved":
            services.call_mark_resolved(call_id=call_id, staff=staff)
            messages.success(request, "첫 통화에서 해결한 통화로 표시했습니다.")
        elif action == "callback":
            call = queries.calls_for(scope).filter(pk=call_id).first()
            outcome = request.POST.get("outcome", "")
            services.callback_create(call=call, staff=staff, now=now, outcome=outcome)
            messages.success(request, "콜백을 만들었습니다. 콜백 목록에서 기한을 확인하세요.")
        elif action == "case":
            receipt = request.POST.get("receipt_no", "")
            services.call_link_case(call_id=call_id, receipt_no=receipt, staff=staff)
            messages.success(request, "통화에 민원을 연결했습니다.")
        return redirect(request.get_full_path())
    from .conversations import open_count

    data = _console_data(request, scope, now)
    return render(request, "contact/console.html", _ctx(request, open_chats=open_count(request.user), **data))


def _console_data(request, scope, now) -> dict:
    staff = request.user.staff
    extension = staff.extension if staff else ""
    current = console_queries.current_call(extension, now)
    number_hash = current["number_hash"] if current else ""
    pick = request.GET.get("call")
    if pick and pick.isdigit():
        chosen = queries.calls_for(scope).filter(pk=int(pick)).first()
        if chosen is not None:
            number_hash = chosen.number_hash
    history = console_queries.caller_history(number_hash, scope)
    if history:
        personal_access_log(
            request,
            action="view",
            subject_type="caller_history",
            subject_id=number_hash[:12],
            subject_label=f"통화 이력 {history[0].number_masked}",
            fields="통화 이력(가린 번호)",
            count=len(history),
        )
    recent = list(
        queries.calls_for(scope)
        .filter(staff=staff, direction=CallRecord.Direction.INBOUND)
        .select_related("case")
        .order_by("-started_at")[:15]
    ) if staff else []  # fmt: skip
    from chinjeol.protection.console import console_extras

    return {"current": current, "history": history, "recent": recent, "extension": extension,
            "writes": _writes(request), "now": now, **console_extras(current)}  # fmt: skip


@role_required(*queries.READERS)
def console_live(request):
    """The console's current-call panel, refreshed by htmx."""
    scope = queries.scope_of(request.user)
    return render(request, "contact/_console_current.html", _console_data(request, scope, timezone.now()))


CALLBACK_HEADERS = [
    "회신 기한",
    "부재 중 전화 종료",
    "번호(가림)",
    "사유",
    "담당",
    "부서",
    "상태",
    "회신 시각",
    "결과·메모",
]


def _callback_row(ob) -> list:
    return [
        ob.due_at, ob.missed_at, ob.number_masked, ob.get_reason_display(), ob.staff.name if ob.staff else "",
        ob.department.name if ob.department else "", ob.get_status_display(), ob.done_at, ob.outcome,
    ]  # fmt: skip


@role_required(*queries.READERS)
@require_http_methods(["GET", "POST"])
@domain_errors(pages=())
def callbacks(request):
    """Call-backs owed to callers (masked numbers only, also in the download)."""
    scope = queries.scope_of(request.user)
    now = timezone.now()
    if request.method == "POST" and _writes(request):
        ob_id = int(request.POST.get("callback") or 0)
        if not queries.callbacks_for(scope).filter(pk=ob_id).exists():
            messages.error(request, "콜백을 찾을 수 없습니다.")
        else:
            services.callback_done(
                obligation_id=ob_id,
                staff=request.user.staff,
                at=now,
                now=now,
                outcome=request.POST.get("outcome", ""),
            )
            messages.success(request, "회신을 기록했습니다.")
        return redirect(request.get_full_path())
    show = request.GET.get("show", "open")
    qs = queries.callbacks_for(scope).select_related("staff", "department", "done_by")
    if show == "open":
        qs = qs.filter(status=CallbackObligation.Status.OPEN).order_by("due_at")
    else:
        qs = qs.exclude(status=CallbackObligation.Status.OPEN).order_by("-due_at")
    download = exports.download(
        request,
        name=f"callbacks-{show}-{timezone.localdate():%Y%m%d}",
        title="남은 콜백" if show == "open" else "완료한 콜백",
        headers=CALLBACK_HEADERS,
        rows=lambda: [_callback_row(ob) for ob in exports.limit(qs)],
    )
    if download is not None:
        return download
    items = list(qs[:300])
    for ob in items:
        ob.overdue = ob.status == CallbackObligation.Status.OPEN and ob.due_at < now
    return render(
        request, "contact/callbacks.html", _ctx(request, items=items, show=show, writes=_writes(request))
    )


@role_required(*queries.READERS)
def wallboard(request):
    scope = queries.scope_of(request.user)
    return render(
        request, "contact/wallboard.html", _ctx(request, board=queries.wallboard(timezone.now(), scope))
    )


@role_required(*queries.READERS)
def wallboard_live(request):
    scope = queries.scope_of(request.user)
    return render(
        request, "contact/_wallboard_tiles.html", {"board": queries.wallboard(timezone.now(), scope)}
    )


def _month_bounds(request, now) -> tuple[date, date, str]:
    text = request.GET.get("month") or ""
    try:
        year, month = (int(x) for x in text.split("-"))
        first = date(year, month, 1)
    except ValueError:
        first = _today(now).replace(day=1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, last, f"{first.year}-{first.month:02d}"


@role_required(*queries.READERS)
def dashboard_333(request):
    """333: answered before the 3rd ring, talk within 3 minutes, the customer hangs up first."""
    scope = queries.scope_of(request.user)
    first, last, month = _month_bounds(request, timezone.now())
    people = queries.metrics(scope, date_from=first, date_to=last, group_by="staff")
    departments = queries.metrics(scope, date_from=first, date_to=last, group_by="department")
    agents = agent_rows(scope, date_from=first, date_to=last, now=timezone.now())
    return render(
        request,
        "contact/dashboard_333.html",
        _ctx(
            request,
            people=people,
            departments=departments,
            agents=agents,
            month=month,
            first=first,
            limit=_limit(),
        ),
    )


def _limit() -> int:
    from .. import rules

    return rules.standard_limit_s(cadence_s=contact_settings().cadence_s)


@role_required(*OFFICE)
@require_http_methods(["GET", "POST"])
def extensions(request):
    """Extensions that received or made calls but belong to no one, for the CS officer to map."""
    if request.method == "POST" and has_role(request.user, Role.CS_OFFICER):
        changed = services.extensions_remap()
        messages.success(request, f"직원 내선 정보로 통화 {changed:,}건을 다시 연결했습니다.")
        return redirect("contact:extensions")
    return render(
        request,
        "contact/extensions.html",
        _ctx(request, rows=queries.unmapped_extensions(), can_remap=has_role(request.user, Role.CS_OFFICER)),
    )
