from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped


class CompensationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=CompensationEntry.Status.PENDING)

    def approved(self):
        return self.filter(status=CompensationEntry.Status.APPROVED)

    def in_month(self, year: int, month: int):
        return self.filter(occurred_at__year=year, occurred_at__month=month)


class CompensationEntry(TimeStamped):
    """보상 대장: one gift owed to a customer because the charter's promise was broken [C11]."""

    class Reason(models.TextChoices):
        DEADLINE_MISSED = "deadline_missed", "처리기한 경과·중간통지 없음"
        UNKIND = "unkind", "불친절 신고 인정"

    class Status(models.TextChoices):
        PENDING = "pending", "승인 대기"
        APPROVED = "approved", "승인"
        HANDED_OVER = "handed_over", "지급 완료"
        REJECTED = "rejected", "지급 안 함"

    reason = models.CharField("사유", max_length=20, choices=Reason.choices)
    amount = models.PositiveIntegerField("금액(원)")
    occurred_at = models.DateTimeField("발생 시각", db_index=True)
    recipient_name = MaskedCharField("받는 분", max_length=100)
    source_type = models.CharField("근거 유형", max_length=30)
    source_id = models.CharField("근거 ID", max_length=40)
    source_label = MaskedCharField("근거", max_length=200)
    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="관련 직원",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="관련 부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField("상태", max_length=12, choices=Status.choices, default=Status.PENDING)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="승인자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField("승인 시각", null=True, blank=True)
    handed_over_on = models.DateField("지급일", null=True, blank=True)
    handed_over_by = MaskedCharField("지급자", max_length=100, blank=True)
    handed_over_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="지급 기록자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = MaskedTextField("비고", blank=True)

    objects = CompensationQuerySet.as_manager()

    class Meta:
        verbose_name = "보상 대장"
        verbose_name_plural = "보상 대장"
        ordering = ["-occurred_at", "-id"]
        constraints = [
            # One entry per source and official: re-running a check never pays twice.
            models.UniqueConstraint(
                fields=["reason", "source_type", "source_id", "staff"], name="uniq_compensation_source_staff"
            ),
            models.UniqueConstraint(
                fields=["reason", "source_type", "source_id"],
                condition=models.Q(staff__isnull=True),
                name="uniq_compensation_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} {self.amount:,}원 · {self.source_label}"
