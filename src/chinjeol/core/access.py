"""Who may see and do what: the only place that answers role and scope questions."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from . import rules
from .roles import ORG_WIDE_READERS, READ_ONLY_ROLES, SCOPED_ROLES, Role

READ_ONLY_MESSAGE = "감사 역할은 조회만 할 수 있습니다. 등록·수정·처리는 할 수 없습니다."


def roles_of(user) -> dict[Role, set[int | None]]:
    """Role → set of department ids it is scoped to (None in the set = agency-wide)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, "_chinjeol_roles", None)
    if cached is not None:
        return cached
    result: dict[Role, set[int | None]] = {}
    for role, department_id in user.role_assignments.values_list("role", "department_id"):
        result.setdefault(Role(role), set()).add(department_id)
    if user.staff_id and user.staff.is_active:
        result.setdefault(Role.STAFF, set()).add(user.staff.department_id)
    read_only = READ_ONLY_ROLES & result.keys()
    if read_only:  # a reader's other roles would let it write: it keeps only what it reads through
        result = {role: result[role] for role in read_only}
    user._chinjeol_roles = result
    return result


def has_role(user, *roles: Role) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    mine = roles_of(user)
    return any(role in mine for role in roles)


# POST operations that change nothing (they read a text and answer about it): open to read-only accounts too.
READING_POSTS = frozenset({"/api/v1/text/check"})


def may_write(user) -> bool:
    """The one answer to "may this signed-in account change anything?": every active account except one
    holding a read-only role (the auditor). Pages, the API and the back office all ask this."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return not (READ_ONLY_ROLES & roles_of(user).keys())


def primary_role(user) -> Role | None:
    """The role whose home page a user lands on, the broadest first."""
    if getattr(user, "is_superuser", False):
        return Role.CS_OFFICER
    mine = roles_of(user)
    for role in (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER, Role.EVALUATOR, Role.STAFF):
        if role in mine:
            return role
    return None


# The department tree (department id → parent id) is the organisation's: it registers its reader in its
# `AppConfig.ready()`. Until then no department has any below it, so a scoped role reaches nothing.
_department_parents: Callable[[], dict[int, int | None]] = dict


def register_department_parents(reader: Callable[[], dict[int, int | None]]) -> None:
    global _department_parents
    _department_parents = reader


def department_parent_map() -> dict[int, int | None]:
    return _department_parents()


def scoped_department_ids(user, roles=SCOPED_ROLES) -> set[int] | None:
    """Departments the user may act on through `roles`: None means every department
    (CS officer, auditor, superuser); an empty set means none."""
    if getattr(user, "is_superuser", False) or any(
        r in roles_of(user) for r in ORG_WIDE_READERS if r in roles
    ):
        return None
    mine = roles_of(user)
    roots = {d for role in roles if role in mine for d in mine[role] if d is not None}
    if not roots:
        return set()
    cached = getattr(user, "_chinjeol_scope_cache", {})
    key = frozenset(roots)
    if key not in cached:
        cached[key] = rules.subtree_ids(roots, department_parent_map())
        user._chinjeol_scope_cache = cached
    return cached[key]


def can_manage_department(user, department_id: int) -> bool:
    scope = scoped_department_ids(user, roles=SCOPED_ROLES | {Role.CS_OFFICER})
    return scope is None or department_id in scope


def forbidden(request, message: str = "이 화면을 볼 권한이 없습니다."):
    return render(request, "core/forbidden.html", {"message": message}, status=403)


def role_required(*roles: Role) -> Callable:
    """View decorator: login required, then one of the roles (superusers pass)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if roles and not has_role(request.user, *roles):
                return forbidden(request)
            return view(request, *args, **kwargs)

        wrapper.required_roles = roles
        return wrapper

    return decorator
