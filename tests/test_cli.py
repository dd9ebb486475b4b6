import pytest

from chinjeol import cli
from chinjeol.core.models import ApiToken, User


@pytest.mark.django_db
def test_createadmin_and_createtoken(capsys):
    assert cli.main(["createadmin", "boss", "--password", "a-Long-pass-2026"]) == 0
    user = User.objects.get(username="boss")
    assert user.check_password("a-Long-pass-2026")
    assert cli.main(["createtoken", "boss"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("cj_") and ApiToken.objects.get(key_hash=ApiToken.hash(last)).user == user


@pytest.mark.django_db
def test_createtoken_unknown_user(capsys):
    assert cli.main(["createtoken", "ghost"]) == 2
    assert "없습니다" in capsys.readouterr().err


@pytest.mark.django_db
def test_import_org_reports_rows(tmp_path, capsys):
    bad = tmp_path / "org.csv"
    bad.write_text("부서,사번,이름\n세무과,,홍길동\n", encoding="utf-8")
    assert cli.main(["import-org", str(bad)]) == 1
    assert "2행 [사번]" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text("부서,사번,이름\n세무과,A001,홍길동\n", encoding="utf-8")
    assert cli.main(["import-org", str(good)]) == 0
    assert "새 직원 1명" in capsys.readouterr().out


def test_serve_refuses_production_without_secret_key(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "CHINJEOL_ENV")}
    env["CHINJEOL_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "chinjeol", "serve", "--port", "8999"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr
