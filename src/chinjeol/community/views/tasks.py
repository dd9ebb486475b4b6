"""내 할 일: apology calls for department heads, encouragements for directors, prevention measures."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core import exports
from chinjeol.core.access import has_role, role_required
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.pages import domain_errors
from chinjeol.core.privacy import personal_access_log
from chinjeol.korean.pii import mask_name, mask_phone

from .. import exports as community_exports
from .. import forms, queries, services
from ..models import Task
from ..services import org
from .http import area, flash_form_error


@role_required(*queries.TASK_ROLES)
def my_tasks(request):
    area(request)
    tasks = queries.my_tasks(request.user)
    return render(
        request,
        "community/tasks.html",
        {
            "open_tasks": list(tasks.open().order_by("due_at", "id")),
            "done_tasks": list(tasks.done().order_by("-done_at", "-id")[:20]),
            "now": timezone.now(),
            "overview": has_role(request.user, *queries.REPORT_READERS),
        },
    )


@role_required(*queries.REPORT_READERS)
def all_tasks(request):
    area(request)
    tasks = queries.tasks_for_user(request.user)
    kind = request.GET.get("kind", "")
    if kind in Task.Kind.values:
        tasks = tasks.filter(kind=kind)
    status = request.GET.get("status", "open")
    now = timezone.now()
    if status == "overdue":
        tasks = tasks.overdue(now)
    elif status in Task.Status.values:
        tasks = tasks.filter(status=status)
    tasks = tasks.order_by("status", "due_at", "id")
    download = exports.download(
        request,
        name=f"tasks-{status}",
        title="할 일 현황",
        headers=community_exports.TASK_HEADERS,
        rows=lambda: community_exports.task_rows(exports.limit(tasks)),
    )
    if download is not None:
        return download
    page = Paginator(tasks, 30).get_page(request.GET.get("page"))
    heads = org.heads_of({t.assignee_department_id for t in page if t.assignee_department_id})
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "community/tasks_all.html",
        {
            "page": page,
            "kind": kind,
            "status": status,
            "kinds": Task.Kind.choices,
            "now": now,
            "heads": heads,
            "query": query.urlencode(),
        },
    )


@role_required(*queries.TASK_ROLES)
def task_detail(request, pk: int):
    area(request)
    task = queries.get_task_for_user(request.user, pk)
    can_complete = task.is_open and queries.can_complete_task(request.user, task)
    reporter = None
    if task.report_id and task.kind == Task.Kind.APOLOGY_CALL:
        report = task.report
        full = queries.can_see_reporter_contact(request.user, task) or has_role(
            request.user, *queries.REPORT_READERS
        )
        reporter = {
            "name": report.reporter_name if full else mask_name(report.reporter_name),
            "phone": report.reporter_phone if full else mask_phone(report.reporter_phone),
        }
        if full and report.reporter_phone:
            personal_access_log(
                request,
                action="view",
                subject_type="kindness_reporter",
                subject_id=str(report.pk),
                subject_label=f"{report.receipt_no} 신고인 {mask_name(report.reporter_name)}",
                fields="이름, 전화",
            )
    form_class = forms.ApologyOutcomeForm if task.kind == Task.Kind.APOLOGY_CALL else forms.TaskOutcomeForm
    heads = org.heads_of([task.assignee_department_id]) if task.assignee_department_id else {}
    return render(
        request,
        "community/task_detail.html",
        {
            "task": task,
            "can_complete": can_complete,
            "reporter": reporter,
            "form": form_class(initial={"called_at": timezone.localtime().replace(second=0, microsecond=0)}),
            "heads": heads.get(task.assignee_department_id, []),
            "officials": queries.report_officials(task.report) if task.report_id else [],
            "prevention": getattr(task.report, "prevention", None) if task.report_id else None,
            "now": timezone.now(),
        },
    )


@require_POST
@role_required(*queries.TASK_ROLES)
@domain_errors(back="community:task_detail")
def task_complete(request, pk: int):
    task = queries.get_task_for_user(request.user, pk)
    if not queries.can_complete_task(request.user, task):
        raise PermissionDenied("이 할 일의 담당자만 결과를 기록할 수 있습니다.")
    form_class = forms.ApologyOutcomeForm if task.kind == Task.Kind.APOLOGY_CALL else forms.TaskOutcomeForm
    form = form_class(request.POST)
    if not form.is_valid():
        flash_form_error(request, form)
        return redirect("community:task_detail", pk=pk)
    data = form.cleaned_data
    services.task_complete(
        task_id=task.pk,
        by=request.user,
        now=timezone.now(),
        outcome=data["outcome"],
        called_at=data.get("called_at"),
        reached=data.get("reached"),
    )
    messages.success(request, "결과를 기록하고 완료했습니다.")
    return redirect("community:task_detail", pk=pk)
