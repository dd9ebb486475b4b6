"""Assigning courses (by role, department, new staff, weakest kindness item, or one person), the reminder
before the due date and the chasing of overdue work, both as notices through the notify app."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from chinjeol.core.errors import DomainError
from chinjeol.notify.models import Message
from chinjeol.notify.services import message_queue

from .. import queries, rules
from ..models import Assignment, Course, Statement
from .learning import cycle_of
from .statements import statement_record

UNKIND_DUE_DAYS = 30


@transaction.atomic
def assign(
    *, course: Course, target: rules.Target, due_on: date, by, now: datetime, scope: frozenset[int] | None = None,
    note: str = "",
) -> list[Assignment]:  # fmt: skip
    """Assign `course` to everyone `target` reaches within `scope` (None: the whole agency), once per person and
    year: a person who already has it this year keeps their first due date. Returns the new assignments."""
    today = timezone.localdate(now)
    if due_on < today:
        raise DomainError("invalid", "이수 기한은 오늘이나 그 뒤여야 합니다.", field="due_on")
    if not course.is_active:
        raise DomainError("invalid", "운영하지 않는 과정은 배정할 수 없습니다.", field="course")
    people = queries.people_for_target(target, today=today, scope=scope)
    cycle = cycle_of(now)
    done = queries.completed_map(course, cycle, [p.pk for p in people])
    have = set(
        Assignment.objects.filter(
            course=course, cycle=cycle, staff_id__in=[p.pk for p in people]
        ).values_list("staff_id", flat=True)
    )
    reason = Assignment.Reason(target.kind.value)
    rows = [
        Assignment(
            staff=person,
            course=course,
            cycle=cycle,
            reason=reason,
            note=note[:200],
            due_on=due_on,
            assigned_at=now,
            assigned_by=by,
            completed_at=done.get(person.pk),
        )  # fmt: skip
        for person in people
        if person.pk not in have
    ]
    Assignment.objects.bulk_create(rows)
    Statement.objects.bulk_create(
        [
            Statement(
                actor=row.staff,
                verb=Statement.Verb.ASSIGNED,
                object_type=Statement.ObjectType.COURSE,
                object_id=course.code,
                object_name=course.title,
                timestamp=now,
            )  # fmt: skip
            for row in rows
        ]
    )
    return rows


def assign_one(*, staff, course: Course, reason: str, due_on: date, now: datetime, by=None, note: str = ""):
    """One person's assignment (the unkind-report remedy); an existing one of this year is kept."""
    cycle = cycle_of(now)
    assignment, created = Assignment.objects.get_or_create(
        staff=staff,
        course=course,
        cycle=cycle,
        defaults={
            "reason": reason,
            "due_on": due_on,
            "assigned_at": now,
            "assigned_by": by,
            "note": note[:200],
            "completed_at": queries.completed_map(course, cycle, [staff.pk]).get(staff.pk),
        },  # fmt: skip
    )
    if created:
        statement_record(
            actor=staff, verb=Statement.Verb.ASSIGNED, object_type=Statement.ObjectType.COURSE,
            object_id=course.code, object_name=course.title, at=now,
        )  # fmt: skip
    return assignment


def _address(staff) -> str:
    return staff.email or ""


def _notice(*, kind: str, assignment: Assignment, subject: str, template: str, now: datetime, key: str):
    return message_queue(
        kind=kind,
        channel=Message.Channel.EMAIL,
        recipient=_address(assignment.staff),
        subject=subject,
        template=template,
        context={"a": assignment, "staff": assignment.staff, "course": assignment.course},
        now=now,
        about=assignment,
        key=key,
    )


@transaction.atomic
def reminders_send(*, now: datetime) -> int:
    """The one reminder before the due date, for open assignments due within the next days."""
    today = timezone.localdate(now)
    due = (
        Assignment.objects.select_for_update(skip_locked=True)
        .filter(
            completed_at__isnull=True,
            reminded_on__isnull=True,
            due_on__gte=today,
            due_on__lte=today + timedelta(days=rules.SOON_DAYS),
        )  # fmt: skip
        .select_related("staff", "course")
    )
    sent = 0
    for assignment in due:
        if not rules.reminder_due(assignment.due_on, today, reminded_on=assignment.reminded_on):
            continue
        if _address(assignment.staff):
            _notice(
                kind="training_reminder",
                assignment=assignment,
                subject=f"[교육] ‘{assignment.course.title}’ 이수 기한이 다가옵니다",
                template="training/notice_reminder.txt",
                now=now,
                key=f"training-reminder:{assignment.pk}",
            )
            sent += 1
        assignment.reminded_on = today
        assignment.save(update_fields=["reminded_on"])
    return sent


@transaction.atomic
def gaps_chase(*, scope: frozenset[int] | None, now: datetime) -> int:
    """Chase everyone in `scope` whose assignment is overdue (at most once a week per assignment): a notice to
    the person. Returns the notices queued."""
    today = timezone.localdate(now)
    overdue = Assignment.objects.select_for_update().filter(completed_at__isnull=True, due_on__lt=today)
    if scope is not None:
        overdue = overdue.filter(staff__department_id__in=scope)
    sent = 0
    chased: dict[int, list[int]] = defaultdict(list)
    for assignment in overdue.select_related("staff", "course"):
        if not rules.chase_due(assignment.due_on, today, chased_on=assignment.chased_on):
            continue
        if _address(assignment.staff):
            _notice(
                kind="training_chase",
                assignment=assignment,
                subject=f"[교육] ‘{assignment.course.title}’ 이수 기한이 지났습니다",
                template="training/notice_chase.txt",
                now=now,
                key=f"training-chase:{assignment.pk}:{today.isoformat()}",
            )
            sent += 1
        chased[assignment.staff.department_id].append(assignment.pk)
    ids = [pk for group in chased.values() for pk in group]
    Assignment.objects.filter(pk__in=ids).update(chased_on=today)
    return sent
