import pytest
from axes.models import AccessAttempt
from django.urls import reverse


@pytest.mark.django_db
def test_login_lands_on_home(client, org):
    response = client.post(reverse("login"), {"username": "clerk", "password": org.password}, follow=True)
    assert response.status_code == 200
    assert "김민원님, 안녕하세요" in response.content.decode()


def login(client, username, password, *, ip="203.0.113.10", url=None):
    return client.post(url or reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_wrong_password_message_is_korean(client, org):
    response = login(client, "clerk", "wrong")
    assert "아이디 또는 비밀번호가 올바르지 않습니다" in response.content.decode()
    assert AccessAttempt.objects.get(username="clerk").failures_since_start == 1


@pytest.mark.django_db
def test_repeated_failures_lock_the_name_from_that_address_even_with_the_right_password(
    client, org, settings
):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        login(client, "clerk", "wrong")
    response = login(client, "CLERK ", org.password)
    assert response.status_code == 429
    assert "잠시 로그인할 수 없습니다" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_someone_else_cannot_lock_out_an_account(client, org, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES + 3):
        login(client, "clerk", "wrong", ip="198.51.100.66")
    response = login(client, "clerk", org.password, ip="203.0.113.10")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(org.clerk.pk)


@pytest.mark.django_db
def test_one_address_trying_name_after_name_is_stopped(client, org, settings):
    names = ["officer", "auditor", "head", "leader", "clerk", "outsider"]
    answers = [
        login(client, names[n % len(names)], f"guess-{n}", ip="198.51.100.7").status_code for n in range(24)
    ]
    assert answers.count(429) >= 24 - settings.LOGIN_MAX_FAILURES_PER_ADDRESS
    assert 429 not in answers[: settings.LOGIN_MAX_FAILURES_PER_ADDRESS - 1]
    # the address is locked even for a right password; another address is not
    assert login(client, "clerk", org.password, ip="198.51.100.7").status_code == 429
    assert login(client, "clerk", org.password, ip="203.0.113.10").status_code == 302


@pytest.mark.django_db
def test_the_back_office_login_is_locked_the_same_way(client, org, settings):
    url = reverse("admin:login")
    for _ in range(settings.LOGIN_MAX_FAILURES):
        login(client, "officer", "wrong", url=url)
    response = login(client, "officer", org.password, url=url)
    assert response.status_code == 429
    assert "잠시 로그인할 수 없습니다" in response.content.decode()


@pytest.mark.django_db
def test_success_clears_only_its_own_failures(client, org):
    login(client, "clerk", "wrong")
    login(client, "head", "wrong")
    login(client, "clerk", org.password)
    assert not AccessAttempt.objects.filter(username="clerk").exists()
    assert AccessAttempt.objects.filter(username="head").exists()


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
