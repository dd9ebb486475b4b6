from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.clock import fixed_clock

KST = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=KST)
clock = fixed_clock(2026, 11, 23)


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    """Course files go to a temporary media folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    return tmp_path


@pytest.fixture
def courses(db):
    from chinjeol.training.courseset import build_course_set

    return build_course_set(now=NOW)


def right_answers(course) -> dict[int, int]:
    return dict(course.questions.values_list("id", "answer"))
