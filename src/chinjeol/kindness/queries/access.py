"""Who may see whose kindness results: oneself, CS leaders and heads within their departments, and the
CS officer and auditor everywhere."""

from __future__ import annotations

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.organization.models import Department, Staff

BOARD_ROLES = frozenset({Role.DEPT_HEAD, Role.CS_LEADER})
ORG_ROLES = (Role.CS_OFFICER, Role.AUDITOR)
# Roles that see live department rankings (staff see the published ones).
RANKING_ROLES = (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)


def board_scope(user) -> set[int] | None:
    """Departments whose members' individual results the user may see: None = all."""
    if has_role(user, *ORG_ROLES):
        return None
    return scoped_department_ids(user, roles=BOARD_ROLES)


def can_view_staff(user, staff: Staff) -> bool:
    if getattr(user, "staff_id", None) == staff.pk:
        return True
    scope = board_scope(user)
    return scope is None or staff.department_id in scope


def get_staff_for_user(user, staff_id: int) -> Staff:
    staff = Staff.objects.select_related("department").filter(pk=staff_id).first()
    if staff is None:
        raise NotFound("직원을 찾을 수 없습니다.")
    if not can_view_staff(user, staff):
        raise PermissionDenied(
            "이 직원의 친절 점수를 볼 권한이 없습니다. 본인과 담당 부서 직원의 점수만 볼 수 있습니다."
        )
    return staff


def get_department_for_user(user, department_id: int) -> Department:
    department = Department.objects.filter(pk=department_id).first()
    if department is None:
        raise NotFound("부서를 찾을 수 없습니다.")
    scope = board_scope(user)
    if scope is not None and department.pk not in scope:
        raise PermissionDenied("담당 부서의 친절 현황만 볼 수 있습니다.")
    return department
