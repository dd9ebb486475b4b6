"""Abuse incidents against counsellors, their timeline, the support given, and flagged numbers.

A number is never stored here: a flag holds the keyed hash that call records and conversations carry too."""

from __future__ import annotations

from django.db import models

from chinjeol.core.events import Event
from chinjeol.core.fields import MaskedCharField, MaskedTextField


class Incident(models.Model):
    class Category(models.TextChoices):
        PROFANITY = "profanity", "욕설·모욕"
        THREAT = "threat", "신변 위협"
        SEXUAL = "sexual", "성희롱"

    class Channel(models.TextChoices):
        VOICE = "voice", "전화"
        SMS = "sms", "문자"
        CHAT = "chat", "채팅"

    class Status(models.TextChoices):
        OPEN = "open", "조치 중"
        CLOSED = "closed", "조치 완료"

    channel = models.CharField("경로", max_length=10, choices=Channel.choices)
    category = models.CharField("분류", max_length=20, choices=Category.choices)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.OPEN)
    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="상담사",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="abuse_incidents",
    )
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    call_key = models.CharField("통화 ID", max_length=64, blank=True, db_index=True)
    conversation = models.OneToOneField(
        "contact.Conversation",
        verbose_name="문자·채팅 상담",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incident",
    )
    number_hash = models.CharField("번호 해시", max_length=32, blank=True, db_index=True)
    number_masked = models.CharField("번호", max_length=40, blank=True)
    excerpt = MaskedTextField("발언 발췌(가림)", blank=True)
    warnings_given = models.PositiveSmallIntegerField("경고 횟수", default=0)
    ended = models.BooleanField("응대 종료", default=False)
    occurred_at = models.DateTimeField("발생 시각", db_index=True)
    reported_by = models.ForeignKey(
        "organization.Staff", verbose_name="신고자", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = "폭언 사건"
        verbose_name_plural = "폭언 사건"
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["staff", "occurred_at"], name="incident_staff_time")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_category_display()} ({self.get_channel_display()})"

    @property
    def subject_label(self) -> str:
        if self.conversation_id:
            return f"{self.get_channel_display()} 상담 #{self.conversation_id}"
        return f"통화 {self.call_key}" if self.call_key else "-"


class IncidentEvent(Event):
    """The incident's timeline (the evidence package prints it)."""

    class Kind(models.TextChoices):
        MESSAGE = "message", "폭언 메시지"
        REPORTED = "reported", "폭언 신고"
        WARNED = "warned", "경고 안내"
        ENDED = "ended", "응대 종료"
        REST = "rest", "휴식 승인"
        REFERRAL = "referral", "상담 연계"
        LEGAL = "legal", "법적 대응 지원"
        CLOSED = "closed", "조치 완료"

    incident = models.ForeignKey(
        Incident, verbose_name="폭언 사건", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField("구분", max_length=20, choices=Kind.choices)
    from_status = models.CharField("이전 상태", max_length=20, blank=True, choices=Incident.Status.choices)
    to_status = models.CharField("이후 상태", max_length=20, blank=True, choices=Incident.Status.choices)
    note = MaskedTextField("내용", blank=True)
    subject_field = "incident"

    class Meta:
        verbose_name = "폭언 사건 기록"
        verbose_name_plural = "폭언 사건 기록"
        ordering = ["at", "id"]


class SupportRecord(models.Model):
    """What was done for the counsellor: rest (minutes, approved by the supervisor), counselling, legal support.
    Only the counsellor concerned and the CS officer see these."""

    class Kind(models.TextChoices):
        REST = "rest", "휴식"
        COUNSELLING = "counselling", "심리 상담 연계"
        LEGAL = "legal", "법적 대응 지원"

    incident = models.ForeignKey(
        Incident, verbose_name="폭언 사건", on_delete=models.PROTECT, related_name="support"
    )
    kind = models.CharField("구분", max_length=20, choices=Kind.choices)
    minutes = models.PositiveSmallIntegerField("휴식(분)", null=True, blank=True)
    note = MaskedCharField("내용", max_length=500, blank=True)
    approved_by = models.ForeignKey(
        "organization.Staff", verbose_name="승인한 관리자", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("시각")

    class Meta:
        verbose_name = "상담사 지원 기록"
        verbose_name_plural = "상담사 지원 기록"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d})"


class CallerFlag(models.Model):
    """A number with repeated incidents (by its keyed hash): calls are routed to the dedicated team and the
    console shows a banner."""

    number_hash = models.CharField("번호 해시", max_length=32, unique=True)
    incidents = models.PositiveIntegerField("사건 수", default=0)
    first_at = models.DateTimeField("처음 지정")
    last_incident_at = models.DateTimeField("마지막 사건")
    active = models.BooleanField("적용 중", default=True)

    class Meta:
        verbose_name = "반복 폭언 번호"
        verbose_name_plural = "반복 폭언 번호"
        ordering = ["-last_incident_at"]

    def __str__(self) -> str:
        return f"{self.number_hash[:8]}… ({self.incidents}건)"
