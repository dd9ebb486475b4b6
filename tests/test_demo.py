import pytest

from chinjeol.core.access import primary_role
from chinjeol.core.models import User
from chinjeol.core.roles import Role
from chinjeol.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_load
from chinjeol.organization.models import Agency, Department, Staff


@pytest.mark.django_db
def test_demo_agency_is_realistic_and_loaded_once():
    assert demo_load() is True
    assert demo_load() is False
    assert Agency.objects.get().name == "한빛구청"
    assert 22 <= Department.objects.count() <= 32
    assert 370 <= Staff.objects.count() <= 430
    assert Department.objects.filter(
        kind="team", parent__kind="division", parent__parent__kind="bureau"
    ).exists()
    names = list(Staff.objects.values_list("name", flat=True))
    assert all(2 <= len(n) <= 4 for n in names)
    assert len(set(names)) > 300


@pytest.mark.django_db(transaction=True)
def test_demo_is_deterministic():
    demo_load()
    first = list(
        Staff.objects.order_by("employee_no").values_list("employee_no", "name", "department__name")[:50]
    )
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0)
    demo_load()
    again = list(
        Staff.objects.order_by("employee_no").values_list("employee_no", "name", "department__name")[:50]
    )
    assert first == again


@pytest.mark.django_db
def test_demo_accounts_log_in_with_their_roles():
    demo_load()
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
