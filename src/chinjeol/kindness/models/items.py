"""Evaluation items and score settings: data with history, never constants [K1, K4].

A change to an item's rule or to the score settings is a new version row with the moment it applies
from; the scores of a period use the versions in force at the period's end (or now, while it runs)."""

from __future__ import annotations

from django.db import models

from chinjeol.core.models import Revision, TimeStamped


class EvaluationItem(TimeStamped):
    """An evaluation item (평가 항목). Its scoring parameters live in `versions`."""

    class Sign(models.IntegerChoices):
        PLUS = 1, "가점"
        MINUS = -1, "감점"

    code = models.SlugField("코드", max_length=20, unique=True)
    name = models.CharField("항목", max_length=100)
    sign = models.SmallIntegerField("구분", choices=Sign.choices, default=Sign.PLUS)
    advice = models.CharField(
        "개선 안내", max_length=300, blank=True, help_text="이 항목이 가장 약한 직원에게 권하는 교육·행동"
    )
    sort_order = models.PositiveIntegerField("순서", default=0)

    class Meta:
        verbose_name = "평가 항목"
        verbose_name_plural = "평가 항목"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class EvaluationItemVersion(Revision):
    """One version of an item's rule: points per event, cap per period, weight, in use or not."""

    item = models.ForeignKey(
        EvaluationItem, verbose_name="평가 항목", on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField("판")
    points_per_event = models.DecimalField("건당 점수", max_digits=6, decimal_places=2)
    cap = models.DecimalField(
        "기간 상한", max_digits=6, decimal_places=2, null=True, blank=True, help_text="비우면 상한 없음"
    )
    weight = models.DecimalField("가중치", max_digits=5, decimal_places=2, default=1)
    is_active = models.BooleanField(
        "사용", default=True, help_text="사용하지 않는 항목은 점수에 들어가지 않습니다."
    )

    class Meta:
        verbose_name = "평가 항목 판"
        verbose_name_plural = "평가 항목 판"
        ordering = ["item", "-version"]
        constraints = [models.UniqueConstraint(fields=["item", "version"], name="uniq_item_version")]

    def __str__(self) -> str:
        return f"{self.item.name} {self.version}판"


class ScoreSettings(Revision):
    """Base score, traffic-light thresholds and department rules, versioned like the items."""

    version = models.PositiveIntegerField("판", unique=True)
    base = models.DecimalField("기본 점수", max_digits=5, decimal_places=2)
    blue = models.DecimalField("파랑 하한", max_digits=5, decimal_places=2)
    green = models.DecimalField("초록 하한", max_digits=5, decimal_places=2)
    yellow = models.DecimalField("노랑 하한", max_digits=5, decimal_places=2)
    orange = models.DecimalField("주황 하한", max_digits=5, decimal_places=2)
    deduction_per_report = models.DecimalField(
        "불친절 신고 1건당 부서 감점", max_digits=5, decimal_places=2, default=2
    )
    deduction_cap = models.DecimalField("반기 부서 감점 상한", max_digits=5, decimal_places=2, default=10)
    min_members = models.PositiveSmallIntegerField("보정 기준 인원", default=3)

    class Meta:
        verbose_name = "점수 기준"
        verbose_name_plural = "점수 기준"
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"점수 기준 {self.version}판"
