"""할 일: the praise-twice encouragement [K7] and recording a task's outcome."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from chinjeol.charter import queries as charter_queries
from chinjeol.core.errors import DomainError, NotFound
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Department, Staff

from .. import rules
from ..models import PraisePost, Report, ReportEvent, ReportOfficial, Task
from . import org


def praises_of(
    staff_ids: Iterable[int], year: int
) -> list[tuple[rules.Praise, Report | None, PraisePost | None]]:
    """Every recognised praise of these officials in the year: substantiated kind reports (dated by
    when the citizen reported) and published praise-board posts (dated by when they were posted)."""
    ids = list(staff_ids)
    tz = timezone.get_current_timezone()
    found: list[tuple[datetime, rules.Praise, Report | None, PraisePost | None]] = []
    officials = ReportOfficial.objects.filter(
        staff_id__in=ids,
        report__kind=Report.Kind.PRAISE,
        report__status=Report.Status.SUBSTANTIATED,
        report__received_at__year=year,
    ).select_related("report")
    for official in officials:
        moment = official.report.received_at
        found.append(
            (moment, rules.Praise(official.staff_id, moment.astimezone(tz).date()), official.report, None)
        )
    posts = PraisePost.objects.published().filter(official_id__in=ids, posted_at__year=year)
    for post in posts:
        found.append(
            (post.posted_at, rules.Praise(post.official_id, post.posted_at.astimezone(tz).date()), None, post)
        )
    found.sort(key=lambda item: item[0])
    return [(praise, report, post) for _moment, praise, report, post in found]


@transaction.atomic
def encouragement_check(*, staff_ids: Iterable[int], year: int, now: datetime, by=None) -> list[Task]:
    """Open an encouragement task for the director of every official praised twice or more in the
    year who has none yet (once per official per year)."""
    ids = sorted(set(staff_ids))
    if not ids:
        return []
    found = praises_of(ids, year)
    already = Task.objects.filter(
        kind=Task.Kind.ENCOURAGEMENT, subject_staff_id__in=ids, year=year
    ).values_list("subject_staff_id", flat=True)
    due = rules.encouragements_due([p for p, _r, _post in found], year=year, already=already)
    if not due:
        return []
    shape = org.tree()
    calendar = charter_queries.calendar_for()
    created: list[Task] = []
    for staff in Staff.objects.select_related("department").filter(pk__in=due).order_by("pk"):
        mine = [(p, r, post) for p, r, post in found if p.staff_id == staff.pk and p.on.year == year]
        _praise, last_report, last_post = mine[-1]
        director = Department.objects.get(pk=rules.director_department_id(staff.department_id, *shape))
        try:
            with transaction.atomic():
                task = Task.objects.create(
                    kind=Task.Kind.ENCOURAGEMENT,
                    title=f"{staff.name}({staff.department.name}) {year}년 칭찬 {len(mine)}회 — 격려",
                    report=last_report,
                    praise_post=last_post,
                    subject_staff=staff,
                    year=year,
                    assignee_department=director,
                    due_at=rules.encouragement_due_at(now, calendar),
                )
        except IntegrityError:  # a concurrent check opened it first
            continue
        created.append(task)
    return created


@transaction.atomic
def task_complete(
    *,
    task_id: int,
    by,
    now: datetime,
    outcome: str,
    called_at: datetime | None = None,
    reached: bool | None = None,
) -> Task:
    """Record how a task was carried out. An apology call records when the reporter was called,
    whether the call got through, and a summary."""
    try:
        task = Task.objects.select_for_update(of=("self",)).select_related("report").get(pk=task_id)
    except Task.DoesNotExist as exc:
        raise NotFound("할 일을 찾을 수 없습니다.") from exc
    if not task.is_open:
        raise DomainError("state", "이미 완료한 할 일입니다.")
    outcome = mask_pii(outcome.strip()).text
    if not outcome:
        raise DomainError("required", "결과를 적어 주세요.", field="outcome")
    fields = ["status", "outcome", "done_at", "done_by", "updated_at"]
    if task.kind == Task.Kind.APOLOGY_CALL:
        if called_at is None:
            raise DomainError("required", "전화한 시각을 적어 주세요.", field="called_at")
        if called_at > now:
            raise DomainError("future", "전화한 시각은 지금보다 늦을 수 없습니다.", field="called_at")
        if task.report and called_at < task.report.received_at.replace(second=0, microsecond=0):
            raise DomainError("before", "전화한 시각이 신고 접수보다 빠릅니다.", field="called_at")
        if reached is None:
            raise DomainError("required", "통화가 연결되었는지 골라 주세요.", field="reached")
        task.called_at = called_at
        task.reached = reached
        fields += ["called_at", "reached"]
    task.status = Task.Status.DONE
    task.outcome = outcome
    task.done_at = now
    task.done_by = by
    task.save(update_fields=fields)
    if task.report_id:
        if task.kind == Task.Kind.APOLOGY_CALL:
            result = "통화함" if task.reached else "통화 안 됨"
            note = f"사과 전화 ({task.assignee_department.name if task.assignee_department else ''}): {result} — {outcome}"
        else:
            note = f"{task.get_kind_display()} 완료 — {outcome}"
        ReportEvent.objects.create(
            report=task.report, kind=ReportEvent.Kind.CONSEQUENCE, at=now, actor=by, note=note[:2000]
        )
    return task
