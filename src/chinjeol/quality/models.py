"""Scorecards as versioned data [Q1, C13], evaluations and their disputes, mystery shopping and
calibration [Q3]. A scorecard's items, weights and grading bands never change once evaluations use them:
a change is a new version of the sheet (same code, version + 1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped


class Behaviour(TimeStamped):
    """One behaviour of the agency's behaviour standard (I CARE-like: Connect, Answer, Represent, Exceed)."""

    code = models.SlugField("코드", max_length=20, unique=True)
    name = models.CharField("행동", max_length=50)
    description = models.CharField("설명", max_length=300, blank=True)
    sort_order = models.PositiveIntegerField("순서", default=0)

    class Meta:
        verbose_name = "행동 기준"
        verbose_name_plural = "행동 기준"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Scorecard(TimeStamped):
    """One version of an evaluation sheet. `bands` are the grading bands, highest first:
    [{"min": 90, "label": "매우우수", "mileage": 3}, …]; `mileage` is the conversion to the kindness
    ledger's `mileage_item` (documented in docs/quality.md)."""

    class Channel(models.TextChoices):
        PHONE = "phone", "전화"
        VISIT = "visit", "방문"

    code = models.SlugField("코드", max_length=30)
    version = models.PositiveIntegerField("판", default=1)
    name = models.CharField("평가표", max_length=100)
    channel = models.CharField("접점", max_length=10, choices=Channel.choices, default=Channel.PHONE)
    bands = models.JSONField("등급 구간")
    mileage_item = models.SlugField("마일리지 항목", max_length=20, default="phone")
    is_active = models.BooleanField("사용", default=True)
    valid_from = models.DateTimeField("적용 시작", null=True, blank=True)
    note = models.CharField("변경 사유", max_length=300, blank=True)

    class Meta:
        verbose_name = "평가표"
        verbose_name_plural = "평가표"
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="uniq_scorecard_version")]

    def __str__(self) -> str:
        return f"{self.name} ({self.version}판)"


class ScorecardItem(models.Model):
    class Kind(models.TextChoices):
        BASE = "base", "기본"
        BONUS = "bonus", "가점"

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField("코드", max_length=30)
    name = models.CharField("항목", max_length=100)
    max_points = models.DecimalField("배점", max_digits=5, decimal_places=2)
    kind = models.CharField("구분", max_length=10, choices=Kind.choices, default=Kind.BASE)
    critical = models.BooleanField("핵심 항목", default=False, help_text="배점의 절반 미만이면 총점 0")
    allow_na = models.BooleanField("해당 없음 허용", default=False)
    behaviour = models.ForeignKey(
        Behaviour, verbose_name="행동 기준", on_delete=models.PROTECT, null=True, blank=True
    )
    guide = models.CharField("평가 기준", max_length=300, blank=True)
    sort_order = models.PositiveIntegerField("순서", default=0)

    class Meta:
        verbose_name = "평가표 항목"
        verbose_name_plural = "평가표 항목"
        ordering = ["scorecard", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["scorecard", "code"], name="uniq_scorecard_item")]

    def __str__(self) -> str:
        return self.name


class CalibrationSession(TimeStamped):
    """Several evaluators score the same interaction."""

    title = MaskedCharField("제목", max_length=200)
    scorecard = models.ForeignKey(Scorecard, verbose_name="평가표", on_delete=models.PROTECT)
    held_on = models.DateField("실시일")
    call = models.ForeignKey(
        "contact.CallRecord", verbose_name="녹취 통화", on_delete=models.SET_NULL, null=True, blank=True
    )
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="평가 대상", on_delete=models.PROTECT, null=True, blank=True
    )

    class Meta:
        verbose_name = "평가 보정(캘리브레이션)"
        verbose_name_plural = "평가 보정(캘리브레이션)"
        ordering = ["-held_on", "-pk"]


