"""Reads shared by the training pages, the inbox and the demo: the catalogue, who an assignment reaches, each
person's assignments with their state, completion per department and person, the gaps, the statements."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, Min, Q
from django.utils import timezone

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import NotFound
from chinjeol.core.models import RoleAssignment
from chinjeol.core.roles import SCOPED_ROLES, Role
from chinjeol.organization.models import Department, Staff

from . import rules
from .models import Assignment, Completion, Course, Material, Session, Statement

MANAGERS = (Role.CS_OFFICER, Role.CS_LEADER, Role.DEPT_HEAD)
READERS = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)


def scope_for(user) -> frozenset[int] | None:
    """Departments whose training the user manages or reads: None = all (CS officer, auditor)."""
    ids = scoped_department_ids(user, roles=SCOPED_ROLES | {Role.CS_OFFICER, Role.AUDITOR})
    return None if ids is None else frozenset(ids)


def reading_scope(user) -> frozenset[int] | None:
    """What a person reads of sessions: what they manage, plus their own department and the departments above it
    (a 과's cascade session is for its teams too)."""
    scope = scope_for(user)
    if scope is not None and user.staff_id:
        from chinjeol.core.access import department_parent_map

        parents = department_parent_map()
        own: set[int] = set()
        department_id: int | None = user.staff.department_id
        while department_id is not None and department_id not in own:  # their department and those above it
            own.add(department_id)
            department_id = parents.get(department_id)
        scope = scope | own
    return scope


def may_manage(user) -> bool:
    return has_role(user, *MANAGERS)


# ── Catalogue ───────────────────────────────────────────────────────────────────────────────────────


def curricula(*, active_only: bool = True) -> list[tuple[str, list[Course]]]:
    courses = Course.objects.all() if not active_only else Course.objects.filter(is_active=True)
    by_stage: dict[str, list[Course]] = defaultdict(list)
    for course in courses.annotate(n_questions=Count("questions")):
        by_stage[course.stage].append(course)
    return [(label, by_stage[value]) for value, label in Course.Stage.choices if by_stage[value]]


def get_course(code: str) -> Course:
    course = Course.objects.filter(code=code).first()
    if course is None:
        raise NotFound("교육 과정을 찾을 수 없습니다.")
    return course


def get_material(pk: int) -> Material:
    material = Material.objects.select_related("course").filter(pk=pk).first()
    if material is None or not material.file:
        raise NotFound("학습 자료를 찾을 수 없습니다.")
    return material


def kindness_items() -> list[tuple[str, str]]:
    """(code, name) of the kindness evaluation items, for choosing the item a course covers."""
    from chinjeol.kindness.models import EvaluationItem

    return list(EvaluationItem.objects.order_by("sort_order", "code").values_list("code", "name"))


def active_courses():
    return Course.objects.filter(is_active=True)


def course_for_unkind() -> Course | None:
    return Course.objects.filter(is_active=True, for_unkind=True).order_by("stage", "order").first()


def courses_for_item(item_code: str) -> list[Course]:
    """The active courses covering a kindness item ("" → none, in one query all the same)."""
    courses = Course.objects.filter(is_active=True, kindness_item=item_code).exclude(kindness_item="")
    return list(courses.order_by("stage", "order"))


# ── Who an assignment reaches ───────────────────────────────────────────────────────────────────────


def weakest_items(staff: list[Staff], today: date) -> dict[int, str | None]:
    """Each person's weakest kindness item of the current half-year, measured as *내 친절* does (against the
    average of their department's colleagues)."""
    from chinjeol.kindness import rules as krules
    from chinjeol.kindness.queries.config import config_for_period
    from chinjeol.kindness.queries.scores import item_totals, score_people

    period = krules.Period.containing(today, krules.HALF)
    config = config_for_period(period, timezone.now())
    departments = {s.department_id for s in staff}
    colleagues: dict[int, list[int]] = defaultdict(list)
    for pk, department_id in (
        Staff.objects.active().filter(department_id__in=departments).values_list("id", "department_id")
    ):
        colleagues[department_id].append(pk)
    people = {pk for group in colleagues.values() for pk in group} | {s.pk for s in staff}
    scored = score_people(item_totals(period, people), people, config)
    out: dict[int, str | None] = {}
    averages: dict[int, dict[str, Decimal]] = {}
    for department_id, ids in colleagues.items():
        averages[department_id] = {
            item.code: sum((scored[i][0].contributions.get(item.code, Decimal(0)) for i in ids), Decimal(0))
            / len(ids)
            for item in config.score_rules.items
        }
    for person in staff:
        mine = scored[person.pk][0]
        out[person.pk] = krules.weakest_item(
            mine.contributions, config.score_rules, averages.get(person.department_id, {})
        )
    return out


def people_for_target(target: rules.Target, *, today: date, scope: frozenset[int] | None) -> list[Staff]:
    staff = Staff.objects.active().select_related("department")
    if scope is not None:
        staff = staff.filter(department_id__in=scope)
    if target.kind == rules.TargetKind.DEPARTMENT:
        staff = staff.filter(department_id__in=target.department_ids)
    elif target.kind == rules.TargetKind.PERSON:
        staff = staff.filter(pk__in=target.staff_ids)
    candidates = list(staff.order_by("department_id", "name"))
    roles: dict[int, set[str]] = defaultdict(lambda: {Role.STAFF.value})
    if target.kind == rules.TargetKind.ROLE:
        for staff_id, role in RoleAssignment.objects.filter(
            user__staff__in=[s.pk for s in candidates]
        ).values_list("user__staff_id", "role"):
            roles[staff_id].add(role)
    weakest = weakest_items(candidates, today) if target.kind == rules.TargetKind.WEAKEST_ITEM else {}
    return [
        s
        for s in candidates
        if rules.is_targeted(
            rules.Person(
                staff_id=s.pk,
                department_id=s.department_id,
                roles=frozenset(roles[s.pk]),
                registered_on=timezone.localdate(s.created_at),
                weakest_item=weakest.get(s.pk),
            ),
            target,
            today,
            scope,
        )
    ]


def completed_map(course: Course, cycle: int, staff_ids: list[int]) -> dict[int, datetime]:
    return dict(
        Completion.objects.filter(course=course, cycle=cycle, staff_id__in=staff_ids).values_list(
            "staff_id", "completed_at"
        )
    )


# ── One person ──────────────────────────────────────────────────────────────────────────────────────


@dataclass
class AssignmentRow:
    assignment: Assignment
    state: rules.State

    @property
    def label(self) -> str:
        return rules.STATE_LABELS[self.state]


def _rows(assignments, today: date) -> list[AssignmentRow]:
    return [
        AssignmentRow(
            a,
            rules.assignment_state(
                a.due_on, timezone.localdate(a.completed_at) if a.completed_at else None, today
            ),
        )
        for a in assignments
    ]


def my_assignments(staff: Staff, today: date) -> list[AssignmentRow]:
    qs = (
        Assignment.objects.filter(staff=staff, cycle=today.year)
        .select_related("course")
        .order_by("completed_at", "due_on")
    )
    return _rows(qs, today)


def my_completions(staff: Staff) -> list[Completion]:
    return list(
        Completion.objects.filter(staff=staff).select_related("course").order_by("-completed_at")[:50]
    )


def open_work(staff_id: int) -> dict:
    return Assignment.objects.filter(staff_id=staff_id, completed_at__isnull=True).aggregate(
        n=Count("id"), first=Min("due_on")
    )


def course_status(staff: Staff | None, course: Course, today: date) -> dict:
    if staff is None:
        return {}
    assignment = Assignment.objects.filter(staff=staff, course=course, cycle=today.year).first()
    completion = Completion.objects.filter(staff=staff, course=course, cycle=today.year).first()
    attempt = course.attempts.filter(staff=staff).order_by("-at").first()
    return {"assignment": assignment, "completion": completion, "attempt": attempt}


# ── Departments and gaps ────────────────────────────────────────────────────────────────────────────


@dataclass
class RateRow:
    key: int
    name: str
    assigned: int
    done: int
    overdue: int

    @property
    def rate(self) -> Decimal | None:
        return rules.completion_rate(self.done, self.assigned)


def _assignments(scope: frozenset[int] | None, cycle: int, course: Course | None = None):
    qs = Assignment.objects.filter(cycle=cycle)
    if scope is not None:
        qs = qs.filter(staff__department_id__in=scope)
    if course is not None:
        qs = qs.filter(course=course)
    return qs


def _counts(today: date) -> dict:
    return {
        "assigned": Count("id"),
        "done": Count("id", filter=Q(completed_at__isnull=False)),
        "overdue": Count("id", filter=Q(completed_at__isnull=True, due_on__lt=today)),
    }


def department_rates(scope, cycle: int, today: date, course: Course | None = None) -> list[RateRow]:
    rows = (
        _assignments(scope, cycle, course)
        .values("staff__department_id", "staff__department__name")
        .annotate(**_counts(today))
        .order_by("staff__department__name")
    )
    out = [
        RateRow(
            r["staff__department_id"], r["staff__department__name"], r["assigned"], r["done"], r["overdue"]
        )
        for r in rows
    ]
    return sorted(out, key=lambda r: (r.rate if r.rate is not None else Decimal(101), r.name))


def person_rates(scope, cycle: int, today: date, department_id: int | None = None) -> list[RateRow]:
    qs = _assignments(scope, cycle)
    if department_id is not None:
        qs = qs.filter(staff__department_id=department_id)
    rows = qs.values("staff_id", "staff__name", "staff__department__name").annotate(**_counts(today))
    out = [
        RateRow(
            r["staff_id"],
            f"{r['staff__name']} ({r['staff__department__name']})",
            r["assigned"],
            r["done"],
            r["overdue"],
        )  # fmt: skip
        for r in rows
    ]
    return sorted(out, key=lambda r: (r.rate if r.rate is not None else Decimal(101), r.name))


def total_rate(rows: list[RateRow]) -> RateRow:
    return RateRow(
        0, "전체", sum(r.assigned for r in rows), sum(r.done for r in rows), sum(r.overdue for r in rows)
    )


def gaps(scope, today: date, *, only_overdue: bool = False) -> list[AssignmentRow]:
    qs = Assignment.objects.filter(completed_at__isnull=True, cycle=today.year)
    if scope is not None:
        qs = qs.filter(staff__department_id__in=scope)
    if only_overdue:
        qs = qs.filter(due_on__lt=today)
    return _rows(
        qs.select_related("staff", "staff__department", "course").order_by("due_on", "staff__name"), today
    )


def gap_summary(scope, today: date) -> dict:
    qs = Assignment.objects.filter(completed_at__isnull=True, due_on__lt=today)
    if scope is not None:
        qs = qs.filter(staff__department_id__in=scope)
    return qs.aggregate(n=Count("id"), first=Min("due_on"))


def departments_in(scope) -> list[Department]:
    qs = Department.objects.filter(is_active=True)
    if scope is not None:
        qs = qs.filter(pk__in=scope)
    return list(qs.order_by("name"))


def staff_in(scope, department_id: int | None = None) -> list[Staff]:
    qs = Staff.objects.active().select_related("department")
    if scope is not None:
        qs = qs.filter(department_id__in=scope)
    if department_id is not None:
        qs = qs.filter(department_id=department_id)
    return list(qs.order_by("department__name", "name"))


# ── Sessions and statements ─────────────────────────────────────────────────────────────────────────


def sessions(scope, limit: int = 100) -> list[Session]:
    qs = Session.objects.select_related("course", "department", "led_by").annotate(
        present=Count("attendance", filter=Q(attendance__present=True))
    )
    if scope is not None:
        qs = qs.filter(Q(department_id__in=scope) | Q(department__isnull=True))
    return list(qs[:limit])


def get_session(pk: int, scope) -> Session:
    session = Session.objects.select_related("course", "department").filter(pk=pk).first()
    if session is None or (
        scope is not None and session.department_id is not None and session.department_id not in scope
    ):
        raise NotFound("교육을 찾을 수 없습니다.")
    return session


def session_candidates(session: Session, scope) -> list[Staff]:
    """Who may attend: the session's department and its sub-departments (everyone when it has none), within
    the recorder's scope."""
    from chinjeol.core import rules as core_rules
    from chinjeol.core.access import department_parent_map

    qs = Staff.objects.active().select_related("department")
    if session.department_id is not None:
        qs = qs.filter(
            department_id__in=core_rules.subtree_ids([session.department_id], department_parent_map())
        )
    if scope is not None:
        qs = qs.filter(department_id__in=scope)
    return list(qs.order_by("department__name", "name"))


def attendance_of(session: Session) -> dict[int, bool]:
    return dict(session.attendance.values_list("staff_id", "present"))


def statements(scope, *, since: datetime | None = None, limit: int = 10000):
    qs = Statement.objects.select_related("actor").order_by("timestamp", "id")
    if scope is not None:
        qs = qs.filter(actor__department_id__in=scope)
    if since is not None:
        qs = qs.filter(timestamp__gte=since)
    return qs[:limit]
