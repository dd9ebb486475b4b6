from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models

from .roles import Role


class TimeStamped(models.Model):
    created_at = models.DateTimeField("생성 시각", auto_now_add=True)
    updated_at = models.DateTimeField("수정 시각", auto_now=True)

    class Meta:
        abstract = True


class Revision(models.Model):
    """One version of configuration kept as data (a charter standard, an evaluation item, the score settings):
    in force from `valid_from`, with why and by whom it was made. A change is a new row, never an edit."""

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
        abstract = True


class User(AbstractUser):
    """A login. Officials are linked to their Staff record; external evaluators need not be."""

    staff = models.OneToOneField(
        "organization.Staff",
        verbose_name="직원",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="user",
    )

    objects = UserManager()

    class Meta:
        verbose_name = "사용자 계정"
        verbose_name_plural = "사용자 계정"

    def __str__(self) -> str:
        return f"{self.display_name} ({self.username})"

    @property
    def display_name(self) -> str:
        if self.staff_id:
            return self.staff.name
        return self.get_full_name() or self.first_name or self.username


class RoleAssignment(TimeStamped):
    user = models.ForeignKey(
        User, verbose_name="사용자", on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField("역할", max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="담당 부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="부서 CS리더와 부서장은 이 부서와 하위 부서에만 권한이 있습니다.",
    )

    class Meta:
        verbose_name = "역할 지정"
        verbose_name_plural = "역할 지정"
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "department"], name="uniq_role_assignment"),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(department__isnull=True),
                name="uniq_role_unscoped",
            ),
        ]

    def __str__(self) -> str:
        scope = f" · {self.department}" if self.department_id else ""
        return f"{self.get_role_display()}{scope}"


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A bearer token for integrations. Only a hash of the secret is stored."""

    user = models.ForeignKey(User, verbose_name="사용자", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("이름", max_length=100, blank=True)
    prefix = models.CharField("앞자리", max_length=12, db_index=True)
    key_hash = models.CharField("해시", max_length=64, unique=True)
    created_at = models.DateTimeField("발급 시각", auto_now_add=True)
    last_used_at = models.DateTimeField("마지막 사용", null=True, blank=True)
    revoked_at = models.DateTimeField("폐기 시각", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API 토큰"
        verbose_name_plural = "API 토큰"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user.username})"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str = "") -> tuple[ApiToken, str]:
        raw = "cj_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=raw[:10], key_hash=cls.hash(raw))
        return token, raw


def _subject_type_choices():
    from .privacy import subject_type_choices

    return subject_type_choices()


class PersonalDataAccess(models.Model):
    """개인정보 접속기록: who displayed or exported whose contact details, when and from where."""

    class Action(models.TextChoices):
        VIEW = "view", "조회"
        EXPORT = "export", "내려받기"
        API = "api", "API 조회"

    at = models.DateTimeField("시각", db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="접속자", null=True, on_delete=models.PROTECT, related_name="+"
    )
    username = models.CharField("접속자 아이디", max_length=150)
    action = models.CharField("행위", max_length=10, choices=Action.choices)
    subject_type = models.CharField("정보주체 유형", max_length=30, choices=_subject_type_choices)
    subject_id = models.CharField("정보주체 ID", max_length=40, blank=True)
    subject_label = models.CharField("정보주체", max_length=200)
    fields = models.CharField("항목", max_length=200)
    ip = models.GenericIPAddressField("접속 IP", null=True, blank=True)
    path = models.CharField("경로", max_length=300, blank=True)
    count = models.PositiveIntegerField("건수", default=1)

    class Meta:
        verbose_name = "개인정보 접속기록"
        verbose_name_plural = "개인정보 접속기록"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.subject_label}"


class IdempotencyRecord(models.Model):
    """The first answer to an API request sent with an `Idempotency-Key` header (chinjeol.api.idempotency),
    written in the transaction of what the request created: a retry with the same key gets this answer back."""

    key = models.CharField("멱등 키", max_length=255)
    caller = models.CharField("요청자", max_length=64)
    path = models.CharField("경로", max_length=300)
    fingerprint = models.CharField("요청 본문 지문", max_length=64)
    status = models.PositiveSmallIntegerField("응답 상태")
    body = models.TextField("응답 본문", blank=True)
    content_type = models.CharField("응답 형식", max_length=100)
    created_at = models.DateTimeField("기록 시각")
    expires_at = models.DateTimeField("만료 시각", db_index=True)

    class Meta:
        verbose_name = "멱등 요청 기록"
        verbose_name_plural = "멱등 요청 기록"
        constraints = [
            models.UniqueConstraint(fields=["key", "caller", "path"], name="uniq_idempotency_key_caller_path")
        ]

    def __str__(self) -> str:
        return f"{self.path} {self.key} ({self.status})"


class DataVersion(models.Model):
    """A counter bumped in the same transaction as every write to what it names (e.g. the mileage ledger), so a
    cache keyed on it is stale exactly when a committed write happened, whatever order ids were given in."""

    name = models.CharField("이름", max_length=50, primary_key=True)
    version = models.BigIntegerField("판", default=0)

    class Meta:
        verbose_name = "자료 판 번호"
        verbose_name_plural = "자료 판 번호"

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


class PeriodicRun(models.Model):
    """The lease of one periodic job (주기 작업): the worker whose conditional update moves `due_at` on runs it;
    every other worker sees the new `due_at` and skips, so a job runs once per interval across all workers."""

    name = models.CharField("작업", max_length=200, primary_key=True)
    due_at = models.DateTimeField("다음 실행 시각")
    last_run_at = models.DateTimeField("마지막 실행 시각", null=True, blank=True)
    runs = models.PositiveIntegerField("실행 횟수", default=0)

    class Meta:
        verbose_name = "주기 작업"
        verbose_name_plural = "주기 작업"

    def __str__(self) -> str:
        return self.name
