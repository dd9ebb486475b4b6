import pytest

from chinjeol.core.models import ApiToken, PersonalDataAccess


def bearer(user):
    _token, raw = ApiToken.issue(user)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.django_db
def test_no_token_is_401_with_korean_json(client):
    response = client.get("/api/v1/departments")
    assert response.status_code == 401
    data = response.json()
    assert data["code"] == "unauthorized" and "인증" in data["message"]


@pytest.mark.django_db
def test_bad_token_is_401(client, org):
    response = client.get("/api/v1/staff", HTTP_AUTHORIZATION="Bearer cj_nope")
    assert response.status_code == 401


@pytest.mark.django_db
def test_revoked_token_is_401(client, org):
    token, raw = ApiToken.issue(org.officer)
    token.revoked_at = token.created_at
    token.save()
    assert client.get("/api/v1/staff", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


@pytest.mark.django_db
def test_departments_with_paging_and_filters(client, org):
    headers = bearer(org.clerk)
    data = client.get("/api/v1/departments", {"page_size": 2}, **headers).json()
    assert data["total"] == 4 and len(data["items"]) == 2
    data = client.get("/api/v1/departments", {"parent_id": org.civil.pk}, **headers).json()
    assert [d["name"] for d in data["items"]] == ["민원팀"]
    data = client.get("/api/v1/departments", {"kind": "bureau"}, **headers).json()
    assert [d["name"] for d in data["items"]] == ["행정국"]


@pytest.mark.django_db
def test_staff_list_masks_contact(client, org):
    data = client.get("/api/v1/staff", {"department_id": org.team.pk}, **bearer(org.clerk)).json()
    assert data["total"] == 1
    item = data["items"][0]
    assert item["name"] == "김민원" and "*" in item["mobile"] and item["mobile"] != org.clerk.staff.mobile
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.django_db
def test_staff_full_contact_only_for_officer_and_logged(client, org):
    response = client.get("/api/v1/staff", {"contact": "full"}, **bearer(org.clerk))
    assert response.status_code == 403 and "권한" in response.json()["message"]
    data = client.get("/api/v1/staff", {"contact": "full", "q": "김민원"}, **bearer(org.officer)).json()
    assert data["items"][0]["mobile"] == org.clerk.staff.mobile
    assert PersonalDataAccess.objects.filter(username="officer", action="api").exists()


@pytest.mark.django_db
def test_validation_error_names_the_field_in_korean(client, org):
    response = client.get("/api/v1/staff", {"page": "abc"}, **bearer(org.clerk))
    assert response.status_code == 422
    data = response.json()
    assert data["field"] == "page" and "정수" in data["message"]


@pytest.mark.django_db
def test_session_auth_works_for_browser(client_for, org):
    assert client_for(org.clerk).get("/api/v1/departments").status_code == 200


@pytest.mark.django_db
def test_openapi_spec_and_local_docs(client, client_for, org):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/staff" in spec["paths"] and "/api/v1/departments" in spec["paths"]
    docs = client_for(org.officer).get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn." not in docs
