"""The auditor reads everything and changes nothing: pages, API and back office ask `may_write`."""

import pytest
from django.urls import reverse

from chinjeol.cases import services as case_services
from chinjeol.cases.models import Case
from chinjeol.community.models import BestCase
from chinjeol.core.access import has_role, may_write, roles_of
from chinjeol.core.models import ApiToken
from chinjeol.core.roles import Role
from tests.factories import at

pytestmark = pytest.mark.django_db


def test_an_auditor_with_a_staff_record_holds_only_the_auditor_role(org):
    assert roles_of(org.auditor) == {Role.AUDITOR: {None}}
    assert not has_role(org.auditor, Role.STAFF)
    assert not may_write(org.auditor)
    assert all(may_write(user) for key, user in org.people.items() if key != "auditor")


def test_auditor_cannot_start_a_case_assigned_to_its_own_staff_record(client_for, make_case, org):
    case = make_case(department_id=org.tax.pk)
    case_services.case_assign(
        case_id=case.pk, staff_id=org.auditor.staff_id, by=org.officer, now=at(2026, 11, 23)
    )
    response = client_for(org.auditor).post(reverse("cases:act", args=[case.pk, "start"]))
    assert response.status_code == 403
    assert "조회만 할 수 있습니다" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Case.Status.ASSIGNED


def test_auditor_cannot_post_on_the_staff_board(client_for, org):
    client = client_for(org.auditor)
    assert client.get(reverse("community:best_new")).status_code == 403
    response = client.post(reverse("community:best_new"), {"title": "사례", "body": "좋은 응대 사례입니다."})
    assert response.status_code == 403
    assert not BestCase.objects.exists()


def test_auditor_reads_the_api_but_cannot_post(client, org):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(org.auditor)[1]}"}
    payload = {
        "channel": "web",
        "kind": "inquiry",
        "title": "주차 문의",
        "body": "주차 단속 문의입니다.",
        "customer_name": "홍길동",
        "customer_phone": "010-1234-5678",
    }
    response = client.post("/api/v1/cases", payload, content_type="application/json", **headers)
    assert response.status_code == 403
    assert response.json()["code"] == "read_only" and "조회만" in response.json()["message"]
    assert not Case.objects.exists()
    assert client.get("/api/v1/cases", **headers).status_code == 200


def test_auditor_session_cannot_post_to_the_api(client_for, org):
    response = client_for(org.auditor).post("/api/v1/cases", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "read_only"


def test_back_office_is_view_only_for_the_auditor(client_for, make_case, org):
    case = make_case()
    client = client_for(org.auditor)
    url = reverse("admin:cases_case_change", args=[case.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:cases_case_add")).status_code == 403
    assert client.post(url, {"title": "바뀐 제목"}).status_code == 403
    case.refresh_from_db()
    assert case.title == "주차 단속 문의"


def test_auditor_can_still_sign_out(client_for, org):
    client = client_for(org.auditor)
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session
