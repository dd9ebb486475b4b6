from __future__ import annotations

from django.db import models

from chinjeol.core.models import Revision, TimeStamped

from .rules import CHANNEL_LABELS, Period


class ServiceStandardQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ServiceStandard(TimeStamped):
    """One promise of the service charter (고객서비스헌장 · 서비스 이행표준) [C1]."""

    code = models.CharField("코드", max_length=40, unique=True)
    name = models.CharField("이행표준", max_length=200)
    description = models.TextField("설명", blank=True)
    channel = models.CharField(
        "적용 채널",
        max_length=20,
        blank=True,
        choices=sorted(CHANNEL_LABELS.items()),
        help_text="민원 처리기한 약속이면 그 채널, 아니면 비워 둡니다.",
    )
    sort_order = models.PositiveIntegerField("순서", default=0)
    is_active = models.BooleanField("사용", default=True)

    objects = ServiceStandardQuerySet.as_manager()

    class Meta:
        verbose_name = "서비스 이행표준"
        verbose_name_plural = "서비스 이행표준"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def version_at(self, moment) -> ServiceStandardVersion | None:
        return self.versions.filter(valid_from__lte=moment).order_by("-valid_from", "-version").first()


class ServiceStandardVersion(Revision):
    """A standard's target as it was from `valid_from`: a change is a new version, never an edit,
    so past judgements keep the promise they were judged by."""

    class Unit(models.TextChoices):
        RINGS = "rings", "회(벨)"
        SECONDS = "seconds", "초"
        MINUTES = "minutes", "분"
        WORKING_HOURS = "working_hours", "근무시간"
        DAYS = "days", "일"
        WON = "won", "원"
        PERCENT = "percent", "%"
        PER_YEAR = "per_year", "회(연간)"

    standard = models.ForeignKey(
        ServiceStandard, verbose_name="이행표준", on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField("판")
    target = models.DecimalField("목표", max_digits=12, decimal_places=2)
    unit = models.CharField("단위", max_length=20, choices=Unit.choices)

    class Meta:
        verbose_name = "이행표준 판"
        verbose_name_plural = "이행표준 판"
        ordering = ["standard", "-version"]
        constraints = [models.UniqueConstraint(fields=["standard", "version"], name="uniq_standard_version")]

    def __str__(self) -> str:
        return f"{self.standard.code} {self.version}판: {self.target_label}"

    @property
    def target_label(self) -> str:
        value = self.target.normalize()
        if self.unit == self.Unit.WON:
            return f"{int(value):,}원"
        if self.unit == self.Unit.PER_YEAR:
            return f"연 {int(value):,}회 이상"
        return f"{value:f}{self.get_unit_display()}"

    @property
    def days(self) -> int | None:
        return int(self.target) if self.unit == self.Unit.DAYS else None


class CalendarDay(TimeStamped):
    """The agency's own closures (휴무일) and extra working days, on top of public holidays, and public
    holidays decreed after the ``holidays`` release in use (임시공휴일·선거일): only these last move
    statutory deadlines; closures and extra working days move the charter promise only."""

    class Kind(models.TextChoices):
        CLOSURE = "closure", "휴무일"
        EXTRA_WORKING_DAY = "extra_working_day", "추가 근무일"
        PUBLIC_HOLIDAY = "public_holiday", "임시공휴일·선거일(법정 공휴일)"

    date = models.DateField("날짜", unique=True)
    kind = models.CharField("구분", max_length=20, choices=Kind.choices)
    name = models.CharField("이름", max_length=100)

    class Meta:
        verbose_name = "기관 달력"
        verbose_name_plural = "기관 달력"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.name} ({self.get_kind_display()})"


class StatutoryService(TimeStamped):
    """민원처리기준표: the processing period of each statutory petition, in days or in weeks or months
    (민원처리법 제19조③). ``days`` holds the number in ``unit``."""

    class Unit(models.TextChoices):
        DAYS = "days", "일"
        WEEKS = "weeks", "주"
        MONTHS = "months", "개월"

    code = models.CharField("코드", max_length=40, unique=True)
    name = models.CharField("민원 사무", max_length=200)
    days = models.PositiveIntegerField("처리기간(일)")
    unit = models.CharField("처리기간 단위", max_length=10, choices=Unit.choices, default=Unit.DAYS)
    is_active = models.BooleanField("사용", default=True)

    class Meta:
        verbose_name = "민원처리기준표"
        verbose_name_plural = "민원처리기준표"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.period_label})"

    @property
    def period(self) -> Period:
        """The processing period as a rules value."""
        return Period(**{self.unit or self.Unit.DAYS: self.days})

    @property
    def period_label(self) -> str:
        """``7일``, ``2주`` or ``1개월``."""
        return self.period.label_ko
