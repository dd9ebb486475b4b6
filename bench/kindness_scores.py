"""Half-year recomputation of every kindness score, colour and department ranking, and the
*my kindness* page, with 10,000 staff and 5,000,000 ledger entries (SQLite or PostgreSQL).

    .venv/bin/python bench/kindness_scores.py --db sqlite [--staff 10000 --entries 5000000 --repeat 5]
    .venv/bin/python bench/kindness_scores.py --db postgres

Target (issue): recomputation ≤ 3 s; *my kindness* < 100 ms at the median.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def setup_env(db: str, workdir: Path) -> None:
    os.environ.update(
        CHINJEOL_ENV="demo", CHINJEOL_VAR_DIR=str(workdir), DJANGO_SETTINGS_MODULE="chinjeol.settings"
    )
    if db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_kindness")
            conn.execute("CREATE DATABASE bench_kindness")
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/bench_kindness"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"


def load(staff_count: int, entries: int) -> int:
    from django.db import connection, transaction

    from chinjeol.kindness.models import EvaluationItem
    from chinjeol.organization.models import Department, Staff

    rng = random.Random(11)
    departments = list(Department.objects.values_list("id", flat=True))
    existing = Staff.objects.count()
    Staff.objects.bulk_create(
        [
            Staff(employee_no=f"B{i:07d}", name="김벤치", department_id=rng.choice(departments))
            for i in range(staff_count - existing)
        ],
        batch_size=5000,
    )
    staff_ids = list(Staff.objects.values_list("id", flat=True))
    items = [(i.pk, i.sign) for i in EvaluationItem.objects.all()]
    now = datetime.now(KST)
    start = now - timedelta(days=365)
    sql = (
        "INSERT INTO kindness_mileageentry (staff_id, item_id, points, occurred_at, year, month, half, source_type, "
        "source_id, source_label, registered_by_id, note, reverses_id, created_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    t0 = time.perf_counter()
    batch = []
    with transaction.atomic(), connection.cursor() as cursor:
        for n in range(entries):
            item, sign = rng.choice(items)
            moment = start + timedelta(seconds=rng.randint(0, 365 * 86400))
            local = moment.astimezone(KST)
            batch.append(
                (
                    rng.choice(staff_ids),
                    item,
                    str(sign * rng.choice([1, 2, 0.5])),
                    moment,
                    local.year,
                    local.month,
                    1 if local.month <= 6 else 2,
                    "bench",
                    str(n),
                    "",
                    None,
                    "",
                    None,
                    moment,
                )
            )
            if len(batch) == 50_000:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "ANALYZE kindness_mileageentry")
    print(f"loaded {entries:,} entries for {len(staff_ids):,} staff in {time.perf_counter() - t0:.0f} s")
    return staff_ids[len(staff_ids) // 2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--staff", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=5)
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
        from chinjeol.kindness import queries

        call_command("migrate", verbosity=0)
        demo_load(scale=0.0001)
        sample_staff = load(args.staff, args.entries)
        half = Period.containing(datetime.now(KST).date(), "half")
        runs = []
        for _ in range(args.repeat):
            queries.score_rules.cache_clear()
            t = time.perf_counter()
            ranking = queries.department_ranking(half)
            runs.append(time.perf_counter() - t)
        user = User.objects.filter(staff_id=sample_staff).first() or User.objects.create(
            username="bench", staff_id=sample_staff
        )
        client = Client()
        client.force_login(user)
        client.get(f"/kindness/me/?period={half}")
        page = []
        for _ in range(25):
            t = time.perf_counter()
            assert client.get(f"/kindness/me/?period={half}").status_code == 200
            page.append((time.perf_counter() - t) * 1000)
        print(
            f"database: {args.db}; staff: {args.staff:,}; entries: {args.entries:,}; period {half}; departments ranked: {len(ranking)}"
        )
        print(
            f"recompute all scores, colours, department ranking: median {statistics.median(runs):.2f} s, max {max(runs):.2f} s"
        )
        print(f"my kindness page: median {statistics.median(page):.1f} ms, p95 {sorted(page)[23]:.1f} ms")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
