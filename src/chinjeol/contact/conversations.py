"""SMS and chat conversations with citizens (models; imported by `contact.models`).

Every inbound text is masked (personal data) and checked (korean.abuse) before it is stored: the stored text
is the masked one and the check's labels sit beside it. The citizen's address (phone number or the chat
gateway's user key) lives in its own field, for replies only; pages show the masked form."""

from __future__ import annotations

from django.db import models

from chinjeol.core.fields import MaskedTextField


class Conversation(models.Model):
    class Channel(models.TextChoices):
        SMS = "sms", "문자"
        CHAT = "chat", "채팅"

    class Status(models.TextChoices):
        OPEN = "open", "상담 중"
        ENDED = "ended", "종료"

    class EndReason(models.TextChoices):
        DONE = "done", "상담 완료"
        ABUSE = "abuse", "폭언으로 종료 (응대 절차)"

    channel = models.CharField("경로", max_length=10, choices=Channel.choices)
    provider = models.CharField("게이트웨이", max_length=40, blank=True)
    address = models.CharField(
        "회신 주소", max_length=100, help_text="전화번호 또는 채팅 사용자 키 (회신에만 씀)"
    )
    address_masked = models.CharField("상대", max_length=40)
    number_hash = models.CharField("번호 해시", max_length=32, blank=True, db_index=True)
    service_address = models.CharField("받은 번호·채널", max_length=60, blank=True)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.OPEN)
    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="상담사",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conversations",
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name="민원",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conversations",
    )
    offences = models.PositiveSmallIntegerField("폭언 횟수", default=0)
    alert_action = models.CharField("최근 경고", max_length=10, blank=True)
    alert_category = models.CharField("최근 경고 분류", max_length=20, blank=True)
    started_at = models.DateTimeField("시작")
    last_at = models.DateTimeField("마지막 메시지")
    ended_at = models.DateTimeField("종료", null=True, blank=True)
    end_reason = models.CharField("종료 사유", max_length=10, choices=EndReason.choices, blank=True)

    class Meta:
        verbose_name = "문자·채팅 상담"
        verbose_name_plural = "문자·채팅 상담"
        ordering = ["-last_at", "-id"]
        indexes = [
            models.Index(fields=["status", "last_at"], name="conversation_status_last"),
            models.Index(fields=["channel", "address", "status"], name="conversation_address"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.address_masked} ({self.get_status_display()})"


class ChatMessage(models.Model):
    class Direction(models.TextChoices):
        INBOUND = "in", "받음"
        OUTBOUND = "out", "보냄"

    class Author(models.TextChoices):
        CITIZEN = "citizen", "민원인"
        COUNSELLOR = "counsellor", "상담사"
        SYSTEM = "system", "자동 안내"

    conversation = models.ForeignKey(
        Conversation, verbose_name="상담", on_delete=models.CASCADE, related_name="messages"
    )
    direction = models.CharField("방향", max_length=3, choices=Direction.choices)
    author = models.CharField("보낸 쪽", max_length=10, choices=Author.choices)
    text = MaskedTextField("내용(가림)")
    provider = models.CharField("게이트웨이", max_length=40, blank=True)
    provider_message_id = models.CharField("게이트웨이 메시지 ID", max_length=100, null=True, blank=True)
    abuse_labels = models.CharField("폭언 분류", max_length=40, blank=True)
    severity = models.CharField("심각도", max_length=10, blank=True)
    action = models.CharField("응대 절차", max_length=10, blank=True)
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="보낸 상담사", on_delete=models.PROTECT, null=True, blank=True
    )
    notice = models.ForeignKey(
        "notify.Message", verbose_name="발송 기록", on_delete=models.PROTECT, null=True, blank=True
    )
    at = models.DateTimeField("시각")

    class Meta:
        verbose_name = "문자·채팅 메시지"
        verbose_name_plural = "문자·채팅 메시지"
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_message_id"],
                condition=models.Q(provider_message_id__isnull=False),
                name="chat_message_provider_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_author_display()}: {self.text[:30]}"

    @property
    def labels(self) -> list[str]:
        return [label for label in self.abuse_labels.split(",") if label]


def register_notices() -> None:
    """The messages a conversation sends, and how the notice log names and links one."""
    from django.urls import reverse

    from chinjeol.notify.kinds import About, register_about, register_kind

    register_kind("chat_reply", "상담 답변")
    register_kind("abuse_warning", "폭언 경고")
    register_kind("abuse_end", "상담 종료 안내")
    register_about(
        About(
            "contact.conversation",
            "문자·채팅 상담",
            lambda conversation: f"{conversation.pk}번",
            lambda pk: reverse("contact:conversation", args=[pk]),
        )
    )


class ReplyTemplate(models.Model):
    """자주 쓰는 문구: a reply the counsellor sends with one click in an SMS or chat conversation, kept by the CS
    officer. `{기관명}` in the text becomes the agency's name when it is shown."""

    title = models.CharField("버튼 이름", max_length=30)
    body = models.TextField("문구", max_length=1000, help_text="{기관명}은 기관 이름으로 바뀝니다.")
    order = models.PositiveSmallIntegerField("순서", default=1)
    is_active = models.BooleanField("사용", default=True)

    class Meta:
        verbose_name = "자주 쓰는 문구"
        verbose_name_plural = "자주 쓰는 문구 (문자·채팅)"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title
