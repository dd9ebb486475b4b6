from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chinjeol.community import services

KST = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=KST)  # a Monday


def at(y, mo, d, h=10, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    """Uploaded evidence goes to a temporary media folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    return tmp_path


@pytest.fixture
def make_report(org):
    def make(kind="unkind", now=None, **overrides):
        values = {
            "kind": kind,
            "body": "민원실 창구에서 반말을 들었습니다. 제 번호는 010-9876-5432입니다.",
            "reporter_name": "정시민",
            "reporter_phone": "010-9876-5432",
            "official_name": "김민원 주무관",
            "department_text": "민원과",
            "occurred_on": None,
            "consent": True,
        }
        values.update(overrides)
        return services.report_receive(intake=services.ReportIntake(**values), now=now or NOW)

    return make


@pytest.fixture
def investigated(org, make_report):
    """A report under investigation with officials identified: make(kind, *staff)."""

    def make(kind="unkind", *people, now=None):
        report = make_report(kind, now=now)
        services.report_investigate(report_id=report.pk, by=org.officer, now=now or NOW)
        for person in people or (org.clerk,):
            services.report_official_add(
                report_id=report.pk, staff_id=person.staff.pk, by=org.officer, now=now or NOW
            )
        return report

    return make


def prevention_for(org, **overrides):
    values = {
        "measure": "창구 응대 매뉴얼 재교육",
        "responsible_id": org.leader.staff.pk,
        "due_on": NOW.date(),
    }
    values.update(overrides)
    return services.PreventionInput(**values)
