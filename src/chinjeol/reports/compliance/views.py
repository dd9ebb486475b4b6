"""The charter compliance pages [C10] (in the 서비스헌장 area): the figures by standard and department, the
items behind a figure, and clearing the stored tallies. Thin — parse, authorise, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.charter.compliance.rules import BASIS_LABELS, Basis
from chinjeol.core import exports
from chinjeol.core.access import forbidden, has_role, role_required
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role

from ..forms import ComplianceFilterForm, period_options
from . import export as compliance_export
from . import queries as compliance
from .tallies import enabled as tallies_enabled
from .tallies import tallies_reset


def _area(request) -> None:
    request.area = "charter"


def _is_officer(user) -> bool:
    return has_role(user, Role.CS_OFFICER)


def _filters(request) -> ComplianceFilterForm:
    default = Period.containing(timezone.localdate(), "half")
    form = ComplianceFilterForm(request.GET, standards=compliance.standard_choices(), default=default)
    form.is_valid()
    return form


def _chosen(form: ComplianceFilterForm) -> tuple[Period, str | None]:
    data = getattr(form, "cleaned_data", {})
    period = data.get("period") if isinstance(data.get("period"), Period) else form.default
    return period, data.get("standard") or None


def _publish_context(request) -> dict:
    if not (_is_officer(request.user) and tallies_enabled()):
        return {}
    from chinjeol.reports.views import publish_context

    return publish_context(request)


@role_required(*compliance.READERS)
def compliance_page(request):
    _area(request)
    form = _filters(request)
    period, standard = _chosen(form)
    scope = compliance.scope_of(request.user)
    now = timezone.now()
    summary = compliance.summary(period, now, departments=scope, standard=standard)
    download = exports.download(
        request,
        name=f"compliance-{period}",
        title=f"헌장 이행 부서별 {period.label_ko}",
        headers=compliance_export.DEPARTMENT_HEADERS,
        rows=lambda: compliance_export.department_rows(summary),
        sheets=[compliance_export.standard_sheet(summary)],
    )
    if download is not None:
        return download
    return render(
        request,
        "reports/compliance.html",
        {
            "form": form,
            "summary": summary,
            "period": period,
            "standard": standard,
            "periods": period_options(timezone.localdate()),
            "scope_note": compliance.scope_note(scope),
            "legal_label": BASIS_LABELS[Basis.LEGAL],
            "legal_key": compliance.LEGAL,
            "is_officer": _is_officer(request.user),
            "provided": standard in compliance.DRILL_DOWNS,
            **_publish_context(request),
        },
    )


RESULTS = {"met": "이행", "missed": "미이행"}


@role_required(*compliance.READERS)
def compliance_cases(request):
    _area(request)
    form = _filters(request)
    period, standard = _chosen(form)
    scope = compliance.scope_of(request.user)
    try:
        department = int(request.GET["department"]) if request.GET.get("department", "") != "" else None
    except ValueError:
        raise Http404 from None
    if department and scope is not None and department not in scope:
        return forbidden(request, "담당 부서(와 하위 부서)의 민원만 볼 수 있습니다.")
    result = request.GET.get("result") if request.GET.get("result") in RESULTS else None
    now = timezone.now()
    provided = compliance.provided_drill_down(
        standard, period, now, departments=scope, department=department, result=result
    )
    if provided is not None:
        items = provided.items
    else:
        items = compliance.drill_down(
            period, now, departments=scope, department=department, standard=standard, result=result
        )
        download = exports.download(
            request,
            name=f"compliance-cases-{period}",
            title=f"헌장 이행 점검 민원 {period.label_ko}",
            headers=compliance_export.CASE_HEADERS,
            rows=lambda: compliance_export.case_rows(exports.limit(items)),
        )
        if download is not None:
            return download
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    standard_label = dict(compliance.standard_choices()).get(standard, "") if standard else ""
    return render(
        request,
        provided.template if provided is not None else "reports/compliance_cases.html",
        {
            "period": period,
            "noun": provided.noun if provided is not None else "민원",
            "page": page,
            "query": query.urlencode(),
            "result": result,
            "result_label": RESULTS.get(result, ""),
            "department_name": compliance.department_name(department),
            "standard_label": standard_label,
            "standard": standard,
            "legal_label": BASIS_LABELS[Basis.LEGAL],
            "now": now,
        },
    )


@require_POST
@role_required(Role.CS_OFFICER)
def compliance_recount(request):
    tallies_reset()
    messages.success(request, "저장한 집계를 지웠습니다. 다음 조회 때 민원 자료에서 다시 셉니다.")
    try:
        period = Period.parse(request.POST.get("period", ""))
    except ValueError:
        return redirect("reports:compliance")
    return redirect(f"{reverse('reports:compliance')}?period={period}")
