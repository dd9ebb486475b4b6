"""Queue and compliance pages with 1,000,000 cases (200,000 open), on SQLite or PostgreSQL.

    .venv/bin/python bench/cases_queues.py --db sqlite [--cases 1000000 --open 200000 --repeat 25]
    .venv/bin/python bench/cases_queues.py --db postgres

Builds a fresh database with the real migrations and the demo organisation, bulk-loads the cases with
plain SQL, then requests the pages through Django (as the CS officer, and as a department head) and
reports the median and p95 of each. Target (issue): < 150 ms median for the overdue queue and the
department compliance page.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def setup_env(db: str, workdir: Path) -> None:
    os.environ["CHINJEOL_ENV"] = "demo"
    os.environ["CHINJEOL_VAR_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "chinjeol.settings"
    if db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_queues")
            conn.execute("CREATE DATABASE bench_queues")
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/bench_queues"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"


def load(total: int, open_count: int) -> None:
    from django.db import connection, transaction

    from chinjeol.charter.models import ServiceStandardVersion
    from chinjeol.organization.models import Department, Staff

    rng = random.Random(7)
    departments = list(Department.objects.values_list("id", flat=True))
    staff_by_dept: dict[int, list[int]] = {}
    for sid, did in Staff.objects.values_list("id", "department_id"):
        staff_by_dept.setdefault(did, []).append(sid)
    web = ServiceStandardVersion.objects.get(standard__code="WEB_REPLY").pk
    now = datetime.now(KST)
    start = now - timedelta(days=730)
    columns = (
        "created_at, updated_at, receipt_no, channel, kind, title, body, customer_name, customer_phone, "
        "customer_email, department_id, assignee_id, status, received_at, counted_from, legal_due_at, "
        "promise_due_at, promise_version_id, due_at, deadline_rule, statutory_service_id, extensions, "
        "interim_last_at, closed_at, answer, first_contact_resolved, transferred_to, created_by_id"
    )
    placeholders = ", ".join(["%s"] * 28)
    sql = f"INSERT INTO cases_case ({columns}) VALUES ({placeholders})"  # noqa: S608
    open_statuses = ["received", "assigned", "in_progress"]
    batch = []
    t0 = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for i in range(total):
            is_open = i >= total - open_count  # the newest cases are the open ones
            received = start + timedelta(
                seconds=int(i * (730 * 86400 - 86400 * 14) / total) + rng.randint(0, 3600)
            )
            channel = rng.choice(["web", "phone", "epeople", "visit"])
            due = received + timedelta(days=rng.choice([1, 7, 9, 14]))
            promise = due if channel == "web" else None
            dept = rng.choice(departments)
            assignee = rng.choice(staff_by_dept.get(dept) or [None])
            if is_open:
                status, closed = rng.choice(open_statuses), None
                if rng.random() < 0.25:  # a quarter of the open ones are overdue
                    due = now - timedelta(days=rng.randint(1, 60))
            else:
                status = "closed" if rng.random() < 0.95 else rng.choice(["transferred", "withdrawn"])
                closed = received + (due - received) * rng.uniform(0.1, 1.2)
            batch.append(
                (
                    received,
                    received,
                    f"B{i:09d}",
                    channel,
                    "inquiry",
                    "벤치마크 민원 제목",
                    "본문",
                    "김민원",
                    "010-1234-5678",
                    "",
                    dept,
                    assignee,
                    status,
                    received,
                    received,
                    due,
                    promise,
                    web if promise else None,
                    due,
                    "기한 근거",
                    None,
                    0,
                    None,
                    closed,
                    "답변" if closed else "",
                    False,
                    "",
                    None,
                )
            )
            if len(batch) == 20_000:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "ANALYZE cases_case")
    print(f"loaded {total:,} cases ({open_count:,} open) in {time.perf_counter() - t0:.0f} s")


def timed(client, path: str, repeat: int) -> tuple[float, float]:
    client.get(path)  # warm
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="chinjeol-bench-"))
    try:
        setup_env(args.db, workdir)
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from chinjeol.core.models import User
        from chinjeol.core.periods import Period
        from chinjeol.demo import demo_load

        call_command("migrate", verbosity=0)
        demo_load(scale=0.0001)
        load(args.cases, args.open)
        half = Period.containing(datetime.now(KST).date(), "half")
        results = []
        for username, label in (
            ("csadmin", "CS officer (all departments)"),
            ("head", "department head (민원여권과)"),
        ):
            client = Client()
            client.force_login(User.objects.get(username=username))
            for name, path in (
                ("overdue queue", "/cases/?queue=overdue"),
                ("department queue", "/cases/?queue=department"),
                ("compliance page", f"/charter/compliance/?period={half}"),
            ):
                median, p95 = timed(client, path, args.repeat)
                results.append((label, name, median, p95))
        print(
            f"database: {args.db}; cases: {args.cases:,} ({args.open:,} open); requests per page: {args.repeat}"
        )
        for label, name, median, p95 in results:
            print(f"{label:32} {name:18} median {median:7.1f} ms   p95 {p95:7.1f} ms")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
