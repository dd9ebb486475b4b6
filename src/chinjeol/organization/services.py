"""Writes to the organisation: every change in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from chinjeol.core.models import RoleAssignment, User
from chinjeol.core.roles import SCOPED_ROLES, Role

from . import rules
from .models import Department, Staff
from .tables import read_table


@dataclass
class ImportResult:
    plan: rules.ImportPlan
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    departments_created: list[str] = field(default_factory=list)
    absent: list[Staff] = field(default_factory=list)
    applied: bool = False


def org_import_file(*, filename: str, data: bytes, dry_run: bool = False) -> ImportResult:
    header, rows = read_table(filename, data)
    return org_import(header=header, rows=rows, dry_run=dry_run)


@transaction.atomic
def org_import(*, header, rows, dry_run: bool = False) -> ImportResult:
    existing = {name: parent for name, parent in Department.objects.values_list("name", "parent__name")}
    plan = rules.plan_import(header, rows, existing_departments=existing)
    result = ImportResult(plan=plan)
    if not plan.ok:
        return result

    departments = {d.name: d for d in Department.objects.all()}
    # Create departments parents first.
    pending = dict(plan.departments)
    while pending:
        progressed = False
        for name, parent_name in list(pending.items()):
            if parent_name is not None and parent_name not in departments and parent_name in pending:
                continue
            parent = departments.get(parent_name) if parent_name else None
            department = departments.get(name)
            if department is None:
                department = Department.objects.create(
                    name=name,
                    parent=parent,
                    kind=rules.department_kind(name),
                    sort_order=len(departments) + 1,
                )
                departments[name] = department
                result.departments_created.append(name)
            elif department.parent_id != (parent.pk if parent else None):
                department.parent = parent
                department.save(update_fields=["parent", "updated_at"])
            del pending[name]
            progressed = True
        if not progressed:  # pragma: no cover - cycles are refused by the plan
            raise RuntimeError("department tree could not be ordered")

    by_no = {s.employee_no: s for s in Staff.objects.select_related("department")}
    seen: set[str] = set()
    for record in plan.staff:
        seen.add(record.employee_no)
        values = {
            "name": record.name,
            "department": departments[record.department],
            "position": record.position,
            "extension": record.extension,
            "mobile": record.mobile,
            "email": record.email,
            "is_active": True,
        }
        staff = by_no.get(record.employee_no)
        if staff is None:
            staff = Staff.objects.create(employee_no=record.employee_no, **values)
            result.created.append(record.employee_no)
        else:
            changed = [k for k, v in values.items() if getattr(staff, k) != v]
            if changed:
                for key in changed:
                    setattr(staff, key, values[key])
                staff.save(update_fields=[*changed, "updated_at"])
                result.updated.append(record.employee_no)
            else:
                result.unchanged += 1
        user = _account_for(staff)
        if record.roles is not None:
            role_set(user, roles=record.roles, department=staff.department)

    result.absent = list(Staff.objects.active().exclude(employee_no__in=seen).select_related("department"))
    result.applied = not dry_run
    if dry_run:
        transaction.set_rollback(True)
    return result


def _account_for(staff: Staff) -> User:
    try:
        return staff.user
    except User.DoesNotExist:
        pass
    user = User.objects.filter(username=staff.employee_no, staff__isnull=True).first()
    if user is None:
        user = User(username=staff.employee_no)
        user.set_unusable_password()
    user.staff = staff
    user.email = staff.email
    user.save()
    return user


def role_set(user: User, *, roles, department: Department | None) -> None:
    """Give the user exactly these roles; scoped roles apply to `department`."""
    wanted = {(Role(r), department.pk if (Role(r) in SCOPED_ROLES and department) else None) for r in roles}
    wanted.discard((Role.STAFF, None))  # being staff follows from the Staff record
    current = {(Role(a.role), a.department_id): a for a in user.role_assignments.all()}
    for key, assignment in current.items():
        if key not in wanted:
            assignment.delete()
    for role, department_id in wanted - set(current):
        RoleAssignment.objects.create(user=user, role=role, department_id=department_id)
    if hasattr(user, "_chinjeol_roles"):
        del user._chinjeol_roles
