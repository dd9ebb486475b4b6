from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core import exports
from chinjeol.core.access import role_required
from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.privacy import request_ip
from chinjeol.core.roles import Role
from chinjeol.korean.pii import phone_last4
from chinjeol.notify.kinds import kind_choices
from chinjeol.notify.models import Message

from . import answer_templates, forms, links, listing, queries, rules, services, throttle, workflow
from .contact import case_contact_for
from .models import Case

PUBLIC_LIMIT = 5
PUBLIC_WINDOW = timedelta(minutes=10)


def _area(request):
    request.area = "cases"


@role_required(*queries.CASE_ROLES)
def queue(request):
    _area(request)
    now = timezone.now()
    default = "mine" if request.user.staff_id else "all"
    name = request.GET.get("queue", default)
    if name not in queries.QUEUES:
        name = default
    cases = queries.queue(request.user, name, now)
    q = request.GET.get("q", "").strip()
    if q:
        cases = queries.search(cases, q)
    form = listing.CaseFilterForm(request.GET or None, user=request.user)
    if form.is_valid():
        cases = listing.filtered(cases, form.cleaned_data)
    sort = listing.sort_key(request.GET.get("sort", ""))
    if sort:
        cases = listing.sorted_cases(cases, sort)
    today = timezone.localdate()
    rows = listing.ExportRows(request.user, exports.limit(cases), today)
    download = exports.download(
        request,
        name=f"cases-{name}-{today:%Y%m%d}",
        title=f"민원 목록 ({queries.QUEUES[name]})",
        headers=listing.HEADERS,
        rows=rows,
        personal=rows.personal,
    )
    if download is not None:
        return download
    if name in ("overdue", "due_soon") and not sort:
        cases = queries.DeadlineQueue(cases)
    page = Paginator(cases, 25).get_page(request.GET.get("page"))
    for case in page:
        case.elapsed_days = listing.elapsed(case, today)
    query = request.GET.copy()
    query.pop("page", None)
    unsorted = query.copy()
    unsorted.pop("sort", None)
    return render(
        request,
        "cases/queue.html",
        {
            "page": page,
            "queue": name,
            "queues": queries.QUEUES,
            "counts": listing.tab_counts(request.user, now, name, page.paginator.count),
            "now": now,
            "q": q,
            "form": form,
            "sort": sort or "",
            "query": query.urlencode(),
            "unsorted": unsorted.urlencode(),
            "filtered": any(request.GET.get(k) for k in ("q", *form.fields)),
        },
    )


@role_required(*queries.CASE_ROLES)
def detail(request, pk: int):
    _area(request)
    case = queries.get_case_for_user(request.user, pk)
    customer = case_contact_for(request, case, user=request.user, action="view")
    primary, others = _steps(request.user, case)
    context = {
        "case": case,
        "now": timezone.now(),
        "events": case.events.select_related("actor", "actor__staff"),
        "messages_sent": queries.case_notices(case),
        "show_contact": customer.full,
        "customer": customer.as_dict(),
        "primary_step": primary,
        "other_steps": others,
        "step_labels": STEP_LABELS,
        "answer_templates": answer_templates.for_case(case) if "close" in (primary, *others) else [],
        "assign_form": forms.AssignForm(department=case.department),
        "transfer_form": forms.TransferForm(),
        "interim_form": forms.InterimForm(initial={"expected_at": case.due_at + timedelta(days=7)}),
        "extend_form": forms.ExtendForm(),
        "close_form": forms.CloseForm(),
        "withdraw_form": forms.WithdrawForm(),
    }
    context["notes"] = links.notes_for(case, request.user)
    return render(request, "cases/detail.html", context)


STEP_LABELS = {"assign": "배정", "start": "처리 시작", "close": "답변", "interim": "중간통지", "extend": "연장",
               "transfer": "이송", "withdraw": "취하"}  # fmt: skip
STEP_ORDER = ("assign", "start", "close", "interim", "extend", "transfer", "withdraw")


def _steps(user, case) -> tuple[str | None, list[str]]:
    """The case's next step as the page's one primary action (if the user may take it), and the user's
    other steps for 더보기; nothing on a finished case."""
    if not case.is_open:
        return None, []
    allowed = workflow.steps_of(user, case)
    if not (case.assignee_id and case.status == Case.Status.ASSIGNED):
        allowed -= {"start"}
    following = rules.next_step(case.status, assigned=bool(case.assignee_id))
    primary = following if following in allowed else None
    return primary, [step for step in STEP_ORDER if step in allowed and step != primary]


def _step_data(action: str, data: dict) -> dict:
    """The form's cleaned data in the workflow's plain terms (ids, texts, numbers)."""
    if action == "assign":
        return {"staff_id": data["staff"].pk}
    if action == "transfer":
        department = data["department"]
        return {
            "reason": data["reason"],
            "department_id": department.pk if department else None,
            "agency": data["agency"],
        }
    if action == "extend":
        return {"days": data["days"], "reason": data["reason"], "customer_consent": data["consent"]}
    return data


