"""Writing courses: the CS officer creates a course, adds its materials (a video, a document, a text) and the
questions of its quiz."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from chinjeol.core.errors import DomainError
from chinjeol.core.uploads import too_large_message, upload_limit

from ..models import Course, Material, Question

VIDEO_TYPES = {"video/mp4", "video/webm", "video/ogg"}


def _text(value: str, *, field: str, label: str, limit: int, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise DomainError("required", f"{label}을(를) 적어 주세요.", field=field)
    if len(value) > limit:
        raise DomainError("too_long", f"{label}은(는) {limit}자 이하로 적어 주세요.", field=field)
    return value


@transaction.atomic
def course_create(
    *, code: str, title: str, stage: str, now: datetime, summary: str = "", order: int = 1,
    kindness_item: str = "", pass_mark: int = 80, minutes: int = 30, for_unkind: bool = False,
) -> Course:  # fmt: skip
    code = _text(code, field="code", label="과정 코드", limit=40).lower()
    if Course.objects.filter(code=code).exists():
        raise DomainError("duplicate", "같은 코드의 과정이 이미 있습니다.", field="code")
    if stage not in Course.Stage.values:
        raise DomainError("invalid", "단계를 골라 주세요.", field="stage")
    if not 0 < pass_mark <= 100:
        raise DomainError("invalid", "합격 점수는 1~100 사이여야 합니다.", field="pass_mark")
    return Course.objects.create(
        code=code,
        title=_text(title, field="title", label="과정명", limit=100),
        summary=(summary or "").strip()[:2000],
        stage=stage,
        order=order,
        kindness_item=kindness_item,
        pass_mark=pass_mark,
        minutes=minutes,
        for_unkind=for_unkind,
        created_at=now,
    )


def _next_order(queryset) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def material_add(
    *, course: Course, kind: str, title: str, now: datetime, by=None, body: str = "", upload=None
) -> Material:
    if kind not in Material.Kind.values:
        raise DomainError("invalid", "자료 종류를 골라 주세요.", field="kind")
    title = _text(title, field="title", label="제목", limit=100)
    material = Material(
        course=course,
        order=_next_order(course.materials.all()),
        kind=kind,
        title=title,
        body=(body or "").strip(),
        added_at=now,
        added_by=by,
    )
    if kind == Material.Kind.TEXT:
        if not material.body:
            raise DomainError("required", "읽을거리의 내용을 적어 주세요.", field="body")
    else:
        if upload is None or not getattr(upload, "size", 0):
            raise DomainError("required", "파일을 골라 주세요.", field="file")
        if kind != Material.Kind.VIDEO and upload.size > upload_limit():
            raise DomainError("too_large", too_large_message(upload.size), field="file", status=422)
        content_type = (getattr(upload, "content_type", "") or "application/octet-stream").split(";")[0]
        if kind == Material.Kind.VIDEO and content_type not in VIDEO_TYPES:
            raise DomainError("invalid", "동영상은 MP4, WebM, Ogg 형식만 올릴 수 있습니다.", field="file")
        material.file_name = upload.name[-200:]
        material.content_type = content_type
        material.size = upload.size
        material.file.save(upload.name, upload, save=False)
    material.save()
    return material


@transaction.atomic
def question_add(
    *, course: Course, text: str, choices: list[str], answer: int, explanation: str = ""
) -> Question:
    text = _text(text, field="text", label="문제", limit=300)
    choices = [c.strip() for c in choices if c and c.strip()]
    if len(choices) < 2:
        raise DomainError("invalid", "보기를 두 개 이상 적어 주세요.", field="choices")
    if not 0 <= answer < len(choices):
        raise DomainError("invalid", "정답은 적은 보기 가운데 하나여야 합니다.", field="answer")
    return Question.objects.create(
        course=course,
        order=_next_order(course.questions.all()),
        text=text,
        choices=choices,
        answer=answer,
        explanation=(explanation or "").strip()[:300],
    )
