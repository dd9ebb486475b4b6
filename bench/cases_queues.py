"""Queue and compliance pages with 1,000,000 cases (200,000 open), on SQLite or PostgreSQL.

    .venv/bin/python bench/cases_queues.py --db sqlite
    .venv/bin/python bench/cases_queues.py --db postgres
    .venv/bin/python bench/cases_queues.py --db sqlite --cases 100000 --open 20000 --repeat 20

Builds a fresh database with the real migrations, the demo organisation and charter, then bulk-loads
two years of cases with plain SQL (executemany on SQLite, COPY on PostgreSQL; the deadlines come from the
real rules and calendar, cached per day). It then requests the pages through Django's test client as the
CS officer (every department) and a department head (their scope) and prints the median and p95 of each.
Target: < 150 ms median for the overdue queue and the department compliance page of a half-year.

`--keep DIR` keeps the SQLite file (or the PostgreSQL database `bench_compliance`) and reuses it on the
next run with the same DIR, to time query changes without loading again.
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
PG_NAME = "bench_compliance"
BATCH = 20_000

# (channel, share, [(kind, share)])
CHANNELS = [
    ("web", 0.34, [("inquiry", 0.6), ("suggestion", 0.25), ("grievance", 0.15)]),
    ("phone", 0.22, [("other", 0.55), ("inquiry", 0.45)]),
    ("epeople", 0.16, [("grievance", 0.55), ("inquiry", 0.3), ("suggestion", 0.15)]),
    ("visit", 0.16, [("statutory", 0.5), ("other", 0.3), ("inquiry", 0.2)]),
    ("disclosure", 0.05, [("disclosure", 1.0)]),
    ("mail", 0.04, [("grievance", 0.6), ("suggestion", 0.4)]),
    ("email", 0.03, [("inquiry", 1.0)]),
]
TITLES = [
    "불법 주정차 단속 요청",
    "대형 폐기물 수거 지연",
    "거주자 우선주차 신청 방법 문의",
    "공원 가로등 고장",
    "보도블록 파손 신고",
    "여권 발급 소요 기간 문의",
    "재산세 납부 기한 문의",
    "어린이 놀이터 시설 개선 건의",
]


def setup_env(db: str, workdir: Path, fresh: bool) -> bool:
    """Point Django at the benchmark database. Returns True when it must be (re)built."""
    os.environ["CHINJEOL_ENV"] = "demo"
    os.environ["CHINJEOL_VAR_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
    if db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_NAME]).fetchone()
            if fresh or not exists:
                conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
                conn.execute(f"CREATE DATABASE {PG_NAME}")
                exists = None
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
        return fresh or not exists
    path = workdir / "bench.sqlite3"
    if fresh and path.exists():
        path.unlink()
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return fresh or not path.exists()


def _pick(rng: random.Random, weighted):
    x = rng.random()
    for item in weighted:
        x -= item[1]
        if x <= 0:
            return item
    return weighted[-1]


class Deadlines:
    """The real deadline rules, cached: day-counted periods depend only on the receipt's working day."""

    def __init__(self):
        from chinjeol.charter import queries, rules
        from chinjeol.charter.models import StatutoryService

        self.rules = rules
        self.calendar = queries.calendar_for()
        self.statutory = list(StatutoryService.objects.values_list("id", "days"))
        self.cache: dict = {}

    def binding(self, received: datetime, kind: str, channel: str, promise_days, statutory_days):
        start = self.calendar.next_working_moment(received)
        hourly = kind == "other" or (kind == "statutory" and statutory_days <= 5)
        key = (start if hourly else start.date(), kind, channel, promise_days, statutory_days)
        hit = self.cache.get(key)
        if hit is None:
            legal, promise, binding = self.rules.binding_deadline(
                start,
                kind=kind,
                channel=channel,
                calendar=self.calendar,
                charter_days=promise_days,
                statutory_days=statutory_days,
            )
            hit = (legal.due_at, promise.due_at if promise else None, binding.due_at, binding.rule, start)
            self.cache[key] = hit
        return hit


