"""Small helpers that make one thing each; no global fixture world."""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

from chinjeol.core.models import RoleAssignment, User
from chinjeol.core.roles import Role
from chinjeol.organization.models import Department, Staff

PASSWORD = "test-password-2026"
_seq = itertools.count(1)


def make_department(name: str | None = None, *, parent: Department | None = None, **extra) -> Department:
    n = next(_seq)
    return Department.objects.create(name=name or f"시험{n}과", parent=parent, sort_order=n, **extra)


def make_staff(*, department: Department | None = None, name: str = "홍길동", **extra) -> Staff:
    n = next(_seq)
    values = {
        "employee_no": f"T{n:06d}",
        "position": "주무관(7급)",
        "extension": str(3000 + n),
        "mobile": f"010-{1000 + n:04d}-{5678:04d}",
        "email": f"t{n}@example.go.kr",
    }
    values.update(extra)
    return Staff.objects.create(name=name, department=department or make_department(), **values)


def make_user(
    username: str | None = None,
    *,
    staff: Staff | None = None,
    roles: tuple[Role, ...] = (),
    department: Department | None = None,
    password: str = PASSWORD,
) -> User:
    user = User(username=username or f"user{next(_seq)}", staff=staff)
    user.set_password(password)
    user.save()
    for role in roles:
        scoped = role in (Role.CS_LEADER, Role.DEPT_HEAD)
        RoleAssignment.objects.create(
            user=user,
            role=role,
            department=(department or (staff.department if staff else None)) if scoped else None,
        )
    return user


def make_member(
    username: str, *, department: Department, roles: tuple[Role, ...] = (), name: str = "홍길동"
) -> User:
    return make_user(
        username, staff=make_staff(department=department, name=name), roles=roles, department=department
    )


KST = ZoneInfo("Asia/Seoul")


def at(y, mo, d, h=10, mi=0):
    """An Asia/Seoul moment."""
    return datetime(y, mo, d, h, mi, tzinfo=KST)
