"""Published period results [K5]: a frozen copy of every score, colour and rank of a period, and the
actions taken on it (awards, encouragement, penalties)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.fields import MaskedCharField

from .ledger import Signal


class PeriodSnapshotQuerySet(models.QuerySet):
    def latest_for(self, period_code: str):
        """The version in force for a period (a re-publication supersedes the earlier one)."""
        return self.filter(period=period_code).order_by("-version").first()


class PeriodSnapshot(models.Model):
    """공표: the results of one period frozen when the CS officer published them."""

    period = models.CharField("기간", max_length=10, help_text="2026-11, 2026-H2, 2026")
    kind = models.CharField("기간 종류", max_length=5)
    year = models.PositiveSmallIntegerField("연도")
    number = models.PositiveSmallIntegerField("번호")
    version = models.PositiveSmallIntegerField("판", default=1)
    published_at = models.DateTimeField("공표 시각")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="공표자", on_delete=models.PROTECT, related_name="+"
    )
    note = MaskedCharField("공표 메모", max_length=500, blank=True)
    rules = models.JSONField("적용 기준", default=dict)
    staff_count = models.PositiveIntegerField("평가 인원", default=0)
    mean_score = models.DecimalField("평균 점수", max_digits=5, decimal_places=2, null=True)

    objects = PeriodSnapshotQuerySet.as_manager()

    class Meta:
        verbose_name = "공표 결과"
        verbose_name_plural = "공표 결과"
        ordering = ["-published_at"]
        constraints = [models.UniqueConstraint(fields=["period", "version"], name="uniq_snapshot_version")]

    def __str__(self) -> str:
        return f"{self.period} 공표 {self.version}판"


class SnapshotStaff(models.Model):
    snapshot = models.ForeignKey(
        PeriodSnapshot, verbose_name="공표 결과", on_delete=models.PROTECT, related_name="staff_rows"
    )
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="직원", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "organization.Department", verbose_name="부서(공표 당시)", on_delete=models.PROTECT, related_name="+"
    )
    score = models.DecimalField("점수", max_digits=5, decimal_places=2)
    signal = models.CharField("신호등", max_length=6, choices=Signal.choices)
    rank = models.PositiveIntegerField("기관 순위")
    department_rank = models.PositiveIntegerField("부서 안 순위")
    contributions = models.JSONField("항목별 기여 점수", default=dict)

    class Meta:
        verbose_name = "공표 결과(직원)"
        verbose_name_plural = "공표 결과(직원)"
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "staff"], name="uniq_snapshot_staff"),
        ]
        indexes = [models.Index(fields=["staff", "snapshot"], name="snapshot_staff_person")]

    def __str__(self) -> str:
        return f"{self.snapshot} {self.staff_id}: {self.score}"


class SnapshotDepartment(models.Model):
    snapshot = models.ForeignKey(
        PeriodSnapshot, verbose_name="공표 결과", on_delete=models.PROTECT, related_name="department_rows"
    )
    department = models.ForeignKey(
        "organization.Department", verbose_name="부서", on_delete=models.PROTECT, related_name="+"
    )
    score = models.DecimalField("점수", max_digits=5, decimal_places=2, null=True)
    signal = models.CharField("신호등", max_length=6, choices=Signal.choices, blank=True)
    rank = models.PositiveIntegerField("순위", null=True)
    members = models.PositiveIntegerField("인원")
    members_mean = models.DecimalField("구성원 평균", max_digits=5, decimal_places=2, null=True)
    deduction = models.DecimalField("부서 감점", max_digits=5, decimal_places=2, default=0)
    note = MaskedCharField("비고", max_length=300, blank=True)

    class Meta:
        verbose_name = "공표 결과(부서)"
        verbose_name_plural = "공표 결과(부서)"
        ordering = ["rank", "department__name"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "department"], name="uniq_snapshot_department"),
        ]

    def __str__(self) -> str:
        return f"{self.snapshot} {self.department_id}: {self.score}"


class SnapshotAction(models.Model):
    """What was done with published results: the best department awarded, the best staff encouraged,
    a penalty for persistent unkindness. Append-only."""

    class Kind(models.TextChoices):
        AWARD = "award", "우수 부서 시상"
        ENCOURAGEMENT = "encouragement", "우수 직원 격려"
        PENALTY = "penalty", "개선 조치(불이익)"

    snapshot = models.ForeignKey(
        PeriodSnapshot, verbose_name="공표 결과", on_delete=models.PROTECT, related_name="actions"
    )
    kind = models.CharField("조치", max_length=15, choices=Kind.choices)
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="직원",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = MaskedCharField("내용", max_length=500)
    at = models.DateTimeField("기록 시각")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="기록자", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "공표 후 조치"
        verbose_name_plural = "공표 후 조치"
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(department__isnull=False) | models.Q(staff__isnull=False),
                name="snapshot_action_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.snapshot} {self.get_kind_display()}"
