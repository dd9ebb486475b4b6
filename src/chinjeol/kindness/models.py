from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.models import TimeStamped


class EvaluationItem(TimeStamped):
    """An evaluation item (평가 항목) whose rule parameters live in versions [K1]."""

    code = models.CharField("코드", max_length=20, unique=True)
    name = models.CharField("항목", max_length=100)
    sign = models.SmallIntegerField("부호", choices=[(1, "가점"), (-1, "감점")], default=1)
    advice = models.CharField(
        "개선 안내", max_length=300, blank=True, help_text="이 항목이 약할 때 권하는 교육·행동"
    )
    sort_order = models.PositiveIntegerField("순서", default=0)

    class Meta:
        verbose_name = "평가 항목"
        verbose_name_plural = "평가 항목"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class EvaluationItemVersion(models.Model):
    item = models.ForeignKey(
        EvaluationItem, verbose_name="평가 항목", on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField("판")
    points_per_event = models.DecimalField("건당 점수", max_digits=6, decimal_places=2)
    cap = models.DecimalField("기간 상한", max_digits=6, decimal_places=2, null=True, blank=True)
    weight = models.DecimalField("가중치", max_digits=5, decimal_places=2, default=1)
    valid_from = models.DateTimeField("적용 시작")
    note = models.CharField("변경 사유", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="변경자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("기록 시각", auto_now_add=True)

    class Meta:
        verbose_name = "평가 항목 판"
        verbose_name_plural = "평가 항목 판"
        ordering = ["item", "-version"]
        constraints = [models.UniqueConstraint(fields=["item", "version"], name="uniq_item_version")]

    def __str__(self) -> str:
        return f"{self.item.name} {self.version}판"


class ScoreSettings(models.Model):
    """Base score and traffic-light thresholds, versioned like the items."""

    version = models.PositiveIntegerField("판", unique=True)
    base = models.DecimalField("기본 점수", max_digits=5, decimal_places=2)
    blue = models.DecimalField("파랑 하한", max_digits=5, decimal_places=2)
    green = models.DecimalField("초록 하한", max_digits=5, decimal_places=2)
    yellow = models.DecimalField("노랑 하한", max_digits=5, decimal_places=2)
    orange = models.DecimalField("주황 하한", max_digits=5, decimal_places=2)
    valid_from = models.DateTimeField("적용 시작")
    note = models.CharField("변경 사유", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="변경자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "점수 기준"
        verbose_name_plural = "점수 기준"
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"점수 기준 {self.version}판"


class MileageEntry(models.Model):
    """친절 마일리지 원장: append-only; a correction is a reversing entry, never an edit [K2]."""

    staff = models.ForeignKey(
        "organization.Staff", verbose_name="직원", on_delete=models.PROTECT, related_name="mileage"
    )
    item = models.ForeignKey(
        EvaluationItem, verbose_name="평가 항목", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("점수", max_digits=8, decimal_places=2)
    occurred_at = models.DateTimeField("발생 시각")
    year = models.PositiveSmallIntegerField("연도")
    month = models.PositiveSmallIntegerField("월")
    half = models.PositiveSmallIntegerField("반기")
    source_type = models.CharField("근거 유형", max_length=30)
    source_id = models.CharField("근거 ID", max_length=40)
    source_label = models.CharField("근거", max_length=200, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="등록자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField("비고", max_length=500, blank=True)
    reverses = models.OneToOneField(
        "self",
        verbose_name="정정 대상",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    created_at = models.DateTimeField("기록 시각", auto_now_add=True)

    class Meta:
        verbose_name = "친절 마일리지"
        verbose_name_plural = "친절 마일리지"
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["year", "half", "staff", "item"], name="mileage_half_staff"),
            models.Index(fields=["year", "month", "staff", "item"], name="mileage_month_staff"),
            models.Index(fields=["staff", "occurred_at"], name="mileage_staff_time"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "staff", "item"], name="uniq_mileage_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff.name} {self.item.name} {self.points:+}"


class DepartmentDeduction(models.Model):
    """A department-level deduction in a half-year (e.g. a substantiated unkind report)."""

    department = models.ForeignKey(
        "organization.Department", verbose_name="부서", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("감점", max_digits=6, decimal_places=2)
    occurred_at = models.DateTimeField("발생 시각")
    year = models.PositiveSmallIntegerField("연도")
    half = models.PositiveSmallIntegerField("반기")
    source_type = models.CharField("근거 유형", max_length=30)
    source_id = models.CharField("근거 ID", max_length=40)
    note = models.CharField("비고", max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="등록자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("기록 시각", auto_now_add=True)

    class Meta:
        verbose_name = "부서 감점"
        verbose_name_plural = "부서 감점"
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "department"], name="uniq_deduction_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department} −{self.points}"
