"""Who reads and who edits the knowledge base."""

from __future__ import annotations

from chinjeol.core.access import can_manage_department, has_role
from chinjeol.core.roles import Role

READERS = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
EDITORS = (Role.CS_OFFICER, Role.CS_LEADER, Role.DEPT_HEAD)
OFFICE = (Role.CS_OFFICER,)


def can_read(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, *READERS))


def can_edit(user, department_id: int | None) -> bool:
    """CS officer everywhere; a department's CS leader or head for the articles their department owns."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or has_role(user, Role.CS_OFFICER):
        return True
    if department_id is None or not has_role(user, Role.CS_LEADER, Role.DEPT_HEAD):
        return False
    return can_manage_department(user, department_id)


def can_create(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, *EDITORS))


def is_office(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, *OFFICE))