class Evaluation(TimeStamped):
    class Kind(models.TextChoices):
        PHONE = "phone", "전화 응대"
        VISIT = "visit", "방문 응대"
        MYSTERY_CALL = "mystery_call", "암행 전화"
        MYSTERY_VISIT = "mystery_visit", "암행 방문"
        RECORDING = "recording", "녹취 통화"

    class Source(models.TextChoices):
        EXTERNAL = "external", "외부 평가기관"
        CS_LEADER = "cs_leader", "부서 CS리더"
        MYSTERY = "mystery", "암행 평가원"
        OFFICER = "officer", "고객만족 담당관"
        IMPORT = "import", "외부 기관 결과 파일"

    class Status(models.TextChoices):
        FINAL = "final", "확정"
        DISPUTED = "disputed", "이의 검토 중"
        REVISED = "revised", "이의 인정(정정)"

    number = models.CharField("평가 번호", max_length=20, unique=True)
    scorecard = models.ForeignKey(Scorecard, verbose_name="평가표", on_delete=models.PROTECT)
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="평가 대상", on_delete=models.PROTECT, related_name="evaluations"
    )
    department = models.ForeignKey(
        "organization.Department", verbose_name="부서", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("평가 방식", max_length=20, choices=Kind.choices)
    source = models.CharField("평가자 구분", max_length=20, choices=Source.choices)
    status = models.CharField("상태", max_length=20, choices=Status.choices, default=Status.FINAL)
    evaluated_at = models.DateTimeField("평가 일시")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="평가자", on_delete=models.PROTECT, related_name="+"
    )
    evaluator_name = models.CharField("평가자 이름", max_length=100, blank=True)
    call = models.ForeignKey(
        "contact.CallRecord", verbose_name="녹취 통화", on_delete=models.SET_NULL, null=True, blank=True
    )
    calibration = models.ForeignKey(
        CalibrationSession,
        verbose_name="보정 세션",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
    )
    assignment = models.OneToOneField(
        "quality.MysteryAssignment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation",
    )
    total = models.DecimalField("총점", max_digits=5, decimal_places=2)
    grade = models.CharField("등급", max_length=20)
    critical_failed = models.BooleanField("핵심 항목 미달", default=False)
    note = MaskedTextField("의견", blank=True)
    external_id = models.CharField("외부 결과 ID", max_length=64, blank=True)

    class Meta:
        verbose_name = "평가"
        verbose_name_plural = "평가"
        ordering = ["-evaluated_at", "-pk"]
        indexes = [models.Index(fields=["department", "evaluated_at"], name="quality_eval_dept_at")]

    def __str__(self) -> str:
        return self.number


class EvaluationScore(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(ScorecardItem, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField("점수", max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "항목 점수"
        verbose_name_plural = "항목 점수"
        constraints = [models.UniqueConstraint(fields=["evaluation", "item"], name="uniq_evaluation_item")]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.points}"


class Dispute(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", "검토 중"
        UPHELD = "upheld", "인정"
        REJECTED = "rejected", "기각"

    evaluation = models.OneToOneField(Evaluation, on_delete=models.CASCADE, related_name="dispute")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = MaskedTextField("이의 사유")
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.OPEN)
    review = MaskedTextField("검토 의견", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField("검토 시각", null=True, blank=True)
    revised_total = models.DecimalField("정정 총점", max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "평가 이의"
        verbose_name_plural = "평가 이의"
        ordering = ["-created_at"]


class MysteryPlan(TimeStamped):
    """A month's mystery-shopping plan."""

    month = models.DateField("월", unique=True, help_text="그 달의 1일")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "암행 평가 계획"
        verbose_name_plural = "암행 평가 계획"
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month.year}년 {self.month.month}월"


class MysteryAssignment(TimeStamped):
    class Status(models.TextChoices):
        PLANNED = "planned", "예정"
        DONE = "done", "완료"

    plan = models.ForeignKey(MysteryPlan, on_delete=models.CASCADE, related_name="assignments")
    staff = models.ForeignKey("organization.Staff", verbose_name="대상", on_delete=models.PROTECT)
    department = models.ForeignKey("organization.Department", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("방식", max_length=20, choices=Evaluation.Kind.choices)
    due_on = models.DateField("기한")
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        verbose_name = "암행 평가 배정"
        verbose_name_plural = "암행 평가 배정"
        ordering = ["due_on", "pk"]


class ImprovementAction(TimeStamped):
    class Status(models.TextChoices):
        OPEN = "open", "진행 중"
        DONE = "done", "완료"
        DROPPED = "dropped", "취소"

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    item = models.ForeignKey(ScorecardItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    department = models.ForeignKey("organization.Department", on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(
        "organization.Staff", verbose_name="담당자", on_delete=models.PROTECT, related_name="+"
    )
    title = MaskedCharField("개선 조치", max_length=200)
    due_on = models.DateField("기한")
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        verbose_name = "개선 조치"
        verbose_name_plural = "개선 조치"
        ordering = ["status", "due_on", "pk"]


class ReviewMeeting(TimeStamped):
    """The monthly review meeting: attendees, actions reviewed, decisions."""

    held_on = models.DateField("회의일")
    month = models.DateField("검토한 달")
    attendees = MaskedCharField("참석자", max_length=500)
    decisions = MaskedTextField("결정 사항")
    actions = models.ManyToManyField(ImprovementAction, verbose_name="검토한 조치", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "월간 검토 회의"
        verbose_name_plural = "월간 검토 회의"
        ordering = ["-held_on"]
