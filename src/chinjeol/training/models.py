"""Courses (video, documents, text, a quiz with a pass mark) in stepwise curricula, offline sessions with
attendance, assignments with due dates, completions (each one a 교육 이수 mileage entry) and the learning
record kept as xAPI-style statements."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Course(models.Model):
    class Stage(models.TextChoices):
        BASIC = "basic", "1단계 기본"
        SITUATIONS = "situations", "2단계 상황별 응대"
        DIFFICULT = "difficult", "3단계 어려운 고객 응대"

    code = models.SlugField("과정 코드", max_length=40, unique=True)
    title = models.CharField("과정명", max_length=100)
    summary = models.TextField("소개", blank=True)
    stage = models.CharField("단계", max_length=12, choices=Stage.choices, default=Stage.BASIC)
    order = models.PositiveSmallIntegerField("단계 안 순서", default=1)
    kindness_item = models.CharField(
        "다루는 친절 평가 항목", max_length=30, blank=True, help_text="이 항목이 가장 약한 직원에게 권합니다."
    )
    for_unkind = models.BooleanField(
        "불친절 인정 시 배정", default=False, help_text="불친절 신고가 인정된 직원에게 자동으로 배정합니다."
    )
    pass_mark = models.PositiveSmallIntegerField("합격 점수(%)", default=80)
    minutes = models.PositiveSmallIntegerField("학습 시간(분)", default=30)
    is_active = models.BooleanField("운영", default=True)
    created_at = models.DateTimeField("만든 시각")

    class Meta:
        verbose_name = "교육 과정"
        verbose_name_plural = "교육 과정"
        ordering = ["stage", "order", "code"]

    def __str__(self) -> str:
        return self.title


def material_path(instance: Material, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"training/{instance.course_id}/{uuid.uuid4().hex}.{extension}"


class Material(models.Model):
    class Kind(models.TextChoices):
        VIDEO = "video", "동영상"
        DOCUMENT = "document", "자료 파일"
        TEXT = "text", "읽을거리"

    course = models.ForeignKey(
        Course, verbose_name="과정", on_delete=models.PROTECT, related_name="materials"
    )
    order = models.PositiveSmallIntegerField("순서", default=1)
    kind = models.CharField("종류", max_length=10, choices=Kind.choices)
    title = models.CharField("제목", max_length=100)
    body = models.TextField("내용", blank=True)
    file = models.FileField("파일", upload_to=material_path, blank=True, max_length=200)
    file_name = models.CharField("원래 파일 이름", max_length=200, blank=True)
    content_type = models.CharField("형식", max_length=100, blank=True)
    size = models.PositiveBigIntegerField("크기(바이트)", default=0)
    added_at = models.DateTimeField("올린 시각")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="올린 사람", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "학습 자료"
        verbose_name_plural = "학습 자료"
        ordering = ["course", "order", "id"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    course = models.ForeignKey(
        Course, verbose_name="과정", on_delete=models.PROTECT, related_name="questions"
    )
    order = models.PositiveSmallIntegerField("순서", default=1)
    text = models.CharField("문제", max_length=300)
    choices = models.JSONField("보기", default=list)
    answer = models.PositiveSmallIntegerField("정답 번호(0부터)")
    explanation = models.CharField("해설", max_length=300, blank=True)

    class Meta:
        verbose_name = "평가 문항"
        verbose_name_plural = "평가 문항"
        ordering = ["course", "order", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def answer_text(self) -> str:
        return self.choices[self.answer] if 0 <= self.answer < len(self.choices) else ""


class Assignment(models.Model):
    class Reason(models.TextChoices):
        ROLE = "role", "역할별"
        DEPARTMENT = "department", "부서별"
        NEW_STAFF = "new_staff", "신규 직원"
        WEAKEST_ITEM = "weakest_item", "보완 항목"
        PERSON = "person", "개별 지정"
        UNKIND = "unkind", "불친절 인정"

    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="직원",
        on_delete=models.PROTECT,
        related_name="training_assignments",
    )
    course = models.ForeignKey(
        Course, verbose_name="과정", on_delete=models.PROTECT, related_name="assignments"
    )
    cycle = models.PositiveSmallIntegerField("연도")
    reason = models.CharField("배정 사유", max_length=15, choices=Reason.choices)
    note = models.CharField("비고", max_length=200, blank=True)
    due_on = models.DateField("이수 기한")
    assigned_at = models.DateTimeField("배정 시각")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="배정자", null=True, blank=True, on_delete=models.PROTECT
    )
    completed_at = models.DateTimeField("이수 시각", null=True, blank=True)
    reminded_on = models.DateField("기한 전 알림", null=True, blank=True)
    chased_on = models.DateField("마지막 독촉", null=True, blank=True)

    class Meta:
        verbose_name = "교육 배정"
        verbose_name_plural = "교육 배정"
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "course", "cycle"], name="uniq_training_assignment")
        ]
        indexes = [models.Index(fields=["completed_at", "due_on"], name="training_assign_open_due")]

    def __str__(self) -> str:
        return f"{self.staff} {self.course}"


class Session(models.Model):
    """An offline session or workshop (the CS leader's cascade training in the department)."""

    class Kind(models.TextChoices):
        CLASS = "class", "집합 교육"
        WORKSHOP = "workshop", "워크숍"
        CASCADE = "cascade", "부서 전달 교육"

    kind = models.CharField("구분", max_length=10, choices=Kind.choices, default=Kind.CASCADE)
    title = models.CharField("제목", max_length=100)
    course = models.ForeignKey(
        Course,
        verbose_name="이수 처리할 과정",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    department = models.ForeignKey(
        "organization.Department", verbose_name="대상 부서", null=True, blank=True, on_delete=models.PROTECT
    )
    starts_at = models.DateTimeField("일시")
    place = models.CharField("장소", max_length=100, blank=True)
    led_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="진행자", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "집합 교육·워크숍"
        verbose_name_plural = "집합 교육·워크숍"
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    session = models.ForeignKey(
        Session, verbose_name="교육", on_delete=models.PROTECT, related_name="attendance"
    )
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="직원", on_delete=models.PROTECT, related_name="+"
    )
    present = models.BooleanField("참석", default=True)
    recorded_at = models.DateTimeField("기록 시각")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="기록자", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "출석"
        verbose_name_plural = "출석"
        constraints = [models.UniqueConstraint(fields=["session", "staff"], name="uniq_training_attendance")]

    def __str__(self) -> str:
        return f"{self.session} {self.staff} {'참석' if self.present else '불참'}"


class Completion(models.Model):
    class Via(models.TextChoices):
        QUIZ = "quiz", "온라인 평가 합격"
        ATTENDANCE = "attendance", "집합 교육 참석"

    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="직원",
        on_delete=models.PROTECT,
        related_name="training_completions",
    )
    course = models.ForeignKey(
        Course, verbose_name="과정", on_delete=models.PROTECT, related_name="completions"
    )
    cycle = models.PositiveSmallIntegerField("연도")
    completed_at = models.DateTimeField("이수 시각")
    via = models.CharField("이수 방법", max_length=12, choices=Via.choices)
    score = models.PositiveSmallIntegerField("점수(%)", null=True, blank=True)
    session = models.ForeignKey(Session, verbose_name="교육", null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name = "교육 이수"
        verbose_name_plural = "교육 이수"
        ordering = ["-completed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "course", "cycle"], name="uniq_training_completion")
        ]

    def __str__(self) -> str:
        return f"{self.staff} {self.course} {self.cycle}"


class QuizAttempt(models.Model):
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="직원", on_delete=models.PROTECT, related_name="+"
    )
    course = models.ForeignKey(Course, verbose_name="과정", on_delete=models.PROTECT, related_name="attempts")
    at = models.DateTimeField("응시 시각")
    correct = models.PositiveSmallIntegerField("맞힌 수")
    total = models.PositiveSmallIntegerField("문항 수")
    score = models.PositiveSmallIntegerField("점수(%)")
    passed = models.BooleanField("합격")
    answers = models.JSONField("답", default=dict)

    class Meta:
        verbose_name = "평가 응시"
        verbose_name_plural = "평가 응시"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.staff} {self.course} {self.score}점"


