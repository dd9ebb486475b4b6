import pytest

from chinjeol.core.models import ApiToken


@pytest.fixture
def headers(org):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(org.clerk)[1]}"}


@pytest.mark.django_db
def test_deadline_by_days_around_chuseok(client, headers):
    data = client.get(
        "/api/v1/charter/deadline", {"received_at": "2026-09-23T10:00:00+09:00", "days": 7}, **headers
    ).json()
    assert data["due_at"] == "2026-10-06T18:00:00+09:00"
    assert "초일 산입" in data["rule"]


@pytest.mark.django_db
def test_deadline_by_kind_and_channel(client, headers):
    data = client.get(
        "/api/v1/charter/deadline",
        {"received_at": "2026-11-23T10:00:00+09:00", "kind": "suggestion", "channel": "web"},
        **headers,
    ).json()
    assert data["due_at"] == data["promise_due_at"] == "2026-12-01T18:00:00+09:00"
    assert data["legal_due_at"] == "2026-12-10T18:00:00+09:00"
    data = client.get(
        "/api/v1/charter/deadline", {"received_at": "2026-11-23T17:00:00+09:00", "kind": "other"}, **headers
    ).json()
    assert data["due_at"] == "2026-11-24T11:00:00+09:00"


@pytest.mark.django_db
def test_deadline_errors_name_the_field(client, headers):
    response = client.get(
        "/api/v1/charter/deadline", {"received_at": "2026-11-23T10:00:00", "days": 7}, **headers
    )
    assert response.status_code == 400 and response.json()["field"] == "received_at"
    response = client.get("/api/v1/charter/deadline", {"received_at": "어제", "days": 7}, **headers)
    assert response.status_code == 422 and response.json()["field"] == "received_at"
    response = client.get(
        "/api/v1/charter/deadline", {"received_at": "2026-11-23T10:00:00+09:00", "days": 0}, **headers
    )
    assert response.status_code == 422 and response.json()["field"] == "days"
    response = client.get(
        "/api/v1/charter/deadline",
        {"received_at": "2026-11-23T10:00:00+09:00", "kind": "statutory"},
        **headers,
    )
    assert response.status_code == 400 and response.json()["field"] == "statutory_service"


@pytest.mark.django_db
def test_deadline_needs_auth(client):
    assert (
        client.get(
            "/api/v1/charter/deadline", {"received_at": "2026-11-23T10:00:00+09:00", "days": 7}
        ).status_code
        == 401
    )
