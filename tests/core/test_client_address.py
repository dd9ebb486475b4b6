"""One client address for throttles, the access log and login lockout; a client cannot choose it."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from chinjeol.core.privacy import request_ip

pytestmark = pytest.mark.django_db


def guess(client, **extra):
    return client.post(
        reverse("cases:citizen_status"), {"receipt_no": "2026-0000001", "phone_last4": "1234"}, **extra
    )


def test_a_forged_forwarded_header_does_not_escape_the_status_lookup_throttle(client, settings):
    settings.PROXY_HOPS = 0
    bodies = [
        guess(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", REMOTE_ADDR="203.0.113.9").content.decode()
        for n in range(8)
    ]
    assert sum("조회가 너무 많습니다" in body for body in bodies) >= 3


def test_behind_one_proxy_the_address_the_proxy_saw_counts(settings):
    settings.PROXY_HOPS = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7", REMOTE_ADDR="10.0.0.1")
    assert request_ip(request) == "192.0.2.7"
    settings.PROXY_HOPS = 0
    assert request_ip(request) == "10.0.0.1"


def test_gunicorn_trusts_forwarded_headers_only_behind_our_proxies(settings):
    from chinjeol import cli

    settings.PROXY_HOPS = 0
    assert "--forwarded-allow-ips=" in cli._gunicorn_cmd("127.0.0.1", 8000, 1, 1)
    settings.PROXY_HOPS = 2
    assert "--forwarded-allow-ips=*" in cli._gunicorn_cmd("127.0.0.1", 8000, 1, 1)
