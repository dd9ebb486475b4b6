import pytest

from chinjeol.core.access import primary_role
from chinjeol.core.models import User
from chinjeol.core.roles import Role
from chinjeol.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_load
from chinjeol.organization.models import Agency, Department, Staff

SCALE = 0.05  # a twentieth of the year's history keeps these tests quick


@pytest.mark.django_db
def test_demo_agency_is_realistic_and_loaded_once():
    assert demo_load(scale=SCALE) is True
    assert demo_load(scale=SCALE) is False
    assert Agency.objects.get().name == "한빛구청"
    assert 22 <= Department.objects.count() <= 32
    assert 370 <= Staff.objects.count() <= 430
    assert Department.objects.filter(
        kind="team", parent__kind="division", parent__parent__kind="bureau"
    ).exists()
    names = list(Staff.objects.values_list("name", flat=True))
    assert all(2 <= len(n) <= 4 for n in names)
    assert len(set(names)) > 300


def _snapshot():
    from chinjeol.cases.models import Case

    return (
        list(Staff.objects.order_by("employee_no").values_list("employee_no", "name", "department__name")),
        list(
            Case.objects.order_by("receipt_no").values_list(
                "receipt_no", "title", "department__name", "status"
            )
        ),
    )


@pytest.mark.django_db
def test_demo_is_deterministic():
    from django.db import transaction

    with transaction.atomic():
        demo_load(scale=SCALE)
        first = _snapshot()
        transaction.set_rollback(True)
    demo_load(scale=SCALE)
    assert _snapshot() == first


@pytest.mark.django_db
def test_demo_accounts_log_in_with_their_roles():
    demo_load(scale=SCALE)
    expected = {
        "csadmin": Role.CS_OFFICER,
        "auditor": Role.AUDITOR,
        "head": Role.DEPT_HEAD,
        "cslead": Role.CS_LEADER,
        "counsellor": Role.STAFF,
        "staff": Role.STAFF,
        "evaluator": Role.EVALUATOR,
    }
    assert {u for u, _ in DEMO_ACCOUNTS} == set(expected)
    for username, role in expected.items():
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        assert primary_role(user) == role


@pytest.mark.django_db
def test_demo_has_published_the_last_half_years_charter_report(client):
    from django.urls import reverse
    from django.utils import timezone

    from chinjeol.core.periods import Period
    from chinjeol.reports.models import ComplianceReport

    demo_load(scale=SCALE)
    half = Period.containing(timezone.localdate(), "half").previous()
    report = ComplianceReport.objects.get()
    assert report.period == str(half) and report.snapshot["total"]["judged"] > 0
    page = client.get(reverse("reports:charter_report", args=[report.period]))
    assert page.status_code == 200 and "개선" in page.content.decode()