def load(total: int, open_count: int) -> None:
    from django.db import connection, transaction

    from chinjeol.cases.models import Case
    from chinjeol.charter.models import ServiceStandard, ServiceStandardVersion
    from chinjeol.organization.models import Department, Staff

    rng = random.Random(7)
    now = datetime.now(KST).replace(microsecond=0)
    start = now - timedelta(days=730)
    # The web promise was tightened from 7 to 5 days on 2026-07-01: two versions are in use.
    web = ServiceStandard.objects.get(code="WEB_REPLY")
    if not web.versions.filter(version=2).exists():
        ServiceStandardVersion.objects.create(
            standard=web,
            version=2,
            target=5,
            unit="days",
            valid_from=datetime(2026, 7, 1, tzinfo=KST),
            note="답변 기한 단축",
        )
    from chinjeol.charter.queries import clear_cache

    clear_cache()
    promises = {}  # channel → [(valid_from, version id, days)] newest first
    for v in ServiceStandardVersion.objects.select_related("standard").order_by("-valid_from"):
        if v.standard.channel and v.unit == "days":
            promises.setdefault(v.standard.channel, []).append((v.valid_from, v.pk, int(v.target)))
    deadlines = Deadlines()
    departments = [
        d for d in Department.objects.filter(kind__in=["division", "team"]).values_list("id", flat=True) if d
    ]
    staff_by_dept: dict[int, list[int]] = {}
    for sid, did in Staff.objects.values_list("id", "department_id"):
        staff_by_dept.setdefault(did, []).append(sid)
    dept_weight = [(d, rng.uniform(0.3, 3.0)) for d in departments]
    weight_total = sum(w for _d, w in dept_weight)
    dept_weight = [(d, w / weight_total) for d, w in dept_weight]

    # Which cases stay open: everything of the last 10 days, then a backlog that thins out with age.
    span = (now - start).total_seconds() - 3600
    recent = min(open_count, int(total * 10 / 730))
    open_ids = set(range(total - recent, total))
    while len(open_ids) < open_count:
        open_ids.add(max(0, int(total * (1 - rng.random() ** 2.5)) - 1))

    values_for = {}
    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(f.column for f in fields)
    table = Case._meta.db_table
    is_pg = connection.vendor == "postgresql"
    adapt = (lambda v: v) if is_pg else connection.ops.adapt_datetimefield_value
    t0 = time.perf_counter()
    batch: list[tuple] = []

    def flush(cursor):
        if not batch:
            return
        if is_pg:
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in batch:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["?"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", batch)  # noqa: S608
        batch.clear()

    with transaction.atomic():
        raw = connection.connection.cursor()
        for i in range(total):
            day_offset = span * i / total
            received = start + timedelta(seconds=day_offset)
            received = received.replace(hour=rng.choice([8, 9, 9, 10, 10, 11, 13, 14, 14, 15, 16, 17, 19]))
            received = received.replace(minute=rng.randrange(0, 60, 5), second=0)
            if received > now:
                received = now - timedelta(minutes=5)
            channel, _share, kinds = _pick(rng, CHANNELS)
            kind = _pick(rng, kinds)[0]
            statutory_id, statutory_days = None, None
            if kind == "statutory":
                statutory_id, statutory_days = rng.choice(deadlines.statutory)
            promise_version, promise_days = None, None
            for valid_from, version_id, days in promises.get(channel, ()):
                if valid_from <= received:
                    promise_version, promise_days = version_id, days
                    break
            legal_due, promise_due, due, rule, counted_from = deadlines.binding(
                received, kind, channel, promise_days, statutory_days
            )
            deadline = promise_due or due
            department = _pick(rng, dept_weight)[0]
            people = staff_by_dept.get(department) or [None]
            assignee = rng.choice(people)
            closed_at, interim = None, None
            if i in open_ids:
                status = rng.choice(["received", "assigned", "in_progress", "in_progress"])
                if status == "received":
                    assignee = None
            else:
                x = rng.random()
                if x < 0.02:
                    status = "transferred"
                elif x < 0.03:
                    status = "withdrawn"
                else:
                    status = "closed"
                    working = max((deadline - counted_from).total_seconds(), 3600)
                    if rng.random() < 0.88:
                        closed_at = counted_from + timedelta(seconds=working * rng.uniform(0.05, 1.0))
                    else:
                        closed_at = deadline + timedelta(hours=rng.uniform(1, 240))
                        if rng.random() < 0.5:
                            interim = deadline - timedelta(hours=4)
                    closed_at = min(closed_at, now - timedelta(minutes=1))
            values_for = {
                "created_at": received,
                "updated_at": closed_at or received,
                "receipt_no": f"{received.year}-B{i:08d}",
                "channel": channel,
                "kind": kind,
                "title": TITLES[i % len(TITLES)],
                "body": "벤치마크용 민원 내용입니다.",
                "customer_name": "김민원",
                "customer_phone": f"010-{1000 + i % 9000:04d}-{i % 10000:04d}",
                "customer_email": "",
                "department_id": department,
                "assignee_id": assignee,
                "status": status,
                "received_at": received,
                "counted_from": counted_from,
                "legal_due_at": legal_due,
                "promise_due_at": promise_due,
                "promise_version_id": promise_version if promise_due else None,
                "due_at": due,
                "deadline_rule": rule,
                "statutory_service_id": statutory_id,
                "extensions": 0,
                "interim_last_at": interim,
                "closed_at": closed_at,
                "answer": "처리 결과를 알려 드립니다." if closed_at else "",
                "first_contact_resolved": False,
                "transferred_to": "서울특별시" if status == "transferred" else "",
                "created_by_id": None,
            }
            row = []
            for f in fields:
                if f.attname in values_for:
                    value = values_for[f.attname]
                elif f.has_default():
                    value = f.get_default()
                elif f.null:
                    value = None
                else:
                    raise SystemExit(f"벤치마크 생성기가 모르는 필수 열입니다: {f.attname}")
                row.append(adapt(value) if isinstance(value, datetime) else value)
            batch.append(tuple(row))
            if len(batch) == BATCH:
                flush(raw)
        flush(raw)
    with connection.cursor() as cursor:  # as autovacuum would (visibility map for index-only scans)
        cursor.execute("ANALYZE" if not is_pg else f"VACUUM ANALYZE {table}")
    print(f"loaded {total:,} cases ({open_count:,} open) in {time.perf_counter() - t0:.0f} s", flush=True)


def slowest_plan(client, path: str) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest statement one request of the page runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + slowest["sql"])
        rows = cursor.fetchall()
    lines = [" | ".join(str(c) for c in row) for row in rows]
    return f"-- {float(slowest['time']) * 1000:.1f} ms\n{slowest['sql'][:600]}\n" + "\n".join(lines)


