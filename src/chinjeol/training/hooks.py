"""What the training app offers the others through their registries: the 교육 이수 mileage source (each entry
opens the course it was earned on), the course suggested for a weakest kindness item on *내 친절*, and the
kindness course assigned to an official whose unkind report was substantiated."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from chinjeol.charter.calendar import format_date_ko

SOURCE_TYPE = "training_completion"
SOURCE_LABEL = "교육 이수"


def completion_links(entries: list, user) -> dict[int, str]:
    from .models import Completion

    ids = {int(e.source_id) for e in entries if e.source_id.isdigit()}
    codes = dict(Completion.objects.filter(pk__in=ids).values_list("pk", "course__code"))
    return {
        e.pk: reverse("training:course", args=[codes[int(e.source_id)]])
        for e in entries
        if e.source_id.isdigit() and int(e.source_id) in codes
    }


def suggest_courses(staff, item_code: str, user) -> list:
    from chinjeol.kindness.remedies import Suggestion

    from . import queries

    today = timezone.localdate()
    out = []
    for course in queries.courses_for_item(item_code)[:3]:
        status = queries.course_status(staff, course, today)
        if status.get("completion"):
            note = "올해 이수함"
        elif status.get("assignment"):
            note = f"이수 기한 {format_date_ko(status['assignment'].due_on)}"
        else:
            note = f"{course.get_stage_display()} · {course.minutes}분"
        out.append(
            Suggestion(f"‘{course.title}’ 과정 듣기", reverse("training:course", args=[course.code]), note)
        )
    return out


def assign_after_unkind(*, staff, what: str, source: str, by, now: datetime) -> None:
    """친절서비스 보증: the official of a substantiated unkind report is assigned the kindness course."""
    from . import queries
    from .models import Assignment
    from .services import assign_one
    from .services.assignments import UNKIND_DUE_DAYS

    course = queries.course_for_unkind()
    if course is None:
        return
    due = timezone.localdate(now) + timedelta(days=UNKIND_DUE_DAYS)
    assign_one(
        staff=staff,
        course=course,
        reason=Assignment.Reason.UNKIND,
        due_on=due,
        now=now,
        by=by,
        note=what[:200],
    )


NOTICE_KINDS = {"training_reminder": "교육 이수 기한 알림", "training_chase": "교육 미이수 독촉"}


def register_notice_kinds() -> None:
    from chinjeol.notify.kinds import About, register_about, register_kind

    for code, label in NOTICE_KINDS.items():
        register_kind(code, label)
    register_about(
        About(
            "training.assignment",
            "교육 배정",
            lambda a: f"{a.course.title} (기한 {format_date_ko(a.due_on)})",
        )
    )
