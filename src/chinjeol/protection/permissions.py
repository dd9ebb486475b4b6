"""Who sees and does what in counsellor protection.

Incidents: the counsellor concerned; the head and CS leader of the counsellor's department (and above); the CS
officer and the auditor. Support records (rest, counselling, legal support): only the counsellor concerned and
the CS officer. Approving support: the counsellor's department head (the supervisor) or the CS officer."""

from __future__ import annotations

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.roles import Role

READERS = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
EXPOSURE_READERS = (Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
REPORTERS = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)


def is_officer(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.CS_OFFICER))


def sees_all(user) -> bool:
    return is_officer(user) or has_role(user, Role.AUDITOR)


def supervised_departments(user) -> set[int]:
    return scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER})) or set()


def can_see(user, incident) -> bool:
    if sees_all(user):
        return True
    if incident.staff_id and incident.staff_id == getattr(user, "staff_id", None):
        return True
    return incident.department_id in supervised_departments(user)


def can_see_support(user, incident) -> bool:
    """Only the counsellor concerned and the CS officer."""
    if is_officer(user):
        return True
    return bool(incident.staff_id) and incident.staff_id == getattr(user, "staff_id", None)


def can_approve(user, incident) -> bool:
    if getattr(user, "staff", None) is None:
        return False
    if is_officer(user):
        return True
    heads = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD})) or set()
    return incident.department_id in heads
