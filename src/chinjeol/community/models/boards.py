"""Boards: 고객만족방 (best cases), 칭찬합시다 (citizens' praise, H8) and JOY 방송방 requests."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped

from .. import rules


class PostStatus(models.TextChoices):
    SUBMITTED = rules.SUBMITTED, "검토 대기"
    PUBLISHED = rules.PUBLISHED, "게시"
    HIDDEN = rules.HIDDEN, "숨김"


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PostStatus.PUBLISHED)

    def waiting(self):
        return self.filter(status=PostStatus.SUBMITTED)


class BestCase(TimeStamped):
    """고객만족방: a good customer-service case shared inside the agency."""

    Status = PostStatus

    title = MaskedCharField("제목", max_length=200)
    body = MaskedTextField("내용")
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="관련 부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    report = models.OneToOneField(
        "community.Report",
        verbose_name="근거 칭찬 신고",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="best_case",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="작성자", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField("상태", max_length=10, choices=PostStatus.choices, default=PostStatus.SUBMITTED)
    submitted_at = models.DateTimeField("등록 시각", db_index=True)
    published_at = models.DateTimeField("게시 시각", null=True, blank=True)
    moderated_at = models.DateTimeField("검토 시각", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="검토자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = "고객만족방 사례"
        verbose_name_plural = "고객만족방 사례"
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return self.title


class PraisePost(TimeStamped):
    """칭찬합시다: a citizen's public praise of an official, posted without an account."""

    Status = PostStatus

    title = MaskedCharField("제목", max_length=200)
    body = MaskedTextField("칭찬 내용")
    official_name = MaskedCharField("칭찬할 직원", max_length=100)
    department_text = MaskedCharField("부서(아는 대로)", max_length=100, blank=True)
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서(선택)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    writer_name = MaskedCharField("작성자 이름", max_length=100)
    writer_phone = models.CharField("작성자 전화", max_length=20, blank=True)
    consent_at = models.DateTimeField("개인정보 수집 동의 시각")
    posted_at = models.DateTimeField("작성 시각", db_index=True)
    status = models.CharField("상태", max_length=10, choices=PostStatus.choices, default=PostStatus.SUBMITTED)
    official = models.ForeignKey(
        "organization.Staff",
        verbose_name="확인된 직원",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    moderated_at = models.DateTimeField("검토 시각", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="검토자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    moderation_note = MaskedCharField("검토 메모", max_length=300, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = "칭찬합시다 글"
        verbose_name_plural = "칭찬합시다 글"
        ordering = ["-posted_at", "-id"]
        indexes = [models.Index(fields=["status", "posted_at"], name="praisepost_status_posted")]

    def __str__(self) -> str:
        return self.title


class BroadcastRequest(TimeStamped):
    """JOY 방송방: a staff member's request for the in-house broadcast (a story, a song, a message)."""

    class Status(models.TextChoices):
        REQUESTED = rules.REQUESTED, "신청"
        APPROVED = rules.APPROVED, "승인"
        DECLINED = rules.DECLINED, "반려"
        AIRED = rules.AIRED, "방송 완료"

    title = MaskedCharField("제목", max_length=200)
    content = MaskedTextField("사연·내용")
    requested_on = models.DateField("방송 희망일")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="신청자", on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField("신청 시각", db_index=True)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.REQUESTED)
    decided_at = models.DateTimeField("처리 시각", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="처리자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_note = MaskedCharField("처리 메모", max_length=300, blank=True)
    aired_on = models.DateField("방송일", null=True, blank=True)

    class Meta:
        verbose_name = "JOY 방송 신청"
        verbose_name_plural = "JOY 방송 신청"
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return self.title