def timed(client, path: str, repeat: int) -> tuple[float, float, float]:
    """(median, p95, first request) in ms; the first request warms the process caches."""
    t = time.perf_counter()
    response = client.get(path)
    first = (time.perf_counter() - t) * 1000
    assert response.status_code == 200, (path, response.status_code)
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)], first


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the database under DIR")
    parser.add_argument(
        "--plans", action="store_true", help="print the query plan of the slowest statement of each page"
    )
    args = parser.parse_args()
    if args.repeat < 20:
        parser.error("--repeat must be at least 20")
    workdir = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="chinjeol-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        build = setup_env(args.db, workdir, fresh=not args.keep)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from chinjeol.core.models import User
        from chinjeol.core.periods import Period

        if build:
            from chinjeol.demo import charter as demo_charter
            from chinjeol.demo import organization as demo_organization

            t = time.perf_counter()
            call_command("migrate", verbosity=0)
            demo_organization.build()
            demo_charter.build()
            print(f"migrated and built the organisation in {time.perf_counter() - t:.0f} s", flush=True)
            load(args.cases, args.open)
        from chinjeol.reports.compliance.tallies import tallies_reset

        tallies_reset()  # the first compliance request aggregates and stores the finished months again
        today = datetime.now(KST).date()
        half = Period.containing(today, "half")
        results = []
        plans: list[tuple[str, str, str]] = []
        for username, label in (
            ("csadmin", "CS officer (all departments)"),
            ("head", "department head (민원여권과)"),
        ):
            client = Client()
            client.force_login(User.objects.get(username=username))
            for name, path in (
                ("overdue queue", "/cases/?queue=overdue"),
                ("due-soon queue", "/cases/?queue=due_soon"),
                ("compliance, half-year", f"/reports/compliance/?period={half}"),
                ("compliance, year", f"/reports/compliance/?period={today.year}"),
                ("compliance drill-down", f"/reports/compliance/cases/?period={half}&result=missed"),
            ):
                median, p95, first = timed(client, path, args.repeat)
                results.append((label, name, median, p95, first))
                if args.plans:
                    plans.append((label, name, slowest_plan(client, path)))
                print(
                    f"  {label:30} {name:24} median {median:7.1f} ms  p95 {p95:7.1f} ms  first {first:7.1f} ms",
                    flush=True,
                )
        print()
        print(
            f"database: {connection.vendor} ({args.db}); cases: {args.cases:,} ({args.open:,} open); "
            f"requests per page: {args.repeat} after one warm-up; period: {half}"
        )
        print("| who | page | median ms | p95 ms | first request ms |")
        print("|---|---|---:|---:|---:|")
        for label, name, median, p95, first in results:
            print(f"| {label} | {name} | {median:.1f} | {p95:.1f} | {first:.1f} |")
        for label, name, plan in plans:
            print(f"\n### {label} — {name}\n```\n{plan}\n```")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            if args.db == "postgres":
                import psycopg
                from django.db import connections

                connections.close_all()
                with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                    conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
