"""How long the demo takes with its year of happy-calls and the annual survey, step by step, and how fast the
happy-call results and survey results pages answer on that data (SQLite, a fresh database).

    .venv/bin/python bench/surveys_demo.py [--scale 1.0] [--rounds 10]

Budget (brief): the surveys step adds at most ~15 s to the demo.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-surveys-"))
    os.environ.update(
        CHINJEOL_ENV="demo",
        CHINJEOL_VAR_DIR=str(workdir),
        DJANGO_SETTINGS_MODULE="chinjeol.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from chinjeol.demo import demo_load

    marks: list[tuple[str, float]] = []
    demo_load(lambda label: marks.append((label, time.perf_counter())), scale=args.scale)
    marks.append(("끝", time.perf_counter()))
    for (label, start), (_next, end) in zip(marks, marks[1:], strict=False):
        print(f"{end - start:7.1f} s  {label}")
    print(f"{marks[-1][1] - marks[0][1]:7.1f} s  demo total (scale {args.scale})")

    from django.test import Client

    from chinjeol.core.models import User
    from chinjeol.surveys.models import HappyCall, Response, Survey

    print(f"happy-calls {HappyCall.objects.count():,}, survey answers {Response.objects.count():,}")
    client = Client()
    client.force_login(User.objects.get(username="csadmin"))
    annual = Survey.objects.get(is_annual=True)
    for label, url in (
        ("happy-call results by department", "/surveys/happy-calls/?by=department"),
        ("happy-call results by person", "/surveys/happy-calls/?by=person"),
        ("annual survey results (charts, cross-tab)", f"/surveys/{annual.pk}/results/"),
        ("public results", f"/surveys/public/{annual.pk}/"),
    ):
        client.get(url)
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append((time.perf_counter() - start) * 1000)
        print(f"{statistics.median(times):7.1f} ms median, {max(times):7.1f} ms max  {label}")


if __name__ == "__main__":
    main()
