"""VISIT_GUIDE compliance and the counter at volume: N visitors over several years in a fresh SQLite database,
then the compliance provider for a half-year (all departments and one), and the counter's live list.

    .venv/bin/python bench/visits_compliance.py [--visits 300000] [--db /tmp/visits-bench.sqlite3]

A busy 구청 민원실 sees about 200 visitors a working day (50,000 a year): 300,000 is six years of one counter.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def timed(fn, rounds: int = 15) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=300_000)
    parser.add_argument("--db", default="/tmp/visits-bench.sqlite3")
    args = parser.parse_args()
    Path(args.db).unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{args.db}"
    os.environ.setdefault("CHINJEOL_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from chinjeol.charter.models import ServiceStandard
    from chinjeol.core.periods import Period
    from chinjeol.organization.models import Department
    from chinjeol.reports.compliance import queries as compliance
    from chinjeol.visits import queries, rules
    from chinjeol.visits.models import Visit
    from chinjeol.visits.provider import visit_tallies

    departments = [Department.objects.create(name=f"부서{i}", sort_order=i) for i in range(28)]
    version = ServiceStandard.objects.get(code="VISIT_GUIDE").versions.get()
    rng = random.Random(7)
    started = time.perf_counter()
    rows = []
    day = date(2021, 1, 4)
    per_day = 200
    while len(rows) < args.visits:
        if day.weekday() < 5:
            for number in range(1, per_day + 1):
                arrived = timezone.make_aware(
                    datetime.combine(day, clock(9)) + timedelta(seconds=rng.randint(0, 9 * 3600))
                )
                waited = rng.randint(20, 420)
                rows.append(
                    Visit(
                        number=number,
                        local_date=day,
                        department=rng.choice(departments),
                        purpose="민원 서류",
                        arrived_at=arrived,
                        guided_at=arrived + timedelta(seconds=waited),
                        status="guided",
                        deadline=rules.guide_deadline(arrived, 5),
                        version=version,
                    )  # fmt: skip
                )
        day += timedelta(days=1)
    Visit.objects.bulk_create(rows[: args.visits], batch_size=5000)
    print(f"{args.visits:,} visits written in {time.perf_counter() - started:.1f} s (to {day})")
    now = timezone.make_aware(datetime.combine(day, clock(18)))
    half = Period.containing(day - timedelta(days=1), "half")
    one = {departments[0].pk}
    for label, fn in (
        ("VISIT_GUIDE tallies, a half-year, all departments", lambda: visit_tallies(half, now)),
        (
            "VISIT_GUIDE tallies, a half-year, one department",
            lambda: visit_tallies(half, now, departments=one),
        ),
        ("whole compliance summary (cases none), a half-year", lambda: compliance.summary(half, now)),
        (
            "the counter's waiting list and today's figures",
            lambda: (queries.waiting_now(now), queries.today_figures(now)),
        ),
    ):
        median, p95 = timed(fn)
        print(f"{label}: median {median:.1f} ms, p95 {p95:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
