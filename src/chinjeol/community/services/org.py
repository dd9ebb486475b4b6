"""What the community services need to know about the organisation: who answers for an official,
who heads a department, which account belongs to a person."""

from __future__ import annotations

from chinjeol.core.models import RoleAssignment, User
from chinjeol.core.roles import Role
from chinjeol.organization.models import Department, Staff

from .. import rules


def tree() -> tuple[dict[int, int | None], dict[int, str]]:
    """(department → parent, department → kind) for the whole organisation (one query)."""
    parents: dict[int, int | None] = {}
    kinds: dict[int, str] = {}
    for pk, parent_id, kind in Department.objects.values_list("id", "parent_id", "kind"):
        parents[pk] = parent_id
        kinds[pk] = kind
    return parents, kinds


def responsible_department(staff: Staff, shape=None) -> Department:
    parents, kinds = shape or tree()
    department_id = rules.responsible_department_id(staff.department_id, parents, kinds)
    if department_id == staff.department_id:
        return staff.department
    return Department.objects.get(pk=department_id)


def director_department(staff: Staff, shape=None) -> Department:
    parents, kinds = shape or tree()
    return Department.objects.get(pk=rules.director_department_id(staff.department_id, parents, kinds))


def account_of(staff: Staff) -> User | None:
    """The staff member's active login, if they have one."""
    return User.objects.filter(staff=staff, is_active=True).first()


def heads_of(department_ids) -> dict[int, list[User]]:
    """Department → the users who hold the department-head role for it (directly)."""
    out: dict[int, list[User]] = {}
    rows = (
        RoleAssignment.objects.filter(
            role=Role.DEPT_HEAD, department_id__in=list(department_ids), user__is_active=True
        )
        .select_related("user", "user__staff")
        .order_by("department_id", "user_id")
    )
    for row in rows:
        if row.department_id is not None:
            out.setdefault(row.department_id, []).append(row.user)
    return out
