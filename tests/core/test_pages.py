"""How pages answer a broken business rule: the decorator for views that post and redirect, and the form helper."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory

from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.core.pages import domain_errors, form_error, form_errors

pytestmark = pytest.mark.django_db


def _request(method="post", path="/cases/7/act/close/?tab=all", **headers):
    request = getattr(RequestFactory(), method)(path, **headers)
    request.user = AnonymousUser()
    request.session = {}
    request._messages = FallbackStorage(request)
    request.htmx = bool(headers.get("HTTP_HX_REQUEST"))
    return request


def _view(error, **options):
    @domain_errors(**options)
    def view(request, pk, action):
        if error is None:
            return HttpResponse("done")
        raise error

    return view


def test_a_view_that_goes_through_is_left_alone():
    assert _view(None)(_request(), pk=7, action="close").content == b"done"


def test_a_post_is_flashed_and_sent_back_to_the_page_it_came_from():
    request = _request()
    response = _view(DomainError("late", "기한이 지났습니다."))(request, pk=7, action="close")
    assert response.status_code == 302 and response["Location"] == "/cases/7/act/close/?tab=all"
    assert [m.message for m in get_messages(request)] == ["기한이 지났습니다."]


def test_back_names_a_page_that_takes_some_of_the_views_arguments():
    response = _view(DomainError("x", "안 됩니다."), back="cases:detail")(_request(), pk=7, action="close")
    assert response["Location"] == "/cases/7/"
    response = _view(DomainError("x", "안 됩니다."), back="cases:queue")(_request(), pk=7, action="close")
    assert response["Location"] == "/cases/"


def test_back_may_be_computed_from_the_request():
    view = _view(DomainError("x", "안 됩니다."), back=lambda request, pk, **_: f"/somewhere/{pk}/?y=1")
    assert view(_request(), pk=7, action="close")["Location"] == "/somewhere/7/?y=1"


@pytest.mark.parametrize(
    "error", [NotFound("민원을 찾을 수 없습니다."), PermissionDenied("권한이 없습니다.")]
)
def test_missing_and_forbidden_things_are_error_pages_even_after_a_post(error):
    request = _request()
    response = _view(error)(request, pk=7, action="close")
    assert response.status_code == error.status and error.message in response.content.decode()
    assert list(get_messages(request)) == []


def test_pages_can_be_narrowed_so_a_missing_thing_is_flashed_too():
    response = _view(NotFound("통화를 찾을 수 없습니다."), pages=())(_request(), pk=7, action="close")
    assert response.status_code == 302


def test_a_get_and_an_htmx_post_get_the_error_page_with_its_status():
    error = DomainError("x", "기한이 지났습니다.", status=409)
    for request in (_request("get"), _request(HTTP_HX_REQUEST="true")):
        response = _view(error)(request, pk=7, action="close")
        assert response.status_code == 409 and "기한이 지났습니다." in response.content.decode()


class _Form(forms.Form):
    phone = forms.CharField(required=False)
    file = forms.CharField(required=False)


def _bound():
    form = _Form({})
    form.is_valid()
    return form


def test_form_error_goes_on_the_named_field_else_above_the_form():
    form = _bound()
    form_error(form, DomainError("x", "번호가 이상합니다.", field="phone"))
    form_error(form, DomainError("x", "저장하지 못했습니다.", field="nothing"))
    assert form.errors == {"phone": ["번호가 이상합니다."], "__all__": ["저장하지 못했습니다."]}


def test_form_error_renames_a_service_field_and_may_fall_back_to_a_field():
    form = _bound()
    form_error(
        form,
        DomainError("x", "번호가 이상합니다.", field="customer.phone"),
        aliases={"customer.phone": "phone"},
    )
    form_error(form, DomainError("x", "파일이 큽니다."), fallback="file")
    assert form.errors == {"phone": ["번호가 이상합니다."], "file": ["파일이 큽니다."]}


def test_form_errors_keeps_the_view_going_with_the_error_on_the_form():
    form = _bound()
    with form_errors(form):
        raise DomainError("x", "번호가 이상합니다.", field="phone")
    assert form.errors == {"phone": ["번호가 이상합니다."]}
    with pytest.raises(ValueError), form_errors(form):
        raise ValueError("not a rule of the business")
