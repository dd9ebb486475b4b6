"""The report centre under a year's load of a large city, in one process (services and pages).

    .venv/bin/python bench/community_reports.py --db sqlite --reports 3000 --decide 400
    .venv/bin/python bench/community_reports.py --db postgres

Measures: intake through `report_receive` (reports/s), a full unkind substantiation with every
consequence (mileage, deduction, apology call, prevention, compensation) and a praise substantiation
with the praise-twice check (ms each, mean and p95), and the CS officer's report list and a department
head's task list (ms and SQL queries per page).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def setup(db: str) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-community-"))
    os.environ.update({"CHINJEOL_ENV": "demo", "CHINJEOL_VAR_DIR": str(workdir)})
    if db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_community")
            conn.execute("CREATE DATABASE bench_community")
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/bench_community"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import transaction

    from chinjeol.demo import charter, organization

    with transaction.atomic():
        organization.build()
        charter.build()


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--decide", type=int, default=400)
    args = parser.parse_args()
    setup(args.db)

    from datetime import timedelta

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from chinjeol.community import services
    from chinjeol.community.models import Report
    from chinjeol.core.models import User
    from chinjeol.organization.models import Staff

    rng = random.Random(7)
    officer = User.objects.get(username="csadmin")
    staff = list(Staff.objects.active().filter(position__contains="주무관").order_by("employee_no"))
    start = timezone.now() - timedelta(days=300)

    t0 = time.perf_counter()
    reports = []
    for i in range(args.reports):
        kind = "praise" if rng.random() < 0.7 else "unkind"
        reports.append(
            services.report_receive(
                intake=services.ReportIntake(
                    kind=kind,
                    body="창구에서 있었던 일입니다. 연락처 010-1234-5678 " * 3,
                    reporter_name="시민",
                    reporter_phone="010-1234-5678",
                    official_name=rng.choice(staff).name,
                    consent=True,
                ),
                now=start + timedelta(minutes=i * 5),
            )
        )
    intake_s = time.perf_counter() - t0

    unkind_ms, praise_ms = [], []
    decided = 0
    for report in reports:
        if decided >= args.decide:
            break
        now = report.received_at + timedelta(days=2)
        person = rng.choice(staff)
        t = time.perf_counter()
        services.report_investigate(report_id=report.pk, by=officer, now=now)
        services.report_official_add(report_id=report.pk, staff_id=person.pk, by=officer, now=now)
        prevention = None
        if report.kind == Report.Kind.UNKIND:
            prevention = services.PreventionInput(
                measure="응대 교육",
                responsible_id=person.pk,
                due_on=timezone.localtime(now).date() + timedelta(days=14),
            )
        services.report_substantiate(
            report_id=report.pk, finding="확인", by=officer, now=now, prevention=prevention
        )
        (unkind_ms if report.kind == Report.Kind.UNKIND else praise_ms).append(
            (time.perf_counter() - t) * 1000
        )
        decided += 1

    client = Client()
    client.force_login(officer)
    pages = {}
    for name, user, url in (
        ("신고 목록 (담당관)", officer, "/community/reports/"),
        ("할 일 현황 (담당관)", officer, "/community/tasks/all/"),
        ("내 할 일 (부서장)", User.objects.get(username="head"), "/community/tasks/"),
    ):
        client.force_login(user)
        client.get(url)  # warm
        runs = []
        for _ in range(20):
            with CaptureQueriesContext(connection) as queries:
                t = time.perf_counter()
                response = client.get(url)
                runs.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        pages[name] = (statistics.median(runs), len(queries))

    print(f"db={args.db} reports={args.reports} decided={decided}")
    print(f"intake: {args.reports / intake_s:.0f} reports/s ({intake_s * 1000 / args.reports:.1f} ms each)")
    if unkind_ms:
        print(
            f"unkind substantiation (investigate + official + decide + all consequences): "
            f"mean {statistics.mean(unkind_ms):.1f} ms, p95 {pct(unkind_ms, 0.95):.1f} ms (n={len(unkind_ms)})"
        )
    if praise_ms:
        print(
            f"praise substantiation (incl. praise-twice check): "
            f"mean {statistics.mean(praise_ms):.1f} ms, p95 {pct(praise_ms, 0.95):.1f} ms (n={len(praise_ms)})"
        )
    for name, (ms, count) in pages.items():
        print(f"{name}: median {ms:.1f} ms, {count} queries")


if __name__ == "__main__":
    main()
