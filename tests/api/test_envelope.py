"""Whatever goes wrong under /api/v1/, the answer is JSON {code, message, field} in Korean."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from chinjeol.core.models import ApiToken
from tests.api.conftest import is_envelope

CASE = {
    "channel": "web",
    "kind": "inquiry",
    "title": "주차 문의",
    "body": "주차 단속 문의입니다.",
    "customer": {"name": "홍길동", "phone": "", "email": ""},
}


@pytest.mark.django_db
def test_a_method_an_operation_does_not_take_is_405_json_with_allow(call):
    response = call("DELETE", "/cases")
    assert response.status_code == 405
    body = is_envelope(response)
    assert body["code"] == "method_not_allowed" and "GET" in body["message"] and "POST" in body["message"]
    assert "GET" in response["Allow"]


@pytest.mark.django_db
def test_an_unknown_path_under_the_api_is_404_json(call):
    for path in ("/no-such-thing", "/cases/1/nothing", "/v2/cases"):
        response = call("GET", path)
        assert response.status_code == 404, path
        assert is_envelope(response)["code"] == "not_found"


@pytest.mark.django_db
def test_malformed_json_is_400_json(call):
    response = call("POST", "/cases", raw='{"title": ')
    assert response.status_code == 400
    assert is_envelope(response)["code"] == "invalid_json"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw",
    [
        b'{"title": "\xff\xfe"}',
        '{"title": "한글"}'.encode("cp949"),
        '{"title": "x"}'.encode("utf-16"),
    ],
)
def test_a_body_that_is_not_utf8_is_400_json(call, raw):
    response = call("POST", "/cases", raw=raw)
    assert response.status_code == 400
    assert is_envelope(response)["code"] == "not_utf8"


@pytest.mark.django_db
def test_a_body_over_the_size_limit_is_413_json_naming_the_limit(call, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = call("POST", "/cases", {**CASE, "body": "가" * (1024 * 1024)})
    assert response.status_code == 413
    body = is_envelope(response)
    assert body["code"] == "too_large" and "1MB" in body["message"]


@pytest.mark.django_db
def test_without_a_token_it_is_401_json(client, org):
    response = client.get("/api/v1/cases")
    assert response.status_code == 401
    assert is_envelope(response)["code"] == "unauthorized"


@pytest.mark.django_db
def test_a_session_post_without_csrf_is_403_json(org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.officer)
    response = client.post("/api/v1/cases", data=CASE, content_type="application/json")
    assert response.status_code in (401, 403)
    is_envelope(response)


@pytest.mark.django_db
def test_an_unhandled_exception_is_500_json_and_logged(org, monkeypatch, caplog):
    from chinjeol.api.routers import organization

    def broken(*args, **kwargs):
        raise RuntimeError("고장")

    monkeypatch.setattr(organization.queries, "departments_with_counts", broken)
    client = Client(raise_request_exception=False)
    token = ApiToken.issue(org.officer)[1]
    with caplog.at_level(logging.ERROR):
        response = client.get("/api/v1/departments", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 500
    body = is_envelope(response)
    assert body["code"] == "server_error" and "고장" not in body["message"]
    assert any(r.exc_info and "고장" in str(r.exc_info[1]) for r in caplog.records)


@pytest.mark.django_db
def test_errors_stay_korean_for_an_english_browser(call):
    for response in (
        call("GET", "/nowhere", HTTP_ACCEPT_LANGUAGE="en"),
        call("DELETE", "/cases", HTTP_ACCEPT_LANGUAGE="en"),
        call("GET", "/cases?page=0", HTTP_ACCEPT_LANGUAGE="en"),
    ):
        is_envelope(response)
