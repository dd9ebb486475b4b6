"""The first page: each role lands on its own, with the figures of that role read by `workspace.queries`."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from chinjeol.core.models import PersonalDataAccess
from chinjeol.core.roles import Role
from chinjeol.organization.models import Department
from chinjeol.workspace import queries
from tests.factories import make_department, make_user

pytestmark = pytest.mark.django_db


def template_names(response) -> set[str]:
    return {t.name for t in response.templates}


def test_the_addresses_people_bookmarked_are_unchanged():
    assert reverse("home") == "/"
    assert reverse("access_log") == "/privacy/access-log/"


@pytest.mark.parametrize(
    ("persona", "template"),
    [
        ("officer", "workspace/home_office.html"),
        ("auditor", "workspace/home_office.html"),
        ("head", "workspace/home_department.html"),
        ("leader", "workspace/home_department.html"),
        ("evaluator", "workspace/home_evaluator.html"),
        ("clerk", "workspace/home_staff.html"),
    ],
)
def test_each_role_lands_on_its_own_first_page(client_for, org, persona, template):
    response = client_for(getattr(org, persona)).get("/")
    assert response.status_code == 200
    assert {template, "workspace/_inbox.html", "workspace/_home_areas.html"} <= template_names(response)


def test_an_account_without_a_role_gets_the_empty_first_page(client_for, db):
    response = client_for(make_user("norole")).get("/")
    assert response.status_code == 200
    assert "workspace/home_none.html" in template_names(response)


def test_the_office_sees_the_agencys_figures(client_for, org):
    make_department("폐지과", is_active=False)
    PersonalDataAccess.objects.create(
        at=timezone.now(),
        username="officer",
        action="view",
        subject_type="staff",
        subject_label="박세무",
        fields="전화",
    )
    response = client_for(org.officer).get("/")
    stats = response.context["stats"]
    assert stats == {"departments": 4, "staff": 6, "accounts": 7, "access_today": 1}
    assert dict(response.context["role_counts"])[Role.CS_OFFICER.label] == 1
    assert [e.subject_label for e in response.context["recent_access"]] == ["박세무"]


def test_a_head_sees_only_their_own_departments_with_staff_counted(client_for, org):
    response = client_for(org.head).get("/")
    departments = list(response.context["my_departments"])
    assert [d.name for d in departments] == ["민원과"]
    assert departments[0].active_staff == 3  # officer, head, leader; the clerk is in 민원팀


def test_an_evaluator_sees_the_divisions_and_offices(client_for, org):
    make_department("시험사업소", kind=Department.Kind.OFFICE)
    response = client_for(org.evaluator).get("/")
    assert {d.name for d in response.context["departments"]} == {"민원과", "세무과", "시험사업소"}
    assert response.context.get("me") is None  # the evaluator is not on the staff list


def test_staff_see_their_own_card(client_for, org):
    response = client_for(org.clerk).get("/")
    me = response.context["me"]
    assert me.name == "김민원" and me.department.parent.name == "민원과"
    assert "민원과 › 민원팀" in response.content.decode()


def test_a_missing_staff_record_leaves_the_card_out(org):
    assert queries.staff_card(999999) is None
