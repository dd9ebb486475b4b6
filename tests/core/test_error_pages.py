"""Every error page a person sees is Korean, in the site's look, with a way back — whatever the browser's
language, and never Django's English defaults."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import path

from chinjeol import urls as project_urls

ENGLISH_DEFAULTS = ("Not Found", "Server Error", "Bad Request", "Forbidden", "CSRF verification failed")


def _boom(request):
    raise RuntimeError("boom")


def _suspicious(request):
    from django.core.exceptions import SuspiciousOperation

    raise SuspiciousOperation("bad")


def _denied(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [
    path("test-error/500/", _boom),
    path("test-error/400/", _suspicious),
    path("test-error/403/", _denied),
    *project_urls.urlpatterns,
]


def _branded(response, status: int) -> str:
    assert response.status_code == status
    page = response.content.decode()
    assert '<html lang="ko">' in page and "chinjeol/app.css" in page
    assert 'href="/"' in page and "처음 화면으로" in page
    for english in ENGLISH_DEFAULTS:
        assert english not in page, english
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ko", "en", "en-US,en;q=0.9"])
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_error_pages_are_korean_and_branded(language):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
    assert "찾을 수 없는" in _branded(client.get("/no/such/page/"), 404)
    assert "오류가 났습니다" in _branded(client.get("/test-error/500/"), 500)
    assert "요청을 처리할 수 없습니다" in _branded(client.get("/test-error/400/"), 400)
    assert "권한이 없습니다" in _branded(client.get("/test-error/403/"), 403)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_csrf_failure_page_is_korean_and_branded(org, language):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=language)
    response = client.post("/login/", {"username": "officer", "password": org.password})
    assert "보안 확인에 실패했습니다" in _branded(response, 403)


@pytest.mark.django_db
def test_a_request_body_over_the_limit_on_a_page_is_the_korean_400(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    _branded(client.post("/login/", {"username": "가" * 2048, "password": "x"}), 400)


@pytest.mark.django_db
def test_form_errors_are_korean_for_an_english_browser(client_for, org):
    client = client_for(org.officer)
    response = client.post("/org/import/", {"dry_run": "on"}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert "This field is required" not in page and "필수 항목" in page
