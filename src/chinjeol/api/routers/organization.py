from __future__ import annotations

from functools import partial

from ninja import Field, Query, Router, Schema

from chinjeol.core.access import has_role
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_email, mask_phone
from chinjeol.organization import queries

from ..pagination import PageNumbers, Rows, paginated
from ..types import QueryId

router = Router(tags=["조직"])


class DepartmentOut(Schema):
    id: int
    name: str
    parent_id: int | None
    kind: str
    kind_label: str
    is_active: bool
    staff_count: int


class DepartmentFilter(Schema):
    parent_id: QueryId | None = Field(None, description="상위 부서 ID")
    kind: str | None = Field(None, description="bureau(실·국), division(과), team(팀), office(기관·사업소)")
    q: str | None = Field(None, description="부서명 검색")
    active: bool | None = True


class StaffOut(Schema):
    id: int
    employee_no: str
    name: str
    department_id: int
    department: str
    position: str
    extension: str
    mobile: str = Field(description="휴대전화 (권한과 contact=full에 따라 가려짐)")
    email: str
    is_active: bool


class StaffFilter(Schema):
    department_id: QueryId | None = None
    q: str | None = Field(None, description="이름·사번·직위")
    active: bool | None = True
    contact: str = Field(
        "masked",
        pattern="^(masked|full)$",
        description="full: 연락처 전체 (고객만족 담당관·감사, 접속기록 남음)",
    )


def _require_member(request):
    if not has_role(request.auth, *Role):
        raise PermissionDenied("조직 정보를 볼 권한이 없습니다.")


def _department(d) -> DepartmentOut:
    return DepartmentOut(
        id=d.pk,
        name=d.name,
        parent_id=d.parent_id,
        kind=d.kind,
        kind_label=d.get_kind_display(),
        is_active=d.is_active,
        staff_count=d.active_staff,
    )


@router.get("/departments", response=list[DepartmentOut], summary="부서 목록")
@paginated(PageNumbers, size=50, max_size=500)
def list_departments(request, filters: Query[DepartmentFilter]):
    _require_member(request)
    departments = queries.department_list(
        parent_id=filters.parent_id, kind=filters.kind, q=filters.q, active=filters.active
    )
    return Rows(departments, _department)


def _staff(s, *, full: bool) -> StaffOut:
    return StaffOut(
        id=s.pk,
        employee_no=s.employee_no,
        name=s.name,
        department_id=s.department_id,
        department=s.department.name,
        position=s.position,
        extension=s.extension,
        mobile=s.mobile if full else mask_phone(s.mobile) if s.mobile else "",
        email=s.email if full else mask_email(s.email) if s.email else "",
        is_active=s.is_active,
    )


@router.get("/staff", response=list[StaffOut], summary="직원 목록")
@paginated(PageNumbers, size=50, max_size=500, pass_parameter="paging")
def list_staff(request, filters: Query[StaffFilter], **kwargs):
    _require_member(request)
    full = filters.contact == "full"
    if full and not has_role(request.auth, Role.CS_OFFICER, Role.AUDITOR):
        raise PermissionDenied("연락처 전체를 볼 권한이 없습니다. 고객만족 담당관과 감사만 볼 수 있습니다.")
    staff = queries.staff_search(
        q=filters.q or "", department_id=filters.department_id, active=filters.active
    )

    def log_full_contacts(rows: list) -> None:
        personal_access_log(
            request,
            action="api",
            subject_type="staff",
            subject_id="",
            count=len(rows),
            subject_label=f"직원 {len(rows)}명 (목록 {kwargs['paging'].page}쪽)",
            fields="휴대전화, 이메일",
        )

    return Rows(staff, partial(_staff, full=full), on_page=log_full_contacts if full else None)
