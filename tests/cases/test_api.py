import pytest

from chinjeol.core.models import ApiToken

PAYLOAD = {
    "channel": "epeople",
    "kind": "grievance",
    "title": "소음 민원",
    "body": "공사 소음이 심합니다. 010-9999-8888",
    "customer": {"name": "최민원", "phone": "01099998888", "email": "choi@example.com"},
    "received_at": "2026-11-23T09:30:00+09:00",
}


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


@pytest.mark.django_db
def test_post_case_201_shape(client, org):
    response = client.post("/api/v1/cases", PAYLOAD, content_type="application/json", **bearer(org.officer))
    assert response.status_code == 201
    data = response.json()
    assert data["receipt_no"] == "2026-0000001" and data["status"] == "received"
    assert data["due_at"] == "2026-12-01T18:00:00+09:00"
    assert "010-9999-****" in data["body"] and data["customer"]["phone"] == "010-9999-****"


@pytest.mark.django_db
def test_post_case_needs_token(client, org):
    assert client.post("/api/v1/cases", PAYLOAD, content_type="application/json").status_code == 401


@pytest.mark.django_db
def test_evaluator_cannot_post_or_list(client, org):
    headers = bearer(org.evaluator)
    assert (
        client.post("/api/v1/cases", PAYLOAD, content_type="application/json", **headers).status_code == 403
    )
    assert client.get("/api/v1/cases", **headers).status_code == 403


@pytest.mark.django_db
def test_validation_errors_in_korean_with_field(client, org):
    headers = bearer(org.officer)
    response = client.post(
        "/api/v1/cases", {**PAYLOAD, "channel": "pigeon"}, content_type="application/json", **headers
    )
    assert response.status_code == 422 and response.json()["field"] == "channel"
    response = client.post(
        "/api/v1/cases",
        {**PAYLOAD, "received_at": "2026-11-23T09:30:00"},
        content_type="application/json",
        **headers,
    )
    assert (
        response.status_code == 400
        and response.json()["field"] == "received_at"
        and "시간대" in response.json()["message"]
    )
    bad_phone = {**PAYLOAD, "customer": {"name": "최", "phone": "12", "email": ""}}
    response = client.post("/api/v1/cases", bad_phone, content_type="application/json", **headers)
    assert response.status_code == 400 and response.json()["field"] == "customer.phone"


@pytest.mark.django_db
def test_get_and_list_scoped(client, org):
    created = client.post(
        "/api/v1/cases",
        {**PAYLOAD, "department": org.tax.pk},
        content_type="application/json",
        **bearer(org.officer),
    ).json()
    assert client.get(f"/api/v1/cases/{created['id']}", **bearer(org.outsider)).status_code == 200
    assert client.get(f"/api/v1/cases/{created['id']}", **bearer(org.clerk)).status_code == 404
    assert client.get("/api/v1/cases", **bearer(org.clerk)).json()["total"] == 0
    data = client.get("/api/v1/cases", {"channel": "epeople"}, **bearer(org.auditor)).json()
    assert data["total"] == 1


def _queries_on(ctx, table: str) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if f'"{table}"' in q["sql"]]


@pytest.mark.django_db
def test_intake_reads_token_and_department_from_process_caches(client, org):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from chinjeol.cases.models import RoutingRule

    RoutingRule.objects.create(keyword="소음", department=org.tax, priority=1)
    headers = bearer(org.officer)
    client.post("/api/v1/cases", PAYLOAD, content_type="application/json", **headers)
    with CaptureQueriesContext(connection) as ctx:
        response = client.post("/api/v1/cases", PAYLOAD, content_type="application/json", **headers)
    assert response.status_code == 201
    assert response.json()["department"] == org.tax.pk and response.json()["department_name"] == "세무과"
    assert not _queries_on(ctx, "core_apitoken") and not _queries_on(ctx, "core_roleassignment")
    assert not _queries_on(ctx, "organization_department")


@pytest.mark.django_db
def test_revoked_token_refused_once_the_cached_entry_expires(client, org, monkeypatch):
    from chinjeol.api import auth

    token, raw = ApiToken.issue(org.officer)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.get("/api/v1/cases", **headers).status_code == 200
    token.revoked_at = token.created_at
    token.save()
    assert client.get("/api/v1/cases", **headers).status_code == 200  # within TOKEN_CACHE_SECONDS
    auth._token_entry.cache_clear()  # the cached entry's time is up
    assert client.get("/api/v1/cases", **headers).status_code == 401


@pytest.mark.django_db
def test_cached_token_gives_each_request_its_own_user(org):
    from django.test import RequestFactory

    from chinjeol.api.auth import BearerToken
    from chinjeol.core.access import roles_of
    from chinjeol.core.roles import Role

    token, raw = ApiToken.issue(org.clerk)
    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    one = BearerToken().authenticate(first, raw)
    one.first_name = "바뀐이름"
    one.staff.name = "바뀐직원"
    roles_of(one)[Role.STAFF].add(999)
    two = BearerToken().authenticate(second, raw)
    assert two.pk == one.pk == org.clerk.pk and two is not one and second.user is two
    assert two.first_name != "바뀐이름" and two.staff.name == "김민원"
    assert roles_of(two) == {Role.STAFF: {org.team.pk}}
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.django_db
def test_last_used_is_written_at_most_once_a_minute(org):
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from chinjeol.api.auth import BearerToken

    _token, raw = ApiToken.issue(org.clerk)
    BearerToken().authenticate(RequestFactory().get("/"), raw)
    with CaptureQueriesContext(connection) as ctx:
        for _ in range(3):
            BearerToken().authenticate(RequestFactory().get("/"), raw)
    assert not ctx.captured_queries
