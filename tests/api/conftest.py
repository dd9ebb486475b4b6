from __future__ import annotations

import json

import pytest

from chinjeol.core.models import ApiToken


@pytest.fixture
def call(client, org):
    """call(method, path, body=None, *, user=org.officer, raw=None, **headers) → response, with a Bearer token."""

    def make(method, path, body=None, *, user=None, raw=None, content_type="application/json", **headers):
        token = ApiToken.issue(user or org.officer)[1]
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {token}", **headers}
        if data is not None:
            kwargs.update(data=data, content_type=content_type)
        return getattr(client, method.lower())(f"/api/v1{path}", **kwargs)

    return make


def is_envelope(response) -> dict:
    """The JSON error envelope, in Korean."""
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body = response.json()
    assert set(body) >= {"code", "message", "field"}
    assert any("\uac00" <= ch <= "\ud7a3" for ch in body["message"]), body["message"]
    return body
