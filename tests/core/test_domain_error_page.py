"""A page view that lets a broken business rule escape answers with the Korean error page and its status."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from chinjeol.core.errors import DomainError, NotFound
from chinjeol.core.middleware import DomainErrorPageMiddleware

pytestmark = pytest.mark.django_db


def _run(path, exception):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    middleware = DomainErrorPageMiddleware(lambda r: HttpResponse("ok"))
    return middleware.process_exception(request, exception)


@pytest.mark.parametrize(
    ("error", "status"), [(DomainError("x", "기한이 지났습니다."), 400), (NotFound("없습니다."), 404)]
)
def test_a_page_shows_the_rule_in_korean_with_its_status(error, status):
    response = _run("/cases/", error)
    assert response.status_code == status
    assert error.message in response.content.decode()


def test_other_errors_and_the_api_are_left_alone():
    assert _run("/cases/", ValueError("boom")) is None
    assert _run("/api/v1/cases", DomainError("x", "API는 JSON으로")) is None
