"""1부서 1친절시책 [K9]: register a department's initiative for a year, note progress, report results."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from chinjeol.core.errors import DomainError, NotFound
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Department

from .. import rules
from ..models import Initiative, InitiativeProgress


def _text(value: str, *, field: str, label: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError("required", f"{label}을(를) 적어 주세요.", field=field)
    if len(value) > limit:
        raise DomainError("too_long", f"{label}은(는) {limit:,}자 이하로 적어 주세요.", field=field)
    return mask_pii(value).text


@transaction.atomic
def initiative_save(
    *,
    department_id: int,
    year: int,
    title: str,
    goal: str,
    planned_actions: str,
    by,
    now: datetime,
) -> Initiative:
    """Register the department's initiative for the year, or change its plan (one per year)."""
    problem = rules.initiative_year_problem(year, timezone.localtime(now).date())
    if problem:
        raise DomainError("invalid", problem, field="year")
    department = Department.objects.filter(pk=department_id, is_active=True).first()
    if department is None:
        raise DomainError("invalid", "부서를 찾을 수 없습니다.", field="department")
    values = {
        "title": _text(title, field="title", label="시책명", limit=200),
        "goal": _text(goal, field="goal", label="목표", limit=5000),
        "planned_actions": _text(planned_actions, field="planned_actions", label="추진 계획", limit=10_000),
        "updated_by": by,
    }
    initiative = Initiative.objects.select_for_update().filter(department=department, year=year).first()
    if initiative is None:
        return Initiative.objects.create(department=department, year=year, created_by=by, **values)
    if initiative.status == Initiative.Status.REPORTED:
        raise DomainError("state", "결과를 보고한 시책은 계획을 바꿀 수 없습니다.")
    for key, value in values.items():
        setattr(initiative, key, value)
    initiative.save(update_fields=[*values, "updated_at"])
    return initiative


@transaction.atomic
def initiative_progress_add(*, initiative_id: int, note: str, by, now: datetime) -> InitiativeProgress:
    initiative = Initiative.objects.select_for_update().filter(pk=initiative_id).first()
    if initiative is None:
        raise NotFound("시책을 찾을 수 없습니다.")
    if initiative.status == Initiative.Status.REPORTED:
        raise DomainError("state", "결과를 보고한 시책에는 추진 기록을 더할 수 없습니다.")
    row = InitiativeProgress.objects.create(
        initiative=initiative, note=_text(note, field="note", label="추진 내용", limit=5000), at=now, by=by
    )
    if initiative.status == Initiative.Status.PLANNED:
        initiative.status = Initiative.Status.IN_PROGRESS
        initiative.updated_by = by
        initiative.save(update_fields=["status", "updated_by", "updated_at"])
    return row


@transaction.atomic
def initiative_report(
    *,
    initiative_id: int,
    achievement: str,
    achievement_rate: int | None,
    by,
    now: datetime,
    upload=None,
) -> Initiative:
    """Report the results: what was achieved, the rate against the goal, and an evidence file."""
    initiative = Initiative.objects.select_for_update().filter(pk=initiative_id).first()
    if initiative is None:
        raise NotFound("시책을 찾을 수 없습니다.")
    if achievement_rate is not None and not 0 <= achievement_rate <= 100:
        raise DomainError("invalid", "목표 달성률은 0부터 100 사이로 적어 주세요.", field="achievement_rate")
    initiative.achievement = _text(achievement, field="achievement", label="추진 성과", limit=10_000)
    initiative.achievement_rate = achievement_rate
    fields = ["achievement", "achievement_rate", "status", "reported_at", "updated_by", "updated_at"]
    if upload is not None:
        head = upload.read(16)
        upload.seek(0)
        problem = rules.evidence_file_problem(upload.name, upload.size, head)
        if problem:
            raise DomainError("file", problem, field="evidence")
        if initiative.evidence:
            initiative.evidence.delete(save=False)
        initiative.evidence.save(upload.name, upload, save=False)
        initiative.evidence_name = upload.name[-200:]
        fields += ["evidence", "evidence_name"]
    initiative.status = Initiative.Status.REPORTED
    initiative.reported_at = now
    initiative.updated_by = by
    initiative.save(update_fields=fields)
    return initiative
