"""The kindness mileage ledger and department deductions: append-only rows [K2].

Each entry carries its period as integer columns (year, half, month) so that a period's totals are one
`SUM … GROUP BY staff, item` over an index, without date arithmetic in SQL."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from chinjeol.core.fields import MaskedCharField

from ..rules import HALF, MONTH, Period
from .items import EvaluationItem


class Signal(models.TextChoices):
    """The kindness traffic light as stored in published snapshots (values of rules.Signal)."""

    BLUE = "blue", "파랑"
    GREEN = "green", "초록"
    YELLOW = "yellow", "노랑"
    ORANGE = "orange", "주황"
    RED = "red", "빨강"


def period_q(period: Period) -> Q:
    """The filter on the year/half/month columns that selects `period`."""
    if period.kind == MONTH:
        return Q(year=period.year, month=period.number)
    if period.kind == HALF:
        return Q(year=period.year, half=period.number)
    return Q(year=period.year)


class MileageEntryQuerySet(models.QuerySet):
    def in_period(self, period: Period):
        return self.filter(period_q(period))

    def of_staff(self, staff_id: int):
        return self.filter(staff_id=staff_id)


class MileageEntry(models.Model):
    """친절 마일리지 원장: one row per event. Never edited or deleted; a correction is a reversing entry."""

    # Set on the instance a registration returns when the same source had been recorded already.
    was_recorded_before = False

    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="직원",
        on_delete=models.PROTECT,
        related_name="mileage",
        db_index=False,  # covered by mileage_staff_time
    )
    item = models.ForeignKey(
        EvaluationItem, verbose_name="평가 항목", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    points = models.DecimalField("점수", max_digits=8, decimal_places=2)
    occurred_at = models.DateTimeField("발생 시각")
    year = models.PositiveSmallIntegerField("연도")
    half = models.PositiveSmallIntegerField("반기")
    month = models.PositiveSmallIntegerField("월")
    source_type = models.CharField("근거 유형", max_length=30)
    source_id = models.CharField("근거 ID", max_length=64)
    source_label = MaskedCharField("근거", max_length=200, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="등록자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    note = MaskedCharField("비고", max_length=500, blank=True)
    reverses = models.OneToOneField(
        "self",
        verbose_name="정정 대상",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    created_at = models.DateTimeField("기록 시각", auto_now_add=True)

    objects = MileageEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "친절 마일리지"
        verbose_name_plural = "친절 마일리지"
        ordering = ["-occurred_at", "-id"]
        indexes = [
            # Covering indexes: a period's totals are read from the index alone.
            models.Index(fields=["year", "half", "staff", "item", "points"], name="mileage_half_totals"),
            models.Index(fields=["year", "month", "staff", "item", "points"], name="mileage_month_totals"),
            models.Index(fields=["staff", "occurred_at"], name="mileage_staff_time"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "staff", "item"], name="uniq_mileage_source"
            ),
            models.CheckConstraint(condition=Q(half__in=(1, 2)), name="mileage_half_valid"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="mileage_month_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.staff.name} {self.item.name} {self.points:+}"

    @property
    def period(self) -> Period:
        return Period(MONTH, self.year, self.month)


class DepartmentDeductionQuerySet(models.QuerySet):
    def in_period(self, period: Period):
        """The deductions that apply to `period`: a month takes its half-year's, a year both halves'."""
        if period.kind == MONTH:
            return self.filter(year=period.year, half=period.half().number)
        if period.kind == HALF:
            return self.filter(year=period.year, half=period.number)
        return self.filter(year=period.year)


class DepartmentDeduction(models.Model):
    """A department-level deduction in a half-year (e.g. a substantiated unkind report). Append-only."""

    department = models.ForeignKey(
        "organization.Department", verbose_name="부서", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("감점", max_digits=6, decimal_places=2)
    occurred_at = models.DateTimeField("발생 시각")
    year = models.PositiveSmallIntegerField("연도")
    half = models.PositiveSmallIntegerField("반기")
    source_type = models.CharField("근거 유형", max_length=30)
    source_id = models.CharField("근거 ID", max_length=64)
    note = MaskedCharField("비고", max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="등록자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reverses = models.OneToOneField(
        "self",
        verbose_name="정정 대상",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    created_at = models.DateTimeField("기록 시각", auto_now_add=True)

    objects = DepartmentDeductionQuerySet.as_manager()

    class Meta:
        verbose_name = "부서 감점"
        verbose_name_plural = "부서 감점"
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["year", "half", "department"], name="deduction_half_dept")]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "department"], name="uniq_deduction_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department} {-self.points}"
