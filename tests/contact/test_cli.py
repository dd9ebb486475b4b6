from __future__ import annotations

import io

import pytest

from chinjeol import cli
from chinjeol.contact.commands import Progress
from chinjeol.contact.models import CallRecord, QueueEvent

from .conftest import day_files

pytestmark = pytest.mark.django_db


def test_import_cdr_and_queue_log_commands(centre, tmp_path, capsys):
    master, qlog = day_files()
    cdr_file = tmp_path / "Master.csv"
    cdr_file.write_text(master, encoding="utf-8")
    assert cli.main(["import-cdr", str(cdr_file), "--dry-run"]) == 0
    out = capsys.readouterr()
    assert "반영하지 않음" in out.out and "11행: 열 수가 2개" in out.err and CallRecord.objects.count() == 0
    assert cli.main(["import-cdr", str(cdr_file)]) == 0
    assert "새로 넣은 통화 10" in capsys.readouterr().out and CallRecord.objects.count() == 10
    assert cli.main(["import-cdr", str(cdr_file)]) == 0
    assert "새로 넣은 통화 0, 이미 있던 것 10" in capsys.readouterr().out
    log_file = tmp_path / "queue_log"
    log_file.write_text(qlog, encoding="utf-8")
    assert cli.main(["import-queue-log", str(log_file)]) == 0
    assert QueueEvent.objects.count() == 7
    assert cli.main(["import-cdr", str(tmp_path / "없음.csv")]) == 2
    assert "파일이 없습니다" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(tmp_path):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    path = tmp_path / "x.csv"
    path.write_text("a\nb\n", encoding="utf-8")
    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        progress = Progress(path.stat().st_size, stream=stream)
        assert list(progress.lines(path)) == ["a\n", "b\n"]
        progress.show(2, final=True)
    assert "100.0%" in tty.getvalue() and pipe.getvalue() == ""
