"""Reads of the organisation shared by pages, the API and reports; access checks live here."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.memo import register_clear, ttl_cached
from chinjeol.core.roles import CONTACT_READERS, Role

from .models import Department, Staff

# Who may list the organisation: everyone signed in reads the public directory (name,
# department, position, extension) — as on any agency's staff directory page.
DIRECTORY_ROLES = tuple(Role)


@ttl_cached(30)
def active_department_names() -> dict[int, str]:
    """Department id → name of the active departments (read on every case intake)."""
    return dict(Department.objects.filter(is_active=True).values_list("id", "name"))


register_clear(active_department_names.cache_clear)


def department_parents() -> dict[int, int | None]:
    """Department id → its parent's id, every department (what `core.access` walks for a role's scope)."""
    return dict(Department.objects.values_list("id", "parent_id"))


def departments_with_counts() -> QuerySet[Department]:
    return Department.objects.annotate(
        active_staff=Count("staff", filter=Q(staff__is_active=True))
    ).select_related("parent")


def department_list(
    *, parent_id: int | None = None, kind: str | None = None, q: str | None = None, active: bool | None = True
) -> QuerySet[Department]:
    """Departments with their active staff counts, narrowed by the given filters, in the directory's order."""
    qs = departments_with_counts().order_by("sort_order", "name")
    if parent_id is not None:
        qs = qs.filter(parent_id=parent_id)
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(name__contains=q)
    if active is not None:
        qs = qs.filter(is_active=active)
    return qs


def department_tree(departments) -> list[tuple[Department, int]]:
    """Depth-first (department, depth) list for an indented tree."""
    children: dict[int | None, list[Department]] = {}
    for d in departments:
        children.setdefault(d.parent_id, []).append(d)
    ids = {d.pk for d in departments}
    out: list[tuple[Department, int]] = []

    def walk(parent_id, depth):
        for d in sorted(children.get(parent_id, []), key=lambda x: (x.sort_order, x.name)):
            out.append((d, depth))
            walk(d.pk, depth + 1)

    walk(None, 0)
    # Departments whose parent is outside the given set start their own branch.
    for d in departments:
        if d.parent_id is not None and d.parent_id not in ids:
            out.append((d, 0))
            walk(d.pk, 1)
    return out


def staff_search(
    *, q: str = "", department_id: int | None = None, active: bool | None = True
) -> QuerySet[Staff]:
    qs = Staff.objects.select_related("department")
    if active is not None:
        qs = qs.filter(is_active=active)
    if department_id:
        qs = qs.filter(department_id=department_id)
    q = q.strip()
    if q:
        qs = qs.filter(Q(name__contains=q) | Q(employee_no__iexact=q) | Q(position__contains=q))
    return qs.order_by("department__sort_order", "department__name", "name", "employee_no")


def staff_pick(text: str, *, departments: set[int] | None = None, limit: int = 15) -> list[Staff]:
    """The staff picker: people in service whose name, employee number (from its start) or department
    name holds the text; `departments` narrows it to those departments."""
    text = text.strip()
    if not text:
        return []
    qs = (
        Staff.objects.active()
        .select_related("department")
        .filter(Q(name__contains=text) | Q(employee_no__startswith=text) | Q(department__name__contains=text))
    )
    if departments is not None:
        qs = qs.filter(department_id__in=departments)
    return list(qs.order_by("department__sort_order", "department__name", "name")[:limit])


def can_see_contact(user, staff: Staff) -> bool:
    """Mobile and e-mail: the person themself, agency-wide readers, and scoped roles in scope."""
    if getattr(user, "staff_id", None) == staff.pk:
        return True
    if not has_role(user, *CONTACT_READERS):
        return False
    scope = scoped_department_ids(user, roles=CONTACT_READERS)
    return scope is None or staff.department_id in scope


def get_staff_for_user(user, staff_id: int) -> Staff:
    try:
        staff = Staff.objects.select_related("department", "department__parent").get(pk=staff_id)
    except Staff.DoesNotExist as exc:
        raise NotFound("직원을 찾을 수 없습니다.") from exc
    if not has_role(user, *DIRECTORY_ROLES):
        raise PermissionDenied()
    return staff


def get_department_for_user(user, department_id: int) -> Department:
    try:
        department = Department.objects.select_related("parent").get(pk=department_id)
    except Department.DoesNotExist as exc:
        raise NotFound("부서를 찾을 수 없습니다.") from exc
    if not has_role(user, *DIRECTORY_ROLES):
        raise PermissionDenied()
    return department
