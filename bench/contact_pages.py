"""Wallboard and a year's metrics on the demo database: median and p95 of in-process requests.

    CHINJEOL_VAR_DIR=… DATABASE_URL=sqlite:///…/demo.sqlite3 .venv/bin/python bench/contact_pages.py

Run after `chinjeol demo --no-serve` (a year of calls). Target (issue): < 200 ms at the median.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
os.environ.setdefault("CHINJEOL_ENV", "demo")


def main() -> int:
    import django

    django.setup()
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
    for label, url in urls.items():
        times = []
        for _ in range(15):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        times.sort()
        print(
            f"{label}: median {statistics.median(times):.0f} ms, p95 {times[int(len(times) * 0.95) - 1]:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
