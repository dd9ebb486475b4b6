"""Half-year recomputation of every kindness score, colour and department ranking, and the *my kindness*
page, with 10,000 staff and 5,000,000 ledger entries, on SQLite or PostgreSQL.

    .venv/bin/python bench/kindness_scores.py [--db sqlite|postgres] [--staff 10000] [--entries 5000000]

The database is fresh (the real migrations, including the default evaluation items); the generator
writes the ledger with one INSERT … SELECT in the database (a recursive CTE on SQLite, generate_series on
PostgreSQL), spread uniformly over the last 365 days, ~1/6 per item, points ±0.5/1/2 with the item's sign.
PostgreSQL uses its own database `bench_kindness` (dropped and recreated).

Targets (issue): recomputation ≤ 3 s; *my kindness* median < 100 ms over ≥ 20 requests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_NAME = "bench_kindness"
DEPARTMENTS = 40


def setup_env(db: str, workdir: Path) -> None:
    os.environ.update(
        CHINJEOL_ENV="demo", CHINJEOL_VAR_DIR=str(workdir), DJANGO_SETTINGS_MODULE="chinjeol.settings"
    )
    if db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            conn.execute(f"CREATE DATABASE {PG_NAME}")
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"


SQLITE_INSERT = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %(entries)s),
r AS (
  SELECT i,
         %(first_staff)s + abs(random()) %% %(staff)s AS staff_id,
         abs(random()) %% 6 AS item_index,
         abs(random()) %% 3 AS size,
         datetime(%(start)s, '+' || (abs(random()) %% (365 * 86400)) || ' seconds') AS at
  FROM n
)
INSERT INTO kindness_mileageentry
  (staff_id, item_id, points, occurred_at, year, half, month, source_type, source_id, source_label,
   registered_by_id, note, reverses_id, created_at)
SELECT r.staff_id, i.id, i.sign * (CASE r.size WHEN 0 THEN 0.5 WHEN 1 THEN 1 ELSE 2 END), r.at,
       CAST(strftime('%%Y', r.at, '+9 hours') AS INTEGER),
       CASE WHEN CAST(strftime('%%m', r.at, '+9 hours') AS INTEGER) <= 6 THEN 1 ELSE 2 END,
       CAST(strftime('%%m', r.at, '+9 hours') AS INTEGER),
       'bench', CAST(r.i AS TEXT), '', NULL, '', NULL, r.at
FROM r JOIN kindness_evaluationitem i ON i.sort_order = r.item_index + 1
"""

POSTGRES_INSERT = """
INSERT INTO kindness_mileageentry
  (staff_id, item_id, points, occurred_at, year, half, month, source_type, source_id, source_label,
   registered_by_id, note, reverses_id, created_at)
SELECT r.staff_id, i.id, i.sign * (CASE r.size WHEN 0 THEN 0.5 WHEN 1 THEN 1 ELSE 2 END), r.at,
       EXTRACT(YEAR FROM r.at AT TIME ZONE 'Asia/Seoul'),
       CASE WHEN EXTRACT(MONTH FROM r.at AT TIME ZONE 'Asia/Seoul') <= 6 THEN 1 ELSE 2 END,
       EXTRACT(MONTH FROM r.at AT TIME ZONE 'Asia/Seoul'),
       'bench', r.i::text, '', NULL, '', NULL, r.at
FROM (
  SELECT g AS i,
         %(first_staff)s + floor(random() * %(staff)s)::int AS staff_id,
         floor(random() * 6)::int AS item_index,
         floor(random() * 3)::int AS size,
         %(start)s::timestamptz + random() * interval '365 days' AS at
  FROM generate_series(1, %(entries)s) AS g
) r JOIN kindness_evaluationitem i ON i.sort_order = r.item_index + 1
"""


def load(staff_count: int, entries: int) -> tuple[int, int]:
    """Departments, staff (contiguous ids) and the ledger. Returns (first staff id, seconds)."""
    from datetime import timedelta

    from django.db import connection, transaction
    from django.utils import timezone

    from chinjeol.core.models import User
    from chinjeol.organization.models import Agency, Department, Staff

    t0 = time.perf_counter()
    Agency.objects.create(name="벤치구청")
    departments = Department.objects.bulk_create(
        [Department(name=f"벤치{n:02d}과", sort_order=n) for n in range(DEPARTMENTS)]
    )
    Staff.objects.bulk_create(
        [
            Staff(employee_no=f"B{n:07d}", name="김벤치", department=departments[n % DEPARTMENTS])
            for n in range(staff_count)
        ],
        batch_size=5000,
    )
    first = Staff.objects.order_by("id").values_list("id", flat=True).first()
    last = Staff.objects.order_by("-id").values_list("id", flat=True).first()
    assert last - first + 1 == staff_count, "staff ids must be contiguous"
    start = timezone.now() - timedelta(days=365)
    params = {"entries": entries, "first_staff": first, "staff": staff_count}
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_INSERT, {**params, "start": start.strftime("%Y-%m-%d %H:%M:%S")})
        else:
            cursor.execute(POSTGRES_INSERT, {**params, "start": start})
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        else:
            connection.connection.autocommit = True
            cursor.execute("VACUUM ANALYZE kindness_mileageentry")
    User.objects.create(username="bench", staff_id=first + staff_count // 2)
    return first, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--staff", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--requests", type=int, default=25)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="chinjeol-bench-kindness-"))
    try:
        setup_env(args.db, workdir)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.utils import timezone

        from chinjeol.core.memo import clear_all
        from chinjeol.core.models import User
        from chinjeol.kindness import queries
        from chinjeol.kindness.models import MileageEntry
        from chinjeol.kindness.rules import HALF, Period

        call_command("migrate", verbosity=0)
        _first, seconds = load(args.staff, args.entries)
        total = MileageEntry.objects.count()
        half = Period.containing(timezone.localdate(), HALF)
        in_half = MileageEntry.objects.in_period(half).count()
        print(
            f"database: {connection.vendor}; staff: {args.staff:,}; entries: {total:,} ({in_half:,} in {half})"
        )
        print(f"generated in {seconds:.0f} s")

        runs = []
        for _ in range(args.repeat):
            clear_all()
            t = time.perf_counter()
            results = queries.compute_period(half)
            runs.append(time.perf_counter() - t)
        counts = {s.value: n for s, n in results.distribution.items()}
        print(
            f"recompute {half}: every score, colour, staff rank and department ranking "
            f"({len(results.staff):,} staff, {len(results.departments)} departments): "
            f"median {statistics.median(runs):.2f} s, min {min(runs):.2f} s, max {max(runs):.2f} s  {counts}"
        )

        user = User.objects.get(username="bench")
        entries_shown = MileageEntry.objects.of_staff(user.staff_id).in_period(half).count()
        client = Client()
        client.force_login(user)
        url = f"/kindness/me/?period={half}"
        assert client.get(url).status_code == 200  # warm templates and caches
        page = []
        for _ in range(args.requests):
            t = time.perf_counter()
            response = client.get(url)
            page.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200
        page.sort()
        p95 = page[min(len(page) - 1, int(len(page) * 0.95))]
        print(
            f"my kindness page ({entries_shown} entries listed, 12-month trend, department of "
            f"{args.staff // DEPARTMENTS} people): median {statistics.median(page):.1f} ms, p95 {p95:.1f} ms, "
            f"over {len(page)} requests"
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
