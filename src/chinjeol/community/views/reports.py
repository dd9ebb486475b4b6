"""친절·불친절 신고센터: the public form, the CS officer's investigation, reports from 민원 cases."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.compensation.models import CompensationEntry
from chinjeol.core import exports
from chinjeol.core.access import has_role, role_required
from chinjeol.core.errors import DomainError, NotFound
from chinjeol.core.pages import domain_error_page, form_errors
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_name, mask_phone

from .. import exports as community_exports
from .. import forms, queries, services
from ..models import Evidence, Report
from ..services.consequences import SOURCE_TYPE
from .http import area, flash_form_error, throttled

SESSION_RECEIPT = "community_report_receipt"
INTAKE_ALIASES = {"reporter.name": "reporter_name", "reporter.phone": "reporter_phone"}


def report_new(request):
    """The public report form (no account)."""
    form = forms.ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:  # honeypot filled by a robot: look accepted, store nothing
            request.session[SESSION_RECEIPT] = {"receipt_no": "", "kind": data["kind"]}
            return redirect("community:report_done")
        if throttled(request, "report"):
            form.add_error(None, "짧은 시간에 너무 많이 신고하셨습니다. 10분 뒤에 다시 시도해 주세요.")
        else:
            intake = services.ReportIntake(
                kind=data["kind"],
                body=data["body"],
                reporter_name=data["reporter_name"],
                reporter_phone=data["reporter_phone"],
                official_name=data["official_name"],
                department_text=data["department_text"],
                department_id=data["department"].pk if data["department"] else None,
                occurred_on=data["occurred_on"],
                occurred_time=data["occurred_time"],
                consent=data["consent"],
            )
            with form_errors(form, aliases=INTAKE_ALIASES):
                report = services.report_receive(intake=intake, now=timezone.now())
                request.session[SESSION_RECEIPT] = {"receipt_no": report.receipt_no, "kind": report.kind}
                return redirect("community:report_done")
    return render(request, "community/report_new.html", {"form": form}, status=400 if form.errors else 200)


def report_done(request):
    receipt = request.session.get(SESSION_RECEIPT)
    if not receipt:
        return redirect("community:report_new")
    return render(request, "community/report_done.html", {"receipt": receipt})


@role_required(*queries.REPORT_READERS)
def report_list(request):
    area(request)
    reports = queries.reports_for_user(request.user).prefetch_related("officials")
    status = request.GET.get("status", "")
    if status in Report.Status.values:
        reports = reports.filter(status=status)
    kind = request.GET.get("kind", "")
    if kind in Report.Kind.values:
        reports = reports.filter(kind=kind)
    q = request.GET.get("q", "").strip()
    if q:
        reports = reports.filter(
            Q(receipt_no=q)
            | Q(official_name__contains=q)
            | Q(department_text__contains=q)
            | Q(officials__name=q)
        ).distinct()
    contacts = community_exports.ContactRows(
        request.user, "kindness_reporter", "친절·불친절 신고 목록 내려받기"
    )
    download = exports.download(
        request,
        name="kindness-reports",
        title="친절·불친절 신고 목록",
        headers=community_exports.REPORT_HEADERS,
        rows=lambda: community_exports.report_rows(
            exports.limit(reports.select_related("department")), contacts
        ),
        personal=contacts.personal,
    )
    if download is not None:
        return download
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "community/report_list.html",
        {
            "page": page,
            "status": status,
            "kind": kind,
            "q": q,
            "statuses": Report.Status.choices,
            "kinds": Report.Kind.choices,
            "counts": queries.report_counts(),
            "query": query.urlencode(),
        },
    )


@role_required(*queries.REPORT_READERS)
def report_detail(request, pk: int):
    area(request)
    report = queries.get_report_for_user(request.user, pk)
    if report.reporter_phone:
        personal_access_log(
            request,
            action="view",
            subject_type="kindness_reporter",
            subject_id=str(report.pk),
            subject_label=f"{report.receipt_no} 신고인 {mask_name(report.reporter_name)}",
            fields="이름, 전화",
        )
    can_manage = has_role(request.user, *queries.MODERATORS)
    today = timezone.localdate()
    substantiate_form = (
        forms.UnkindSubstantiateForm if report.kind == Report.Kind.UNKIND else forms.SubstantiateForm
    )(initial={"due_on": today + timedelta(days=30)})
    context = {
        "report": report,
        "officials": queries.report_officials(report),
        "evidence": report.evidence.select_related("added_by", "added_by__staff"),
        "events": report.events.select_related("actor", "actor__staff"),
        "tasks": report.tasks.select_related("assignee_department", "assignee_user", "assignee_user__staff"),
        "prevention": getattr(report, "prevention", None),
        "compensations": CompensationEntry.objects.filter(source_type=SOURCE_TYPE, source_id=str(report.pk))
        .select_related("staff")
        .order_by("id"),
        "best_case": getattr(report, "best_case", None),
        "can_manage": can_manage,
        "evidence_form": forms.EvidenceForm(),
        "official_form": forms.OfficialForm(),
        "substantiate_form": substantiate_form,
        "unsubstantiate_form": forms.UnsubstantiateForm(),
        "publish_form": forms.BestCaseFromReportForm(
            initial={"title": f"시민이 칭찬한 {report.official_name or '직원'} 이야기", "body": report.body}
        ),
    }
    return render(request, "community/report_detail.html", context)


def _run(action: str, report: Report, request):
    """One investigation step; returns the success message."""
    by, now = request.user, timezone.now()
    if action == "investigate":
        services.report_investigate(report_id=report.pk, by=by, now=now)
        return "조사를 시작했습니다."
    if action == "evidence":
        form = forms.EvidenceForm(request.POST, request.FILES)
        if not form.is_valid():
            raise _FormError(form)
        services.report_evidence_add(
            report_id=report.pk,
            by=by,
            now=now,
            note=form.cleaned_data["note"],
            upload=form.cleaned_data["file"],
        )
        return "증거를 추가했습니다."
    if action == "official_add":
        form = forms.OfficialForm(request.POST)
        if not form.is_valid():
            raise _FormError(form)
        services.report_official_add(
            report_id=report.pk, staff_id=form.cleaned_data["staff"].pk, by=by, now=now
        )
        return f"{form.cleaned_data['staff'].name} 직원을 관련 직원으로 지정했습니다."
    if action == "official_remove":
        staff_id = request.POST.get("staff", "")
        services.report_official_remove(
            report_id=report.pk, staff_id=int(staff_id) if staff_id.isdigit() else 0, by=by, now=now
        )
        return "관련 직원에서 뺐습니다."
    if action == "substantiate":
        form_class = (
            forms.UnkindSubstantiateForm if report.kind == Report.Kind.UNKIND else forms.SubstantiateForm
        )
        form = form_class(request.POST)
        if not form.is_valid():
            raise _FormError(form)
        data = form.cleaned_data
        prevention = None
        if report.kind == Report.Kind.UNKIND:
            prevention = services.PreventionInput(
                measure=data["measure"], responsible_id=data["responsible"].pk, due_on=data["due_on"]
            )
        services.report_substantiate(
            report_id=report.pk, finding=data["finding"], prevention=prevention, by=by, now=now
        )
        if report.kind == Report.Kind.UNKIND:
            return "불친절 신고를 인정했습니다. 마일리지 감점, 부서 감점, 사과 전화, 재발 방지 조치와 보상이 기록되었습니다."
        return "칭찬 신고를 인정했습니다. 칭찬 마일리지가 반영되었고 고객만족방에 게시할 수 있습니다."
    if action == "unsubstantiate":
        form = forms.UnsubstantiateForm(request.POST)
        if not form.is_valid():
            raise _FormError(form)
        services.report_unsubstantiate(
            report_id=report.pk, finding=form.cleaned_data["finding"], by=by, now=now
        )
        return "불인정으로 종결했습니다."
    if action == "publish":
        form = forms.BestCaseFromReportForm(request.POST)
        if not form.is_valid():
            raise _FormError(form)
        services.best_case_from_report(
            report_id=report.pk,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            by=by,
            now=now,
        )
        return "고객만족방에 게시했습니다."
    raise NotFound("알 수 없는 처리입니다.")


class _FormError(Exception):
    def __init__(self, form):
        super().__init__("form")
        self.form = form


@require_POST
@role_required(*queries.MODERATORS)
def report_act(request, pk: int, action: str):
    try:
        report = queries.get_report_for_user(request.user, pk)
        messages.success(request, _run(action, report, request))
    except _FormError as invalid:
        flash_form_error(request, invalid.form)
    except DomainError as error:
        if error.status == 404 and action not in ("official_remove",):
            return domain_error_page(request, error)
        messages.error(request, error.message)
    return redirect("community:report_detail", pk=pk)


@role_required(*queries.REPORT_READERS)
def evidence_file(request, pk: int, evidence_id: int):
    report = queries.get_report_for_user(request.user, pk)
    evidence = Evidence.objects.filter(report=report, pk=evidence_id).exclude(file="").first()
    if evidence is None:
        raise NotFound("첨부 파일을 찾을 수 없습니다.")
    return FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name or "evidence"
    )


@role_required(Role.CS_OFFICER)
def report_from_case(request, case_id: int):
    """Open a report from a 민원 case of kind praise or unkind."""
    from chinjeol.cases import queries as case_queries

    area(request)
    case = case_queries.get_case_for_user(request.user, case_id)
    existing = Report.objects.filter(case=case).first()
    form = forms.FromCaseForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            report = services.report_from_case(
                case_id=case.pk,
                by=request.user,
                now=timezone.now(),
                official_name=form.cleaned_data["official_name"],
                department_text=form.cleaned_data["department_text"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"신고센터에 등록했습니다: {report.receipt_no}")
            return redirect("community:report_detail", pk=report.pk)
    return render(
        request,
        "community/report_from_case.html",
        {
            "case": case,
            "form": form,
            "existing": existing,
            "eligible": case.kind in ("praise", "unkind"),
            "customer": {"name": mask_name(case.customer_name), "phone": mask_phone(case.customer_phone)},
        },
    )
