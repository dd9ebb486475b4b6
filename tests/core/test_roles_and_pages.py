"""Every page checks the role: each persona reaches what it must and no more."""

import pytest
from django.urls import reverse

from chinjeol.core.models import PersonalDataAccess

ROLE_HOME_TEXT = {
    "officer": "기관 전체 현황",
    "auditor": "기관 전체 현황",
    "head": "담당 부서 현황",
    "leader": "담당 부서 현황",
    "clerk": "오늘도 친절한 하루",
    "evaluator": "평가표를 입력합니다",
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", sorted(ROLE_HOME_TEXT))
def test_each_role_has_its_home(client_for, org, persona):
    response = client_for(getattr(org, persona)).get(reverse("home"))
    assert response.status_code == 200
    assert ROLE_HOME_TEXT[persona] in response.content.decode()


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    for url in [
        reverse("home"),
        reverse("organization:directory"),
        reverse("access_log"),
        reverse("organization:import"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("officer", True),
        ("auditor", True),
        ("head", False),
        ("leader", False),
        ("clerk", False),
        ("evaluator", False),
    ],
)
def test_access_log_only_for_officer_and_auditor(client_for, org, persona, allowed):
    response = client_for(getattr(org, persona)).get(reverse("access_log"))
    assert response.status_code == (200 if allowed else 403)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("officer", True), ("auditor", False), ("head", False), ("clerk", False), ("evaluator", False)],
)
def test_org_import_only_for_officer(client_for, org, persona, allowed):
    response = client_for(getattr(org, persona)).get(reverse("organization:import"))
    assert response.status_code == (200 if allowed else 403)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [("officer", 200), ("auditor", 200), ("head", 302), ("clerk", 302), ("evaluator", 302)],
)
def test_back_office_only_for_officer_and_auditor(client_for, org, persona, status):
    response = client_for(getattr(org, persona)).get("/admin/")
    assert response.status_code == status


@pytest.mark.django_db
def test_auditor_reads_but_cannot_change_in_back_office(client_for, org):
    client = client_for(org.auditor)
    staff = org.clerk.staff
    assert client.get(f"/admin/organization/staff/{staff.pk}/change/").status_code == 200
    response = client.post(f"/admin/organization/staff/{staff.pk}/change/", {"name": "바뀐이름"})
    assert response.status_code == 403
    staff.refresh_from_db()
    assert staff.name == "김민원"


@pytest.mark.django_db
def test_back_office_contact_view_is_logged(client_for, org):
    client_for(org.officer).get(f"/admin/organization/staff/{org.clerk.staff.pk}/change/")
    assert PersonalDataAccess.objects.filter(username="officer", subject_id=str(org.clerk.staff.pk)).exists()


@pytest.mark.django_db
def test_navigation_shows_areas_by_role(client_for, org):
    body = client_for(org.officer).get(reverse("home")).content.decode()
    for label in ["민원", "서비스헌장", "콜센터", "친절평가", "지식", "관리"]:
        assert f">{label}<" in body
    evaluator_body = client_for(org.evaluator).get(reverse("home")).content.decode()
    assert ">관리<" not in evaluator_body and ">콜센터<" not in evaluator_body


@pytest.mark.django_db
def test_area_forbidden_for_role_without_it(client_for, org):
    assert client_for(org.evaluator).get(reverse("area", args=["admin"])).status_code == 403
    assert client_for(org.officer).get(reverse("area", args=["admin"])).status_code == 200
    assert client_for(org.officer).get(reverse("area", args=["nope"])).status_code == 404
