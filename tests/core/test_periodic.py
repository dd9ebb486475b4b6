"""Periodic jobs are declared by their apps and each round is taken by one worker only."""

import threading
from datetime import UTC, datetime, timedelta
from importlib import import_module

import pytest
from django.db import close_old_connections, connection

from chinjeol.core import periodic
from chinjeol.core.models import PeriodicRun

NOW = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)
JOB = periodic.Periodic("tests.core.test_periodic.job", timedelta(minutes=10), "시험 작업")


def test_every_declared_job_names_a_task():
    assert {
        "chinjeol.cases.tasks.check_compensation",
        "chinjeol.cases.tasks.check_reminders",
        "chinjeol.reports.tasks.refresh_compliance_tallies",
        "chinjeol.knowledge.tasks.check_reviews",
        "chinjeol.api.tasks.purge_idempotency_records",
        "chinjeol.contact.tasks.phone_mileage",
    } <= set(periodic.PERIODIC)
    for job in periodic.PERIODIC.values():
        module, name = job.task.rsplit(".", 1)
        assert hasattr(getattr(import_module(module), name), "enqueue"), job.task
        assert job.label and job.every > timedelta(0)


def test_a_zero_interval_is_refused():
    with pytest.raises(ValueError):
        periodic.register_periodic("x.y", every=timedelta(0), label="x")


@pytest.mark.django_db
def test_a_round_is_taken_once_and_the_next_comes_after_the_interval():
    assert periodic.periodic_claim(JOB, NOW)
    assert not periodic.periodic_claim(JOB, NOW)
    assert not periodic.periodic_claim(JOB, NOW + timedelta(minutes=9, seconds=59))
    assert periodic.periodic_claim(JOB, NOW + timedelta(minutes=10))
    run = PeriodicRun.objects.get(name=JOB.task)
    assert run.runs == 2 and run.due_at == NOW + timedelta(minutes=20)


@pytest.mark.django_db
def test_enqueue_due_reports_a_broken_job_and_goes_on(monkeypatch):
    monkeypatch.setattr(
        periodic,
        "PERIODIC",
        {
            "no.such.module.job": periodic.Periodic("no.such.module.job", timedelta(minutes=5), "없는 작업"),
            "chinjeol.api.tasks.purge_idempotency_records": periodic.Periodic(
                "chinjeol.api.tasks.purge_idempotency_records", timedelta(minutes=5), "정리"
            ),
        },
    )
    errors = []
    done = periodic.periodic_enqueue_due(NOW, on_error=lambda task, exc: errors.append(task))
    assert done == ["chinjeol.api.tasks.purge_idempotency_records"]
    assert errors == ["no.such.module.job"]
    assert periodic.periodic_enqueue_due(NOW, on_error=errors.append) == []  # both rounds were taken


@pytest.mark.django_db(transaction=True)
def test_workers_racing_for_a_round_take_it_once():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("메모리 위 SQLite 시험 DB는 연결이 하나뿐입니다 (PostgreSQL에서 겨룹니다)")
    won = []
    barrier = threading.Barrier(6)

    def worker():
        barrier.wait()
        try:
            won.append(periodic.periodic_claim(JOB, NOW))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(won) == [False] * 5 + [True]
