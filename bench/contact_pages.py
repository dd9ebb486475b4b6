"""Wallboard and a year's metrics on the demo database: median and p95 of in-process requests.

    CHINJEOL_VAR_DIR=… DATABASE_URL=sqlite:///…/demo.sqlite3 .venv/bin/python bench/contact_pages.py
    DATABASE_URL=… .venv/bin/python bench/contact_pages.py --build   # a fresh database: the demo's year
                                                                     # of calls only, on a small org

Run after `chinjeol demo --no-serve` (a year of calls), or with --build on an empty database (migrated
here; 28 counsellors in 민원콜센터, 27 departments of 10 staff with extensions). Each URL is also timed with
the daily tallies switched off (`use_tallies=False`: every call read) for comparison.
Target (issue): < 200 ms at the median.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
os.environ.setdefault("CHINJEOL_ENV", "demo")


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def build() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tests.factories import make_user

    from chinjeol.contact import demo
    from chinjeol.core.roles import Role
    from chinjeol.organization.models import Agency, Department, Staff

    Agency.objects.get_or_create(name="벤치구")
    centre = Department.objects.create(name="민원콜센터", sort_order=1)
    staff = [
        Staff(employee_no=f"C{i:03d}", name=f"상담사{i}", department=centre, extension=f"{2000 + i}")
        for i in range(1, 29)
    ]
    for d in range(27):
        dept = Department.objects.create(name=f"부서{d + 1}과", sort_order=d + 2)
        staff += [
            Staff(employee_no=f"D{d:02d}{i}", name=f"직원{d}-{i}", department=dept, extension=f"3{d:02d}{i}")
            for i in range(10)
        ]
    Staff.objects.bulk_create(staff)
    make_user("csadmin", roles=(Role.CS_OFFICER,), department=centre)
    started = time.perf_counter()
    demo.build()
    print(f"built a year of calls in {time.perf_counter() - started:.1f} s", flush=True)


def main() -> int:
    import django

    django.setup()
    if "--build" in sys.argv:
        sys.path.insert(0, str(ROOT))
        build()
    from django.test import Client
    from django.utils import timezone

    from chinjeol.contact.models import CallRecord
    from chinjeol.core.models import User

    client = Client()
    client.force_login(User.objects.get(username="csadmin"))
    today = timezone.localdate()
    year_ago = today - timedelta(days=364)
    calls = CallRecord.objects.count()
    urls = {
        "wallboard (htmx tiles)": "/callcenter/wallboard/live/",
        "metrics, a year by staff": f"/api/v1/calls/metrics?date_from={year_ago}&date_to={today}&group_by=staff",
        "metrics, a year by day": f"/api/v1/calls/metrics?date_from={year_ago}&date_to={today}&group_by=day",
        "333 dashboard, this month": "/callcenter/333/",
        "volumes, monthly for a year": f"/callcenter/volumes/?unit=month&from={year_ago}&to={today}",
    }
    print(f"{calls:,} calls in the database")
    from unittest import mock

    from chinjeol.contact import queries

    original = queries.call_groups

    def without_tallies(*args, **kwargs):
        kwargs["use_tallies"] = False
        return original(*args, **kwargs)

    for tallied in (True, False):
        patch = mock.patch.object(queries, "call_groups", without_tallies) if not tallied else None
        if patch:
            patch.start()
        for label, url in urls.items():
            times, cpu_times = [], []
            for _ in range(15):
                started, cpu = time.perf_counter(), cpu_s()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                cpu_times.append((cpu_s() - cpu) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            times.sort()
            how = "tallies" if tallied else "every call"
            print(
                f"{label} ({how}): median {statistics.median(times):.0f} ms, "
                f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms, "
                f"CPU median {statistics.median(cpu_times):.0f} ms (the database is in-process)",
                flush=True,
            )
        if patch:
            patch.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
