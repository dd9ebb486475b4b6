from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from chinjeol.charter.compliance.expressions import judged_at_expression
from chinjeol.charter.rules import CHANNEL_LABELS, KIND_LABELS
from chinjeol.core.counters import YearCounter
from chinjeol.core.events import Event
from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped

OPEN_VALUES = ("received", "assigned", "in_progress")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Case.OPEN_STATUSES)

    def closed(self):
        return self.filter(status=Case.Status.CLOSED)

    def overdue(self, now):
        return self.open().filter(due_at__lt=now)

    def due_between(self, start, end):
        return self.open().filter(due_at__gte=start, due_at__lte=end)

    def in_departments(self, department_ids):
        return self if department_ids is None else self.filter(department_id__in=department_ids)

    def assigned_to(self, staff_id):
        return self.filter(assignee_id=staff_id)


class Case(TimeStamped):
    """A citizen's contact (민원·VOC) from any channel, handled within its deadline."""

    class Status(models.TextChoices):
        RECEIVED = "received", "접수"
        ASSIGNED = "assigned", "배정"
        IN_PROGRESS = "in_progress", "처리중"
        CLOSED = "closed", "완료"
        TRANSFERRED = "transferred", "이송"
        WITHDRAWN = "withdrawn", "취하"

    OPEN_STATUSES = (Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS)

    Channel = models.TextChoices("Channel", [(k.name, (k.value, v)) for k, v in CHANNEL_LABELS.items()])
    Kind = models.TextChoices("Kind", [(k.name, (k.value, v)) for k, v in KIND_LABELS.items()])

    receipt_no = models.CharField("접수번호", max_length=20, unique=True)
    channel = models.CharField("접수 경로", max_length=20, choices=Channel.choices)
    kind = models.CharField("민원 종류", max_length=20, choices=Kind.choices)
    title = MaskedCharField("제목", max_length=200)
    body = MaskedTextField("내용")
    customer_name = MaskedCharField("민원인 이름", max_length=100)
    customer_phone = models.CharField("민원인 전화", max_length=20, blank=True)
    customer_email = models.EmailField("민원인 이메일", blank=True)
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="담당 부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        db_index=False,  # case_dept_status_due and case_dept_received start with it
    )
    assignee = models.ForeignKey(
        "organization.Staff",
        verbose_name="담당자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        db_index=False,  # case_assignee_status_due starts with it
    )
    status = models.CharField("상태", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField("접수 시각")
    counted_from = models.DateTimeField("기간 기산 시각")
    legal_due_at = models.DateTimeField("법정 처리기한")
    promise_due_at = models.DateTimeField("헌장 약속 기한", null=True, blank=True)
    promise_version = models.ForeignKey(
        "charter.ServiceStandardVersion",
        verbose_name="적용 이행표준",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_at = models.DateTimeField("처리기한")
    deadline_rule = models.TextField("기한 산정 근거")
    statutory_service = models.ForeignKey(
        "charter.StatutoryService",
        verbose_name="법정민원 사무",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    extensions = models.PositiveSmallIntegerField("연장 횟수", default=0)
    interim_last_at = models.DateTimeField("마지막 중간통지", null=True, blank=True)
    closed_at = models.DateTimeField("완료 시각", null=True, blank=True)
    answer = MaskedTextField("답변", blank=True)
    first_contact_resolved = models.BooleanField("첫 접촉에서 해결", default=False)
    transferred_to = MaskedCharField("이송 기관", max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="접수자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "민원"
        verbose_name_plural = "민원"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "due_at"], name="case_status_due"),
            models.Index(fields=["department", "status", "due_at"], name="case_dept_status_due"),
            models.Index(fields=["assignee", "status", "due_at"], name="case_assignee_status_due"),
            models.Index(fields=["received_at"], name="case_received"),
            models.Index(fields=["department", "received_at"], name="case_dept_received"),
            models.Index(
                fields=["promise_due_at"], name="case_open_promise", condition=Q(interim_last_at__isnull=True)
            ),
            # The overdue and due-soon queues walk the open cases in deadline order.
            models.Index(fields=["due_at", "id"], name="case_open_due", condition=Q(status__in=OPEN_VALUES)),
            # Compliance: cases by the moment their judgement became final (charter.compliance.rules).
            models.Index(
                judged_at_expression(),
                F("department"),
                F("promise_version"),
                F("status"),
                F("closed_at"),
                F("promise_due_at"),
                F("due_at"),
                name="case_judged_at",
            ),
            # Compliance: which cases changed since the stored daily tallies were last checked.
            models.Index(fields=["updated_at"], name="case_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.receipt_no} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class CaseEvent(Event):
    """An append-only fact on the case's timeline."""

    class Kind(models.TextChoices):
        RECEIVED = "received", "접수"
        ASSIGNED = "assigned", "배정"
        STARTED = "started", "처리 시작"
        TRANSFERRED = "transferred", "이송"
        WITHDRAWN = "withdrawn", "취하"
        INTERIM = "interim", "중간통지"
        EXTENDED = "extended", "기한 연장"
        CLOSED = "closed", "완료·결과통지"
        NOTE = "note", "메모"
        HAPPY_CALL = "happy_call", "만족도 응답"
        COMPENSATION = "compensation", "보상 발생"

    case = models.ForeignKey(
        Case,
        verbose_name="민원",
        on_delete=models.PROTECT,
        related_name="events",
        db_index=False,  # caseevent_case_at starts with it
    )
    kind = models.CharField("구분", max_length=20, choices=Kind.choices)
    note = MaskedTextField("내용", blank=True)

    subject_field = "case"

    class Meta:
        verbose_name = "민원 처리 기록"
        verbose_name_plural = "민원 처리 기록"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"], name="caseevent_case_at")]

    def __str__(self) -> str:
        return f"{self.case.receipt_no} {self.get_kind_display()}"


class ReceiptCounter(YearCounter):
    """The last receipt number issued in a year (YYYY-NNNNNNN)."""

    class Meta:
        verbose_name = "접수번호 발급 현황"
        verbose_name_plural = "접수번호 발급 현황"


class RoutingRule(TimeStamped):
    """Which department receives a case: the first matching active rule by priority."""

    keyword = models.CharField("제목·내용 키워드", max_length=50, blank=True)
    kind = models.CharField("민원 종류", max_length=20, blank=True, choices=Case.Kind.choices)
    channel = models.CharField("접수 경로", max_length=20, blank=True, choices=Case.Channel.choices)
    department = models.ForeignKey(
        "organization.Department", verbose_name="담당 부서", on_delete=models.PROTECT
    )
    priority = models.PositiveIntegerField("우선순위", default=100, help_text="작을수록 먼저 적용합니다.")
    is_active = models.BooleanField("사용", default=True)

    class Meta:
        verbose_name = "배정 규칙"
        verbose_name_plural = "배정 규칙"
        ordering = ["priority", "id"]

    def __str__(self) -> str:
        parts = [
            p
            for p in (
                self.keyword,
                self.get_kind_display() if self.kind else "",
                self.get_channel_display() if self.channel else "",
            )
            if p
        ]
        return f"{' · '.join(parts) or '모든 민원'} → {self.department}"


class RateLimitHit(models.Model):
    """Counters for public forms, shared by every web process."""

    key = models.CharField(max_length=120)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "요청 제한 기록"
        verbose_name_plural = "요청 제한 기록"
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="uniq_ratelimit_window")]

    def __str__(self) -> str:
        return f"{self.key} {self.window_start}: {self.count}"


class AnswerTemplate(TimeStamped):
    """답변 서식: a reply the handler starts from, for one kind of case and/or one department (blank: any),
    kept by the CS officer."""

    title = MaskedCharField("서식 이름", max_length=100)
    body = MaskedTextField("답변 내용")
    kind = models.CharField("민원 종류", max_length=20, choices=Case.Kind.choices, blank=True)
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField("사용", default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="마지막 수정자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "답변 서식"
        verbose_name_plural = "답변 서식"
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title