STEP_FORMS = {
    "assign": forms.AssignForm,
    "start": None,
    "transfer": forms.TransferForm,
    "interim": forms.InterimForm,
    "extend": forms.ExtendForm,
    "close": forms.CloseForm,
    "withdraw": forms.WithdrawForm,
}


@require_POST
@role_required(*queries.HANDLER_ROLES)
@domain_errors(back="cases:detail")
def act(request, pk: int, action: str):
    if action not in STEP_FORMS:
        raise NotFound("알 수 없는 처리입니다.")
    case = queries.get_case_for_user(request.user, pk)
    if not workflow.may_take(request.user, case, action):
        raise PermissionDenied("이 민원을 처리할 권한이 없습니다.")
    form_class = STEP_FORMS[action]
    data = {}
    if form_class is not None:
        form = form_class(request.POST, **({"department": None} if form_class is forms.AssignForm else {}))
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label + ': ' if label else ''}{errors[0]}")
            return redirect("cases:detail", pk=pk)
        data = _step_data(action, form.cleaned_data)
    workflow.case_step(user=request.user, case_id=pk, step=action, data=data, now=timezone.now())
    messages.success(request, workflow.DONE[action])
    return redirect("cases:detail", pk=pk)


@role_required(*queries.HANDLER_ROLES)
def staff_new(request):
    _area(request)
    form = forms.StaffCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        intake = services.CaseIntake(
            channel=data["channel"],
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            customer_name=data["name"],
            customer_phone=data["phone"],
            customer_email=data["email"],
            department_id=data["department"].pk if data["department"] else None,
            statutory_service_id=data["statutory_service"].pk if data.get("statutory_service") else None,
        )
        with form_errors(form):
            case = _register_staff_case(request, intake, data["answer"])
            messages.success(request, f"접수했습니다: {case.receipt_no}")
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/staff_new.html", {"form": form})


def _register_staff_case(request, intake, answer: str):
    from django.db import transaction

    now = timezone.now()
    with transaction.atomic():
        case = services.case_register(intake=intake, by=request.user, now=now)
        if answer.strip():
            if request.user.staff_id is None:
                raise DomainError("handler", "바로 완료하려면 직원 계정이어야 합니다.", field="answer")
            services.case_assign(case_id=case.pk, staff_id=request.user.staff_id, by=request.user, now=now)
            case = services.case_close(
                case_id=case.pk, answer=answer, by=request.user, now=now, first_contact=True
            )
    return case


def _throttled(request, scope: str) -> bool:
    key = f"{scope}:{request_ip(request) or 'unknown'}"
    return not throttle.hit(key, limit=PUBLIC_LIMIT, window=PUBLIC_WINDOW, now=timezone.now())


def citizen_new(request):
    """The public complaint form (no account)."""
    form = forms.CitizenCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:  # honeypot filled by a robot
            return render(request, "cases/citizen_done.html", {"case": None})
        if _throttled(request, "case-form"):
            form.add_error(None, "짧은 시간에 너무 많이 접수하셨습니다. 10분 뒤에 다시 시도해 주세요.")
        else:
            intake = services.CaseIntake(
                channel=Case.Channel.WEB,
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                customer_name=data["name"],
                customer_phone=data["phone"],
                customer_email=data["email"],
            )
            with form_errors(form, aliases={"customer.phone": "phone"}):
                case = services.case_register(intake=intake, by=None, now=timezone.now())
                return render(request, "cases/citizen_done.html", {"case": case})
    return render(request, "cases/citizen_new.html", {"form": form}, status=400 if form.errors else 200)


def citizen_status(request):
    """Receipt number + the last 4 digits of the phone show the status and the answer."""
    form = forms.StatusLookupForm(request.POST or None)
    case = None
    if request.method == "POST" and form.is_valid():
        if _throttled(request, "case-status"):
            form.add_error(None, "조회가 너무 많습니다. 10분 뒤에 다시 시도해 주세요.")
        else:
            data = form.cleaned_data
            found = (
                Case.objects.select_related("department", "assignee")
                .filter(receipt_no=data["receipt_no"])
                .first()
            )
            if found is None or phone_last4(found.customer_phone) != data["phone_last4"]:
                form.add_error(None, "접수번호와 전화번호 뒤 4자리가 맞는 민원이 없습니다.")
            else:
                case = found
    context = {
        "form": form,
        "case": case,
        "handler": services.handler_of(case) if case else None,
        "offers": links.citizen_notes_for(case) if case else [],
        "events": case.events.exclude(kind="note") if case else [],
    }
    return render(request, "cases/citizen_status.html", context)


@role_required(Role.CS_OFFICER, Role.AUDITOR)
def message_log(request):
    _area(request)
    messages_qs = Message.objects.all()
    kind = request.GET.get("kind", "")
    if kind:
        messages_qs = messages_qs.filter(kind=kind)
    page = Paginator(messages_qs, 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/messages.html",
        {
            "page": page,
            "kind": kind,
            "kinds": kind_choices(),
            "query": query.urlencode(),
        },
    )
