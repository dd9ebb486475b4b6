from __future__ import annotations

from django.db import models

from . import kinds


class MessageQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=Message.Status.QUEUED)

    def about(self, obj):
        """The messages about one object (a case, a call-back, a visit …), oldest first."""
        return self.filter(about_type=kinds.about_key(obj), about_id=obj.pk).order_by("created_at", "id")

    def due(self, now):
        """Queued messages whose (next) attempt is due, oldest first."""
        return self.queued().filter(next_attempt_at__lte=now).order_by("next_attempt_at", "id")


class Message(models.Model):
    """Every message sent to a customer or an official, with its outcome (발송 기록)."""

    class Channel(models.TextChoices):
        EMAIL = "email", "전자우편"
        SMS = "sms", "문자"
        LETTER = "letter", "서면(출력)"

    class Status(models.TextChoices):
        QUEUED = "queued", "대기"
        SENT = "sent", "발송"
        FAILED = "failed", "실패"

    kind = models.CharField("통지 종류", max_length=30, choices=kinds.kind_choices)
    channel = models.CharField("수단", max_length=10, choices=Channel.choices)
    recipient = models.CharField("받는 곳", max_length=200)
    recipient_masked = models.CharField("받는 곳(가림)", max_length=200)
    subject = models.CharField("제목", max_length=200)
    body = models.TextField("내용")
    # What the message is about: any registered model (notify.kinds.register_about), by label and id, so
    # notify points at no app above it. `about_text` names it without personal data ("민원 2026-000123").
    about_type = models.CharField("대상 종류", max_length=60, blank=True)
    about_id = models.PositiveBigIntegerField("대상 번호", null=True, blank=True)
    about_text = models.CharField("대상", max_length=100, blank=True)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.QUEUED)
    backend = models.CharField("발송 수단", max_length=30, blank=True)
    created_at = models.DateTimeField("만든 시각", db_index=True)
    sent_at = models.DateTimeField("발송 시각", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("시도", default=0)
    next_attempt_at = models.DateTimeField("다음 시도 시각", null=True, blank=True)
    error = models.TextField("오류", blank=True)
    delivery_started_at = models.DateTimeField(
        "발송 시작 시각",
        null=True,
        blank=True,
        help_text="발송자가 가져가 보내기 시작한 시각. 결과(발송·실패)를 적으면 비웁니다. 비워지지 않은 채 다시 "
        "가져가면 앞 시도의 결과를 모르는 것이므로 같은 발송 키로만 다시 보냅니다.",
    )
    dedupe_key = models.CharField(
        "중복 방지 키",
        max_length=150,
        null=True,
        blank=True,
        unique=True,
        help_text="한 번만 보내야 하는 통지의 키 (예: 민원·처리기한마다 한 번인 기한 임박 알림).",
    )

    objects = MessageQuerySet.as_manager()

    # Set on the instance `message_queue` returns when a message with the same key already existed.
    was_queued_before = False

    class Meta:
        verbose_name = "발송 기록"
        verbose_name_plural = "발송 기록"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["about_type", "about_id"], name="message_about"),
            # The sender's queue: only the waiting messages are in it.
            models.Index(
                fields=["next_attempt_at", "id"], name="message_due", condition=models.Q(status="queued")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.recipient_masked}: {self.subject}"

    @property
    def delivery_key(self) -> str:
        """The same on every attempt: passed to the provider (SMS grouping key, e-mail Message-ID, outbox file
        name) so a delivery repeated after a sender died is recognised as the same one."""
        return f"cj-{self.created_at:%Y%m%d%H%M%S}-{self.pk}"

    @property
    def kind_label(self) -> str:
        return kinds.kind_label(self.kind)

    @property
    def about_url(self) -> str:
        about = kinds.about_for(self.about_type)
        if about is None or about.url is None or self.about_id is None:
            return ""
        return about.url(self.about_id)

    def is_scheduled(self, now) -> bool:
        """Queued for a later moment and not tried yet (a happy-call for the next business day, a reminder for
        the day before a visit): shown as 예약."""
        return (
            self.status == self.Status.QUEUED
            and not self.attempts
            and self.next_attempt_at is not None
            and self.next_attempt_at > now
        )

    def notice_status(self, now) -> str:
        return "scheduled" if self.is_scheduled(now) else self.status
