from __future__ import annotations

import contextlib
import io

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from chinjeol.core.access import has_role, role_required, scoped_department_ids
from chinjeol.core.models import User
from chinjeol.core.pages import form_errors
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role

from . import queries, services
from .forms import DirectoryFilterForm, OrgImportForm

ALL_ROLES = tuple(Role)


def _area(request):
    request.area = "admin"


@role_required(*ALL_ROLES)
def directory(request):
    _area(request)
    form = DirectoryFilterForm(request.GET or None)
    q, department = "", None
    if form.is_valid():
        q, department = form.cleaned_data["q"], form.cleaned_data["department"]
    staff = queries.staff_search(q=q, department_id=department.pk if department else None)
    page = Paginator(staff, 30).get_page(request.GET.get("page"))
    tree = queries.department_tree(list(queries.departments_with_counts().filter(is_active=True)))
    query = request.GET.copy()
    query.pop("page", None)
    template = "organization/_staff_table.html" if request.htmx else "organization/directory.html"
    return render(request, template, {"form": form, "page": page, "tree": tree, "query": query.urlencode()})


@role_required(*ALL_ROLES)
def staff_pick(request):
    """htmx: a few people matching ?q= (name, employee number, department) as radio choices named
    "staff", for forms that pick one person among hundreds. ?scope=register keeps a CS leader to the
    departments they register results for (external evaluators and the CS officer pick anyone)."""
    departments = None
    if request.GET.get("scope") == "register" and not has_role(request.user, Role.CS_OFFICER, Role.EVALUATOR):
        departments = scoped_department_ids(request.user, roles=frozenset({Role.CS_LEADER})) or set()
    q = request.GET.get("q", "")[:50]
    people = queries.staff_pick(q, departments=departments)
    return render(request, "organization/_staff_pick.html", {"people": people, "q": q})


@role_required(*ALL_ROLES)
def department_detail(request, pk: int):
    _area(request)
    department = queries.get_department_for_user(request.user, pk)
    members = queries.staff_search(department_id=department.pk)
    children = queries.departments_with_counts().filter(parent=department, is_active=True)
    ancestors = []
    node = department.parent
    while node is not None:
        ancestors.insert(0, node)
        node = node.parent
    return render(
        request,
        "organization/department.html",
        {"department": department, "members": members, "children": children, "ancestors": ancestors},
    )


@role_required(*ALL_ROLES)
def staff_detail(request, pk: int):
    _area(request)
    staff = queries.get_staff_for_user(request.user, pk)
    show_contact = queries.can_see_contact(request.user, staff)
    if show_contact and (staff.mobile or staff.email) and request.user.staff_id != staff.pk:
        personal_access_log(
            request,
            action="view",
            subject_type="staff",
            subject_id=str(staff.pk),
            subject_label=f"{staff.name} ({staff.employee_no})",
            fields="휴대전화, 이메일",
        )
    roles = []
    with contextlib.suppress(User.DoesNotExist):
        roles = list(staff.user.role_assignments.select_related("department"))
    return render(
        request, "organization/staff.html", {"staff": staff, "show_contact": show_contact, "roles": roles}
    )


@role_required(Role.CS_OFFICER)
def org_import(request):
    _area(request)
    result = None
    form = OrgImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with form_errors(form):
            result = services.org_import_file(
                filename=upload.name, data=upload.read(), dry_run=form.cleaned_data["dry_run"]
            )
    status = 200
    if request.method == "POST" and form.errors:
        status = 422  # the file itself was refused (size, type, encoding, empty, too many rows)
    elif result is not None and not result.plan.ok:
        status = 400
    return render(request, "organization/import.html", {"form": form, "result": result}, status=status)


@role_required(Role.CS_OFFICER)
def import_template(request):
    from openpyxl import Workbook

    from chinjeol.core.spreadsheet import xlsx_append

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "조직도"
    xlsx_append(sheet, ["부서", "상위부서", "사번", "이름", "직위", "내선", "휴대전화", "이메일", "역할"])
    xlsx_append(
        sheet,
        [
            "기획예산과",
            "기획경제국",
            "2019001",
            "홍길동",
            "주무관",
            "2101",
            "010-1234-5678",
            "hong@example.go.kr",
            "직원",
        ],
    )
    xlsx_append(
        sheet,
        [
            "기획예산과",
            "기획경제국",
            "2008002",
            "김영희",
            "과장",
            "2100",
            "010-2345-6789",
            "kim@example.go.kr",
            "부서장",
        ],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''org-template.xlsx"
    return response
