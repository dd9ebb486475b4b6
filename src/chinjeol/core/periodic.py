"""Periodic jobs (주기 작업), declared by the app that owns them and run once per interval across all workers.

An app declares its jobs in `AppConfig.ready()` with `register_periodic("chinjeol.app.tasks.job", every=…)` (a
dotted path to a django-tasks task, so nothing is imported until it runs). Every worker calls
`periodic_enqueue_due(now)` on a short tick; a job is enqueued by the worker whose conditional UPDATE of the job's
lease row (`PeriodicRun.due_at <= now` → `now + every`) changes one row, which is atomic on SQLite and PostgreSQL
alike, so two workers never both enqueue the same round."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import PeriodicRun


@dataclass(frozen=True)
class Periodic:
    task: str  # "chinjeol.cases.tasks.check_reminders"
    every: timedelta
    label: str  # "처리기한 임박 알림"


PERIODIC: dict[str, Periodic] = {}


def register_periodic(task: str, *, every: timedelta, label: str) -> None:
    if every <= timedelta(0):
        raise ValueError("주기 작업의 간격은 0보다 커야 합니다.")
    PERIODIC[task] = Periodic(task, every, label)


def periodic_claim(job: Periodic, now: datetime) -> bool:
    """Take this round of `job` if it is due and nobody took it: True for exactly one caller per round."""
    if not PeriodicRun.objects.filter(name=job.task).exists():
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(name=job.task, due_at=now)
        except IntegrityError:  # another worker created it first
            pass
    taken = PeriodicRun.objects.filter(name=job.task, due_at__lte=now).update(
        due_at=now + job.every, last_run_at=now, runs=F("runs") + 1
    )
    return taken == 1


def periodic_enqueue_due(now: datetime, *, on_error=None) -> list[str]:
    """Enqueue every registered job whose round is due and was not taken by another worker; returns their
    names. A job that cannot be enqueued is reported to `on_error(task, exc)` and the others go on."""
    enqueued = []
    for job in list(PERIODIC.values()):
        if not periodic_claim(job, now):
            continue
        module, name = job.task.rsplit(".", 1)
        try:
            getattr(import_module(module), name).enqueue()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(job.task, exc)
            continue
        enqueued.append(job.task)
    return enqueued
