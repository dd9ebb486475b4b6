"""Happy-calls after a closed case (C12) and satisfaction surveys with anonymous answers (C9)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped


class HappyCall(models.Model):
    """해피콜: the survey of one closed case, from the scheduled SMS to the answer and the catch-call."""

    class Status(models.TextChoices):
        WAITING = "waiting", "응답 대기"
        ANSWERED = "answered", "응답 완료"
        UNREACHABLE = "unreachable", "응답 받지 못함"

    class Via(models.TextChoices):
        LINK = "link", "문자 링크"
        PHONE = "phone", "전화 조사"
        STATUS_PAGE = "status_page", "처리 상황 화면"

    case = models.OneToOneField(
        "cases.Case", verbose_name="민원", on_delete=models.PROTECT, related_name="happy_call"
    )
    status = models.CharField("상태", max_length=20, choices=Status.choices, default=Status.WAITING)
    token = models.CharField("응답 링크 키", max_length=40, unique=True, null=True, blank=True)
    send_at = models.DateTimeField("문자 발송 예정 시각", null=True, blank=True)
    expires_at = models.DateTimeField("링크 유효 기한", null=True, blank=True)
    message = models.ForeignKey(
        "notify.Message", verbose_name="안내 문자", null=True, blank=True, on_delete=models.SET_NULL
    )
    score_result = models.PositiveSmallIntegerField("처리 결과 만족도", null=True, blank=True)
    score_kindness = models.PositiveSmallIntegerField("친절 만족도", null=True, blank=True)
    score_speed = models.PositiveSmallIntegerField("처리 속도 만족도", null=True, blank=True)
    score = models.PositiveSmallIntegerField("전반 만족도", null=True, blank=True)
    comment = MaskedTextField("의견", blank=True)
    answered_at = models.DateTimeField("응답 시각", null=True, blank=True)
    answered_via = models.CharField("응답 경로", max_length=20, choices=Via.choices, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="전화 조사 입력자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dissatisfied = models.BooleanField("불만족", default=False)
    catch_due_at = models.DateTimeField("불만 해소 전화 기한", null=True, blank=True)
    catch_done_at = models.DateTimeField("불만 해소 전화 시각", null=True, blank=True)
    catch_note = MaskedTextField("불만 해소 전화 결과", blank=True)
    catch_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="불만 해소 전화자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "해피콜"
        verbose_name_plural = "해피콜"
        indexes = [
            models.Index(fields=["status", "send_at"], name="happycall_status_send"),
            models.Index(fields=["answered_at"], name="happycall_answered"),
        ]

    def __str__(self) -> str:
        return f"{self.case.receipt_no}: {self.get_status_display()}"

    @property
    def scores(self) -> tuple[int | None, ...]:
        return (self.score_result, self.score_kindness, self.score_speed, self.score)


class Survey(TimeStamped):
    """A satisfaction survey: questions, anonymous answers by link, QR or SMS, results, publication."""

    class Status(models.TextChoices):
        DRAFT = "draft", "작성 중"
        OPEN = "open", "응답 받는 중"
        CLOSED = "closed", "마감"

    title = MaskedCharField("제목", max_length=200)
    intro = MaskedTextField("안내문", blank=True)
    is_annual = models.BooleanField("연례 고객만족도 조사", default=False)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.DRAFT)
    token = models.CharField("응답 링크 키", max_length=40, unique=True)
    opens_on = models.DateField("시작일", null=True, blank=True)
    closes_on = models.DateField("마감일", null=True, blank=True)
    published_at = models.DateTimeField("결과 공개 시각", null=True, blank=True)
    findings = MaskedTextField("결과 요약", blank=True)
    actions = MaskedTextField("개선 조치", blank=True, help_text="결과를 보고 정한 개선 조치 (한 줄에 하나)")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="만든 사람",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "만족도 조사"
        verbose_name_plural = "만족도 조사"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def action_lines(self) -> list[str]:
        return [line.strip() for line in self.actions.splitlines() if line.strip()]


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE5 = "scale5", "5점 척도"
        SCALE7 = "scale7", "7점 척도"
        SINGLE = "single", "하나 고르기"
        MULTIPLE = "multiple", "여러 개 고르기"
        TEXT = "text", "서술형"
        NPS = "nps", "추천 의향(0~10점)"

    survey = models.ForeignKey(
        Survey, verbose_name="조사", on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField("순서", default=0)
    kind = models.CharField("유형", max_length=10, choices=Kind.choices)
    text = MaskedCharField("질문", max_length=300)
    options = models.JSONField("보기", default=list, blank=True)
    required = models.BooleanField("필수", default=True)

    class Meta:
        verbose_name = "조사 문항"
        verbose_name_plural = "조사 문항"
        ordering = ["survey", "order", "id"]

    def __str__(self) -> str:
        return self.text


class Response(models.Model):
    """One anonymous answer sheet: no name, no number, no address kept."""

    class Channel(models.TextChoices):
        LINK = "link", "링크"
        QR = "qr", "QR 코드"
        SMS = "sms", "문자"

    survey = models.ForeignKey(
        Survey, verbose_name="조사", on_delete=models.CASCADE, related_name="responses"
    )
    channel = models.CharField("응답 경로", max_length=10, choices=Channel.choices, default=Channel.LINK)
    submitted_at = models.DateTimeField("응답 시각")

    class Meta:
        verbose_name = "조사 응답"
        verbose_name_plural = "조사 응답"
        indexes = [models.Index(fields=["survey", "submitted_at"], name="response_survey_at")]

    def __str__(self) -> str:
        return f"{self.survey_id} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, verbose_name="응답", on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name="문항", on_delete=models.CASCADE, related_name="answers"
    )
    number = models.SmallIntegerField("점수", null=True, blank=True)
    choices = models.JSONField("고른 보기", null=True, blank=True)
    text = MaskedTextField("서술 응답", blank=True)

    class Meta:
        verbose_name = "문항 응답"
        verbose_name_plural = "문항 응답"
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="uniq_answer_question")]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"

    @property
    def value(self):
        return (
            self.choices
            if self.choices is not None
            else self.number
            if self.number is not None
            else self.text
        )