class Statement(models.Model):
    """One learning event as an xAPI statement (actor, verb, object, result, timestamp), append-only, so that
    an agency's learning record store (LRS) can receive them as they are."""

    class Verb(models.TextChoices):
        ASSIGNED = "assigned", "배정됨"
        EXPERIENCED = "experienced", "학습함"
        ATTEMPTED = "attempted", "평가 응시"
        PASSED = "passed", "합격"
        FAILED = "failed", "불합격"
        COMPLETED = "completed", "이수"
        ATTENDED = "attended", "참석"

    class ObjectType(models.TextChoices):
        COURSE = "course", "과정"
        MATERIAL = "material", "학습 자료"
        SESSION = "session", "집합 교육"

    uuid = models.UUIDField("문장 ID", default=uuid.uuid4, unique=True, editable=False)
    actor = models.ForeignKey(
        "organization.Staff", verbose_name="학습자", on_delete=models.PROTECT, related_name="+"
    )
    verb = models.CharField("동사", max_length=12, choices=Verb.choices)
    object_type = models.CharField("대상 종류", max_length=10, choices=ObjectType.choices)
    object_id = models.CharField("대상 ID", max_length=60)
    object_name = models.CharField("대상 이름", max_length=120)
    result = models.JSONField("결과", null=True, blank=True)
    timestamp = models.DateTimeField("시각", db_index=True)

    class Meta:
        verbose_name = "학습 기록(xAPI)"
        verbose_name_plural = "학습 기록(xAPI)"
        ordering = ["timestamp", "id"]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_verb_display()} {self.object_name}"
