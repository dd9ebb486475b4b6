import pytest
from django.urls import reverse

from chinjeol.core.models import LoginFailure


@pytest.mark.django_db
def test_login_lands_on_home(client, org):
    response = client.post(reverse("login"), {"username": "clerk", "password": org.password}, follow=True)
    assert response.status_code == 200
    assert "김민원님, 안녕하세요" in response.content.decode()


@pytest.mark.django_db
def test_wrong_password_message_is_korean(client, org):
    response = client.post(reverse("login"), {"username": "clerk", "password": "wrong"})
    assert "아이디 또는 비밀번호가 올바르지 않습니다" in response.content.decode()
    assert LoginFailure.objects.filter(username="clerk").count() == 1


@pytest.mark.django_db
def test_lockout_after_repeated_failures_even_with_right_password(client, org, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        client.post(reverse("login"), {"username": "clerk", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "clerk", "password": org.password})
    body = response.content.decode()
    assert "계정이 잠겼습니다" in body
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_success_clears_failures(client, org):
    client.post(reverse("login"), {"username": "clerk", "password": "wrong"})
    client.post(reverse("login"), {"username": "clerk", "password": org.password})
    assert not LoginFailure.objects.filter(username="clerk").exists()


@pytest.mark.django_db
def test_logout_is_post(client_for, org):
    client = client_for(org.clerk)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_passwords_use_argon2_outside_tests():
    from chinjeol import settings as s

    real = [h for h in s.PASSWORD_HASHERS if "MD5" not in h]
    assert real[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "http" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
