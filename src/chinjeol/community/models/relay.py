"""스마일 직원 릴레이와 이달의 스마일 직원 [K8]."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from chinjeol.core.fields import MaskedTextField


class RecommendationQuerySet(models.QuerySet):
    def open_batons(self):
        return self.filter(passed_at__isnull=True)

    def in_month(self, year: int, month: int):
        return self.filter(created_at__year=year, created_at__month=month)


class Recommendation(models.Model):
    """One recommendation in the smile relay. The recommended colleague holds the baton until they
    recommend the next one (`passed_at`)."""

    recommender = models.ForeignKey(
        "organization.Staff", verbose_name="추천한 직원", on_delete=models.PROTECT, related_name="+"
    )
    recommended = models.ForeignKey(
        "organization.Staff", verbose_name="추천받은 직원", on_delete=models.PROTECT, related_name="+"
    )
    reason = MaskedTextField("추천 이유")
    created_at = models.DateTimeField("추천 시각", db_index=True)
    baton_from = models.OneToOneField(
        "self",
        verbose_name="이어받은 바통",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="passed_on",
    )
    chain_root = models.ForeignKey(
        "self",
        verbose_name="릴레이 시작",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chain_members",
    )
    passed_at = models.DateTimeField("바통 넘긴 시각", null=True, blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = "스마일 릴레이 추천"
        verbose_name_plural = "스마일 릴레이 추천"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommended"], condition=Q(passed_at__isnull=True), name="uniq_open_baton"
            ),
            models.CheckConstraint(condition=~Q(recommender=models.F("recommended")), name="relay_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.recommender.name} → {self.recommended.name}"

    @property
    def root_id(self) -> int:
        return self.chain_root_id or self.pk


class SmileSelection(models.Model):
    """이달의 스마일 직원: chosen by the CS officer; gives the smile mileage item."""

    year = models.PositiveIntegerField("연도")
    month = models.PositiveSmallIntegerField("월")
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="직원", on_delete=models.PROTECT, related_name="+"
    )
    reason = MaskedTextField("선정 이유")
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name="근거 추천",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="selections",
    )
    selected_at = models.DateTimeField("선정 시각")
    selected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="선정자", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "이달의 스마일 직원"
        verbose_name_plural = "이달의 스마일 직원"
        ordering = ["-year", "-month", "id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month", "staff"], name="uniq_smile_month_staff")
        ]

    def __str__(self) -> str:
        return f"{self.year}년 {self.month}월 {self.staff.name}"
