"""Mystery shopping [Q3]: the month's sampling plan, improvement actions, the monthly review meeting."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.db.models import Count

from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.organization.models import Staff

from .. import rules
from ..models import Evaluation, ImprovementAction, MysteryAssignment, MysteryPlan, ReviewMeeting

VISIT_HINTS = ("민원", "여권", "봉사", "주민", "복지", "안내")


def _officer(by) -> None:
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied("암행 평가 계획은 고객만족 담당관이 관리합니다.")


def contact_point_of(department_name: str) -> str:
    """Counters that receive visitors are judged on visits, the rest on the phone."""
    return "visit" if any(h in department_name for h in VISIT_HINTS) else "phone"


@transaction.atomic
def plan_create(*, month: date, size: int, by, now: datetime, seed: int | None = None) -> MysteryPlan:
    """The month's plan: `size` people chosen by `rules.sampling_plan` over everyone in service, the
    history being every mystery assignment so far; due dates spread over the month."""
    _officer(by)
    month = month.replace(day=1)
    if not 1 <= size <= 500:
        raise DomainError("invalid", "표본 수는 1명부터 500명까지입니다.", field="size")
    if MysteryPlan.objects.filter(month=month).exists():
        raise DomainError("state", f"{month.year}년 {month.month}월 계획이 이미 있습니다.", field="month")
    people = Staff.objects.active().select_related("department").order_by("pk")
    candidates = [rules.Candidate(p.pk, p.department_id, contact_point_of(p.department.name)) for p in people]
    history = dict(
        MysteryAssignment.objects.values_list("staff_id").annotate(n=Count("id")).values_list("staff_id", "n")
    )
    chosen = rules.sampling_plan(
        candidates, history, size, seed=seed if seed is not None else month.toordinal()
    )
    plan = MysteryPlan.objects.create(month=month, created_by=by)
    dues = rules.due_dates(month, len(chosen))
    MysteryAssignment.objects.bulk_create(
        MysteryAssignment(
            plan=plan,
            staff_id=c.staff_id,
            department_id=c.department_id,
            kind=Evaluation.Kind.MYSTERY_VISIT
            if c.contact_point == "visit"
            else Evaluation.Kind.MYSTERY_CALL,
            due_on=due,
        )
        for c, due in zip(chosen, dues, strict=True)
    )
    return plan


@transaction.atomic
def action_create(*, evaluation: Evaluation | None, item=None, owner: Staff, title: str, due_on: date,
                  by) -> ImprovementAction:  # fmt: skip
    if not has_role(by, Role.CS_OFFICER, Role.CS_LEADER):
        raise PermissionDenied("개선 조치는 고객만족 담당관과 부서 CS리더가 등록합니다.")
    if not title.strip():
        raise DomainError("required", "개선 조치 내용을 적어 주세요.", field="title")
    return ImprovementAction.objects.create(
        evaluation=evaluation, item=item, department=owner.department, owner=owner, title=title.strip(),
        due_on=due_on,
    )  # fmt: skip


@transaction.atomic
def action_update(*, action: ImprovementAction, status: str, by) -> ImprovementAction:
    _officer(by)
    if status not in ImprovementAction.Status.values:
        raise DomainError("invalid", "상태가 올바르지 않습니다.", field="status")
    action.status = status
    action.save(update_fields=["status", "updated_at"])
    return action


@transaction.atomic
def meeting_record(*, held_on: date, month: date, attendees: str, decisions: str, action_ids: list[int],
                   by) -> ReviewMeeting:  # fmt: skip
    _officer(by)
    if not attendees.strip():
        raise DomainError("required", "참석자를 적어 주세요.", field="attendees")
    if not decisions.strip():
        raise DomainError("required", "결정 사항을 적어 주세요.", field="decisions")
    meeting = ReviewMeeting.objects.create(
        held_on=held_on, month=month.replace(day=1), attendees=attendees.strip(), decisions=decisions.strip(),
        recorded_by=by,
    )  # fmt: skip
    meeting.actions.set(ImprovementAction.objects.filter(pk__in=action_ids))
    return meeting


def weak_items(evaluation: Evaluation) -> list:
    """The items scored under 70 % of their points: candidates for improvement actions."""
    return [
        s.item for s in evaluation.scores.select_related("item")
        if s.points is not None and s.item.kind == "base" and s.points * 10 < s.item.max_points * 7
    ]  # fmt: skip
