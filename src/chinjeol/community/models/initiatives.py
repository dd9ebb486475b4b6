"""1부서 1친절시책 [K9]: each department's own kindness initiative for a year and its results."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped

from .. import rules


def initiative_evidence_path(instance: Initiative, filename: str) -> str:
    return f"community/initiatives/{instance.year}/{instance.department_id}.{rules.file_extension(filename)}"


class Initiative(TimeStamped):
    class Status(models.TextChoices):
        PLANNED = "planned", "계획"
        IN_PROGRESS = "in_progress", "추진 중"
        REPORTED = "reported", "결과 보고"

    department = models.ForeignKey(
        "organization.Department", verbose_name="부서", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField("연도")
    title = MaskedCharField("시책명", max_length=200)
    goal = MaskedTextField("목표")
    planned_actions = MaskedTextField("추진 계획")
    status = models.CharField("상태", max_length=12, choices=Status.choices, default=Status.PLANNED)
    achievement = MaskedTextField("추진 성과", blank=True)
    achievement_rate = models.PositiveSmallIntegerField("목표 달성률(%)", null=True, blank=True)
    evidence = models.FileField("증빙 자료", upload_to=initiative_evidence_path, blank=True, max_length=200)
    evidence_name = MaskedCharField("증빙 파일 이름", max_length=200, blank=True)
    reported_at = models.DateTimeField("결과 보고 시각", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="등록자", on_delete=models.PROTECT, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="수정자", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "1부서 1친절시책"
        verbose_name_plural = "1부서 1친절시책"
        ordering = ["-year", "department__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="uniq_initiative_dept_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.department.name}: {self.title}"


class InitiativeProgress(models.Model):
    """A progress note on an initiative (append-only)."""

    initiative = models.ForeignKey(
        Initiative, verbose_name="시책", on_delete=models.PROTECT, related_name="progress_notes"
    )
    note = MaskedTextField("추진 내용")
    at = models.DateTimeField("기록 시각")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="기록자", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "시책 추진 기록"
        verbose_name_plural = "시책 추진 기록"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.initiative} · {self.at:%Y-%m-%d}"
