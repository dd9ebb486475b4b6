"""Background work on Redis (CHINJEOL_TASKS=rq): real `chinjeol worker` processes on this machine's Redis send a
case's notices exactly once and take each periodic round once, however many of them run."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from chinjeol.core.models import PeriodicRun
from chinjeol.notify.models import Message

REDIS_DB = 15  # a database of the machine's Redis that only this test uses (emptied first)
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"

REGISTER = """
from django.utils import timezone
from chinjeol.cases import services
from chinjeol.organization.models import Department
department = Department.objects.get(name="민원과")
for n in range(3):
    services.case_register(
        intake=services.CaseIntake(
            channel="web", kind="inquiry", title=f"가로등 고장 신고 {n}", body="골목 가로등이 꺼져 있습니다.",
            customer_name="홍길동", customer_phone="010-1234-5678", customer_email="",
            department_id=department.pk,
        ),
        by=None,
        now=timezone.now(),
    )
"""


def _redis():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail("Redis(127.0.0.1:6379)에 연결할 수 없습니다: CI에서는 이 시험을 건너뛸 수 없습니다.")
        pytest.skip("Redis가 없습니다 (127.0.0.1:6379)")
    return client


def _wait(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return predicate()


@pytest.mark.django_db(transaction=True)
def test_rq_workers_send_each_notice_once_and_take_each_periodic_round_once(org, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip(
            "작업자 프로세스가 시험 DB를 함께 써야 하므로 PostgreSQL에서 돕니다 (메모리 위 SQLite는 나눌 수 없음)"
        )
    redis = _redis()
    redis.flushdb()
    db = connection.settings_dict
    env = {
        **os.environ,
        "CHINJEOL_ENV": "test",
        "CHINJEOL_TASKS": "rq",
        "REDIS_URL": REDIS_URL,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CHINJEOL_VAR_DIR": str(tmp_path),
    }
    worker = [sys.executable, "-m", "chinjeol", "worker", "--periodic", "0.02"]
    workers = [
        subprocess.Popen(worker, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # noqa: S603
        for _ in range(2)
    ]
    try:
        # The cases are registered by another process on the rq settings: their notices are handed to RQ on commit.
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "chinjeol", "manage", "shell", "-c", REGISTER],
            env=env,
            check=True,
            timeout=120,
        )
        notices = Message.objects.filter(kind="received")
        assert _wait(lambda: notices.count() == 3 and not notices.exclude(status="sent").exists(), 90), list(
            notices.values_list("status", "attempts")
        )
        assert sorted(notices.values_list("attempts", flat=True)) == [1, 1, 1]  # each claimed and sent once
        assert len(list((tmp_path / "notices").glob("*-received.txt"))) == 3

        # Every periodic job declared by the apps ran once, though both workers look every 1.2 seconds.
        from chinjeol.core.periodic import PERIODIC

        assert _wait(lambda: PeriodicRun.objects.count() == len(PERIODIC), 60)
        time.sleep(3)
        assert set(PeriodicRun.objects.values_list("runs", flat=True)) == {1}

        from rq import Queue
        from rq.registry import FinishedJobRegistry

        finished = FinishedJobRegistry(queue=Queue("default", connection=redis))
        assert _wait(lambda: len(finished) >= len(PERIODIC), 60), len(finished)  # run by the RQ workers
    finally:
        for p in workers:
            p.terminate()
        outputs = []
        for p in workers:
            try:
                outputs.append(p.communicate(timeout=20)[0])
            except subprocess.TimeoutExpired:
                p.kill()
                outputs.append(p.communicate()[0])
        redis.flushdb()
    assert all("Traceback" not in out for out in outputs), "\n".join(outputs)[-4000:]
