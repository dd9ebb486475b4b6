"""할 일: apology calls, encouragements and prevention measures that someone must carry out."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped


class TaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Task.Status.OPEN)

    def done(self):
        return self.filter(status=Task.Status.DONE)

    def overdue(self, now):
        return self.open().filter(due_at__lt=now)

    def for_assignee(self, *, user_id: int, head_of: set[int]):
        """Tasks given to the user by name, or to the head of a department they head."""
        return self.filter(
            Q(assignee_user_id=user_id) | Q(assignee_user__isnull=True, assignee_department_id__in=head_of)
        )


class Task(TimeStamped):
    """A task that follows from a report or from praise: given to a person, or to the head of a
    department (so it follows the post when the head changes)."""

    class Kind(models.TextChoices):
        APOLOGY_CALL = "apology_call", "사과 전화"
        ENCOURAGEMENT = "encouragement", "칭찬 직원 격려"
        PREVENTION = "prevention", "재발 방지 조치"

    class Status(models.TextChoices):
        OPEN = "open", "할 일"
        DONE = "done", "완료"

    kind = models.CharField("구분", max_length=20, choices=Kind.choices)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.OPEN)
    title = MaskedCharField("제목", max_length=200)
    report = models.ForeignKey(
        "community.Report",
        verbose_name="관련 신고",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    praise_post = models.ForeignKey(
        "community.PraisePost",
        verbose_name="관련 칭찬글",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    subject_staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="대상 직원",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveIntegerField("연도", null=True, blank=True)
    assignee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="담당자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="community_tasks",
    )
    assignee_department = models.ForeignKey(
        "organization.Department",
        verbose_name="담당 부서(부서장)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="담당자를 사람 대신 이 부서의 부서장으로 정합니다.",
    )
    due_at = models.DateTimeField("기한")
    called_at = models.DateTimeField("통화 시각", null=True, blank=True)
    reached = models.BooleanField("통화 연결", null=True, blank=True)
    outcome = MaskedTextField("결과", blank=True)
    done_at = models.DateTimeField("완료 시각", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="완료 기록자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = "할 일"
        verbose_name_plural = "할 일"
        ordering = ["status", "due_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(assignee_user__isnull=False) | Q(assignee_department__isnull=False),
                name="task_has_assignee",
            ),
            # One apology call per report and department, one prevention task per report, one
            # encouragement per official and year: re-running a service never doubles a task.
            models.UniqueConstraint(
                fields=["report", "assignee_department"],
                condition=Q(kind="apology_call"),
                name="uniq_task_apology",
            ),
            models.UniqueConstraint(
                fields=["report"], condition=Q(kind="prevention"), name="uniq_task_prevention"
            ),
            models.UniqueConstraint(
                fields=["subject_staff", "year"],
                condition=Q(kind="encouragement"),
                name="uniq_task_encouragement",
            ),
        ]
        indexes = [
            models.Index(fields=["assignee_user", "status", "due_at"], name="task_user_status_due"),
            models.Index(fields=["assignee_department", "status", "due_at"], name="task_dept_status_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
