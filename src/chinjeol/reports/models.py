"""Published reports: frozen snapshots that never change after publishing."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ComplianceReportQuerySet(models.QuerySet):
    def published(self):
        return self.order_by("-period")


class ComplianceReport(models.Model):
    """A published half-year charter-compliance report (서비스헌장 이행 점검 결과) [C10].

    Publishing freezes the figures in `snapshot`; later changes to cases or standards never alter it."""

    period = models.CharField("반기", max_length=7, unique=True, help_text="예: 2026-H1")
    published_at = models.DateTimeField("공개 시각")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="공개한 사람", on_delete=models.PROTECT, related_name="+"
    )
    improvements = models.TextField("부족한 점과 개선 조치")
    snapshot = models.JSONField("집계")

    objects = ComplianceReportQuerySet.as_manager()

    class Meta:
        verbose_name = "서비스헌장 이행 보고서"
        verbose_name_plural = "서비스헌장 이행 보고서"
        ordering = ["-period"]

    def __str__(self) -> str:
        from chinjeol.core.periods import Period

        return f"{Period.parse(self.period).label_ko} 서비스헌장 이행 점검 결과"


class ComplianceTally(models.Model):
    """Judged and met cases of one finished day, per department and standard version (derived data:
    `reports.compliance.tallies` fills it from the cases and drops a day when one of its cases changes)."""

    day = models.DateField("날")
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.ForeignKey(
        "charter.ServiceStandardVersion",
        verbose_name="이행표준 판",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="비어 있으면 헌장 약속이 없어 법정 처리기한으로 판정한 민원",
    )
    judged = models.PositiveIntegerField("판정")
    met = models.PositiveIntegerField("이행")

    class Meta:
        verbose_name = "헌장 이행 일 집계"
        verbose_name_plural = "헌장 이행 일 집계"
        indexes = [models.Index(fields=["day", "department"], name="tally_day_department")]

    def __str__(self) -> str:
        return f"{self.day} {self.department_id}/{self.version_id}: {self.met}/{self.judged}"


class ComplianceDay(models.Model):
    """A finished day whose tallies are stored, and when they were computed."""

    day = models.DateField("날", unique=True)
    computed_at = models.DateTimeField("집계 시각")

    class Meta:
        verbose_name = "헌장 이행 집계일"
        verbose_name_plural = "헌장 이행 집계일"
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day} ({self.computed_at:%Y-%m-%d %H:%M})"


class TallyWatermark(models.Model):
    """Case changes up to `checked_until` have been applied to the stored days (one row)."""

    checked_until = models.DateTimeField("변경 확인 시각")

    class Meta:
        verbose_name = "헌장 이행 집계 확인 시각"
        verbose_name_plural = "헌장 이행 집계 확인 시각"

    def __str__(self) -> str:
        return f"{self.checked_until:%Y-%m-%d %H:%M}"
