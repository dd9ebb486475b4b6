"""Reads of the community app shared by pages and the API, with the access checks."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Max, Q, QuerySet

from chinjeol.core.access import has_role, roles_of, scoped_department_ids
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.organization.models import Department, Staff

from .models import (
    BestCase,
    BroadcastRequest,
    Initiative,
    PraisePost,
    Recommendation,
    Report,
    ReportOfficial,
    SmileSelection,
    Task,
)

REPORT_READERS = (Role.CS_OFFICER, Role.AUDITOR)
MODERATORS = (Role.CS_OFFICER,)
# Staff who post, recommend and carry out tasks; the auditor reads the same pages and writes nothing.
STAFF_ROLES = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)
STAFF_READERS = (*STAFF_ROLES, Role.AUDITOR)
TASK_ROLES = STAFF_READERS
INITIATIVE_EDITORS = frozenset({Role.DEPT_HEAD, Role.CS_LEADER})
INITIATIVE_READERS = (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)


# --- reports --------------------------------------------------------------------------------
def reports_for_user(user) -> QuerySet[Report]:
    qs = Report.objects.select_related("department")
    return qs if has_role(user, *REPORT_READERS) else qs.none()


def get_report_for_user(user, report_id: int) -> Report:
    if not has_role(user, *REPORT_READERS):
        raise PermissionDenied("친절·불친절 신고는 고객만족 담당관과 감사만 볼 수 있습니다.")
    report = (
        Report.objects.select_related("department", "case", "decided_by", "created_by")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        raise NotFound("신고를 찾을 수 없습니다.")
    return report


def report_officials(report: Report) -> list[ReportOfficial]:
    return list(
        ReportOfficial.objects.filter(report=report).select_related(
            "staff", "staff__department", "department", "added_by"
        )
    )


def report_counts() -> dict[str, int]:
    rows = Report.objects.values("status").annotate(n=Count("id"))
    counts = {r["status"]: r["n"] for r in rows}
    return {status: counts.get(status, 0) for status in Report.Status.values}


# --- tasks ----------------------------------------------------------------------------------
def head_departments(user) -> set[int]:
    """Departments the user heads directly (the department-head role assigned to that department)."""
    return {d for d in roles_of(user).get(Role.DEPT_HEAD, set()) if d is not None}


def _task_qs() -> QuerySet[Task]:
    return Task.objects.select_related(
        "report",
        "subject_staff",
        "subject_staff__department",
        "assignee_user",
        "assignee_department",
        "praise_post",
    )


def my_tasks(user) -> QuerySet[Task]:
    """내 할 일: tasks given to the user, and to the head of a department the user heads."""
    return _task_qs().for_assignee(user_id=user.pk, head_of=head_departments(user))


def tasks_for_user(user) -> QuerySet[Task]:
    """Every task the user may read: their own; all of them for the CS officer and the auditor."""
    if has_role(user, *REPORT_READERS):
        return _task_qs()
    return my_tasks(user)


def get_task_for_user(user, task_id: int) -> Task:
    task = tasks_for_user(user).filter(pk=task_id).first()
    if task is None:
        if Task.objects.filter(pk=task_id).exists():
            raise PermissionDenied("이 할 일을 볼 권한이 없습니다.")
        raise NotFound("할 일을 찾을 수 없습니다.")
    return task


def can_complete_task(user, task: Task) -> bool:
    """Only the assignee records the outcome: the named person, or the head of the department."""
    if task.assignee_user_id is not None:
        return task.assignee_user_id == user.pk
    return task.assignee_department_id in head_departments(user)


def can_see_reporter_contact(user, task: Task) -> bool:
    return task.kind == Task.Kind.APOLOGY_CALL and can_complete_task(user, task)


# --- relay ----------------------------------------------------------------------------------
def open_baton(staff_id: int | None) -> Recommendation | None:
    if staff_id is None:
        return None
    return (
        Recommendation.objects.open_batons()
        .select_related("recommender", "recommender__department")
        .filter(recommended_id=staff_id)
        .first()
    )


def relay_chains(limit: int = 10) -> list[dict]:
    """The most recently active relays, each as its recommendations in order."""
    recent_roots: list[int] = []
    for root_id, pk in Recommendation.objects.order_by("-created_at", "-id").values_list(
        "chain_root_id", "id"
    )[:500]:
        key = root_id or pk
        if key not in recent_roots:
            recent_roots.append(key)
        if len(recent_roots) >= limit:
            break
    members = (
        Recommendation.objects.filter(Q(pk__in=recent_roots) | Q(chain_root_id__in=recent_roots))
        .select_related("recommender", "recommender__department", "recommended", "recommended__department")
        .order_by("created_at", "id")
    )
    grouped: dict[int, list[Recommendation]] = defaultdict(list)
    for rec in members:
        grouped[rec.root_id].append(rec)
    return [{"root": root, "links": grouped[root]} for root in recent_roots if grouped.get(root)]


def relay_stats() -> dict[str, int]:
    return {
        "total": Recommendation.objects.count(),
        "open": Recommendation.objects.open_batons().count(),
        "chains": Recommendation.objects.filter(chain_root__isnull=True).count(),
    }


def smile_month(year: int, month: int) -> list[SmileSelection]:
    return list(
        SmileSelection.objects.filter(year=year, month=month)
        .select_related("staff", "staff__department", "recommendation", "recommendation__recommender")
        .order_by("id")
    )


def smile_latest_before(year: int, month: int) -> dict | None:
    """The most recent month before (year, month) with smile employees, and who they were."""
    row = (
        SmileSelection.objects.filter(Q(year__lt=year) | Q(year=year, month__lt=month))
        .order_by("-year", "-month")
        .values_list("year", "month")
        .first()
    )
    if row is None:
        return None
    return {"year": row[0], "month": row[1], "selections": smile_month(*row)}


def month_recommendations(year: int, month: int) -> QuerySet[Recommendation]:
    """Relay recommendations of the month and the month before (candidates for the month)."""
    previous = (year, month - 1) if month > 1 else (year - 1, 12)
    return (
        Recommendation.objects.filter(
            Q(created_at__year=year, created_at__month=month)
            | Q(created_at__year=previous[0], created_at__month=previous[1])
        )
        .select_related("recommender", "recommended", "recommended__department")
        .order_by("-created_at")
    )


# --- boards ---------------------------------------------------------------------------------
def best_cases_for_user(user) -> QuerySet[BestCase]:
    qs = BestCase.objects.select_related("department", "author", "author__staff", "report")
    if has_role(user, Role.CS_OFFICER, Role.AUDITOR):
        return qs
    return qs.filter(Q(status=BestCase.Status.PUBLISHED) | Q(author=user))


def get_best_case_for_user(user, post_id: int) -> BestCase:
    post = best_cases_for_user(user).filter(pk=post_id).first()
    if post is None:
        raise NotFound("글을 찾을 수 없습니다.")
    return post


def praise_posts_public() -> QuerySet[PraisePost]:
    return PraisePost.objects.published().select_related("official", "official__department", "department")


def praise_suggestions(posts, staff_options) -> dict[int, int]:
    """Post → the one serving official whose name (and department, when given) matches what the
    citizen wrote, to preselect when the CS officer approves."""
    by_name: dict[str, list[Staff]] = defaultdict(list)
    for staff in staff_options:
        by_name[staff.name].append(staff)
    out: dict[int, int] = {}
    for post in posts:
        candidates = by_name.get(post.official_name.strip(), [])
        if post.department_id:
            narrowed = [s for s in candidates if s.department_id == post.department_id]
            candidates = narrowed or candidates
        if len(candidates) == 1:
            out[post.pk] = candidates[0].pk
    return out


def broadcasts_for_user(user) -> QuerySet[BroadcastRequest]:
    qs = BroadcastRequest.objects.select_related("requester", "requester__staff", "decided_by")
    if has_role(user, Role.CS_OFFICER, Role.AUDITOR):
        return qs
    return qs.filter(requester=user)


# --- initiatives ----------------------------------------------------------------------------
def initiative_departments_for_user(user) -> QuerySet[Department]:
    """Departments whose initiative the user may register and edit: those they head or lead."""
    scope = scoped_department_ids(user, roles=INITIATIVE_EDITORS)
    if scope is None:  # superuser
        return Department.objects.active()
    mine = {d for role in INITIATIVE_EDITORS for d in roles_of(user).get(role, set()) if d is not None}
    return Department.objects.active().filter(pk__in=mine)


def can_edit_initiative(user, department_id: int) -> bool:
    return initiative_departments_for_user(user).filter(pk=department_id).exists()


def initiatives_for_user(user) -> QuerySet[Initiative]:
    qs = Initiative.objects.select_related("department", "department__parent", "updated_by")
    if has_role(user, Role.CS_OFFICER, Role.AUDITOR):
        return qs
    scope = scoped_department_ids(user, roles=INITIATIVE_EDITORS)
    return qs if scope is None else qs.filter(department_id__in=scope)


def get_initiative_for_user(user, initiative_id: int) -> Initiative:
    initiative = initiatives_for_user(user).filter(pk=initiative_id).first()
    if initiative is None:
        if Initiative.objects.filter(pk=initiative_id).exists():
            raise PermissionDenied("이 부서의 시책을 볼 권한이 없습니다.")
        raise NotFound("시책을 찾을 수 없습니다.")
    return initiative


def initiative_overview(user, year: int) -> list[dict]:
    """One row per department expected to run an initiative (과·기관) plus any other department that
    registered one, with its initiative or None (미등록)."""
    initiatives = {
        i.department_id: i
        for i in initiatives_for_user(user).filter(year=year).annotate(last_note_at=Max("progress_notes__at"))
    }
    departments = Department.objects.active().filter(
        Q(kind__in=(Department.Kind.DIVISION, Department.Kind.OFFICE)) | Q(pk__in=list(initiatives))
    )
    if not has_role(user, Role.CS_OFFICER, Role.AUDITOR):
        scope = scoped_department_ids(user, roles=INITIATIVE_EDITORS)
        if scope is not None:
            departments = departments.filter(pk__in=scope)
    departments = departments.select_related("parent").order_by("sort_order", "name")
    return [{"department": d, "initiative": initiatives.get(d.pk)} for d in departments]


def staff_choices() -> QuerySet[Staff]:
    return Staff.objects.active().select_related("department").order_by("department__sort_order", "name")


def report_for_citizen(receipt_no: str, phone_last4: str) -> Report | None:
    """The report a citizen looks up: the receipt number and the last 4 digits of the phone they gave."""
    from chinjeol.korean.pii import phone_last4 as last4

    found = Report.objects.filter(receipt_no=receipt_no).first()
    if found is None or not found.reporter_phone or last4(found.reporter_phone) != phone_last4:
        return None
    return found
