"""Production is the default mode: no DEBUG unless development is asked for, no weak key, short refusals."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
STRONG = secrets.token_urlsafe(50)


def run(code_or_args, tmp_path, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "CHINJEOL_ENV", "CHINJEOL_DEBUG")}
    env.update(CHINJEOL_VAR_DIR=str(tmp_path), PYTHONPATH=SRC, DJANGO_SETTINGS_MODULE="chinjeol.settings")
    env.update(env_overrides)
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else ["-m", "chinjeol", *code_or_args]
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=60)


SHOW = "import chinjeol.settings as s; print(s.ENV, s.DEBUG)"


def test_without_a_mode_the_settings_are_production_without_debug(tmp_path):
    result = run(SHOW, tmp_path, SECRET_KEY=STRONG)
    assert result.stdout.split() == ["production", "False"], result.stderr


def test_debug_cannot_be_switched_on_outside_development(tmp_path):
    assert run(SHOW, tmp_path, SECRET_KEY=STRONG, CHINJEOL_DEBUG="1").stdout.split() == [
        "production",
        "False",
    ]
    assert run(SHOW, tmp_path, CHINJEOL_ENV="demo", CHINJEOL_DEBUG="1").stdout.split() == ["demo", "False"]
    assert run(SHOW, tmp_path, CHINJEOL_ENV="development").stdout.split() == ["development", "True"]


@pytest.mark.parametrize("key", ["x", "a" * 60, "django-insecure-" + STRONG])
def test_production_refuses_a_weak_secret_key_in_one_korean_line(tmp_path, key):
    result = run(["migrate"], tmp_path, SECRET_KEY=key)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SECRET_KEY가 너무 약합니다" in lines[0]


@pytest.mark.parametrize("command", [["migrate"], ["createadmin", "--password", "long-enough-password-1"]])
def test_commands_without_a_key_say_so_in_one_line(tmp_path, command):
    result = run(command, tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SECRET_KEY 환경 변수가 반드시 필요합니다" in lines[0]


def test_the_wsgi_application_refuses_a_weak_key_without_a_traceback(tmp_path):
    result = run("import chinjeol.wsgi", tmp_path, SECRET_KEY="x")
    assert result.returncode == 4
    assert "Traceback" not in result.stderr and "SECRET_KEY가 너무 약합니다" in result.stderr


@pytest.mark.django_db
def test_a_refused_host_is_logged_in_one_line(client):
    import io
    import logging

    logger = logging.getLogger("django.security")
    (handler,) = [h for h in logger.handlers if h.name == "security"]
    stream = io.StringIO()
    # A handler of the same shape on a stream of our own: the configured one may hold a stream that an
    # earlier test's output capture has closed.
    probe = logging.StreamHandler(stream)
    probe.setFormatter(handler.formatter)
    for item in handler.filters:
        probe.addFilter(item)
    logger.addHandler(probe)
    try:
        response = client.get("/login/", HTTP_HOST="evil.example")
    finally:
        logger.removeHandler(probe)
    assert response.status_code == 400
    lines = stream.getvalue().strip().splitlines()
    assert len(lines) == 1 and "evil.example" in lines[0]
