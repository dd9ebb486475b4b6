"""An official completes an assigned course (the video seeks, the quiz is passed) and the 교육 이수 points appear on
*내 친절*."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from tests.browser.conftest import login

SHOTS = os.environ.get("CHINJEOL_SHOTS_DIR")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_official_completes_an_assigned_course_and_sees_the_points(page, org, shot, settings, tmp_path):
    from django.utils import timezone

    from chinjeol.kindness.models import MileageEntry
    from chinjeol.training import rules, services
    from chinjeol.training.courseset import QUIZZES, build_course_set

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    now = timezone.now()
    course = build_course_set(now=now)["myungpum-1"]
    services.assign(course=course, target=rules.Target(rules.TargetKind.PERSON,
                    staff_ids=frozenset({org.clerk.staff.pk})), due_on=timezone.localdate(now) + timedelta(days=7),
                    by=org.officer, now=now)  # fmt: skip

    login(page, "clerk", org.password)
    page.goto("/")
    page.get_by_role("link", name="이수할 교육 과정").first.click()
    page.get_by_role("link", name=course.title).first.click()
    page.get_by_text("이수 기한").first.wait_for()

    # The video plays from the app and seeks: the browser asks for byte ranges and jumps to 8 s.
    video = page.locator("video.course-video")
    video.evaluate(
        "v => new Promise(ok => v.readyState >= 1 ? ok() : v.addEventListener('loadedmetadata', ok))"
    )
    assert video.evaluate("v => v.duration") > 10
    video.evaluate(
        "v => new Promise(ok => { v.addEventListener('seeked', ok, {once: true}); v.currentTime = 8; })"
    )
    assert video.evaluate("v => v.currentTime") == pytest.approx(8, abs=0.5)
    _shots(page, shot, "course")

    page.get_by_role("link", name="평가 보기").click()
    for index, (_text, choices, answer) in enumerate(QUIZZES["myungpum-1"], start=1):
        page.get_by_role("group", name=f"{index}.").get_by_label(choices[answer]).check()
    _shots(page, shot, "quiz")
    page.get_by_role("button", name="답안 내기").click()
    page.get_by_text("합격했습니다 — 100점").wait_for()

    page.get_by_role("link", name="내 친절 보기").click()
    entry = MileageEntry.objects.get(source_type="training_completion")
    row = page.locator(f"#entry-{entry.pk}")
    assert "교육 이수: 명품 고객응대 1. 첫인사와 경청" in row.inner_text() and "+2.0" in row.inner_text()
    _shots(page, shot, "me")


def _shots(page, shot, name: str) -> None:
    shot(name)
    if SHOTS:  # for a person to look at both widths: CHINJEOL_SHOTS_DIR=/tmp/shots-training
        os.makedirs(SHOTS, exist_ok=True)
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
