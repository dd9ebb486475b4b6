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
        return f"{self.period} 서비스헌장 이행 점검 결과"
