"""Importing a large Asterisk Master.csv with `chinjeol import-cdr`'s service, against a raw baseline.

    .venv/bin/python bench/contact_cdr.py                      # 1,000,000 rows, SQLite
    .venv/bin/python bench/contact_cdr.py --rows 200000 --db postgres

Target (issue): 1,000,000 rows in ≤ 20 s on SQLite, within 3× a raw `csv.reader` + `executemany` of the same
rows into a table of the same 21 CDR columns (with a unique index on uniqueid), peak memory < 500 MB.
Each phase runs in its own process so its peak resident memory is its own; the file is written first
(28 counsellors on 2001–2028, a few unmapped extensions, queue calls, missed and outgoing calls).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_NAME = "bench_contact"


def q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_master(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    t = datetime(2026, 1, 2, 8, 30)
    fmt = "%Y-%m-%d %H:%M:%S"
    with path.open("w", encoding="utf-8", newline="") as f:
        for i in range(rows):
            t += timedelta(seconds=rng.randint(5, 40))
            if t.hour >= 19:
                t = t.replace(hour=8, minute=30) + timedelta(days=1)
            number = f"010{rng.randint(10000000, 10400000)}"
            ext = str(2001 + rng.randrange(28)) if rng.random() > 0.02 else str(2990 + rng.randrange(5))
            kind = rng.random()
            if kind < 0.1:  # outgoing (call-backs and others)
                src, dst, ring, status = ext, number, rng.randint(3, 20), "ANSWERED"
            else:
                src, dst = number, ext if kind < 0.5 else "120"
                status = "ANSWERED" if rng.random() > 0.06 else rng.choice(["NO ANSWER", "BUSY"])
                ring = max(0, int(rng.gauss(5, 3)))
            talk = int(rng.lognormvariate(4.6, 0.6)) if status == "ANSWERED" else 0
            answer = t + timedelta(seconds=ring) if status == "ANSWERED" else None
            end = t + timedelta(seconds=ring + talk)
            fields = [
                q(""),
                q(src),
                q(dst),
                q("from-pstn"),
                q(f'"시민" <{src}>'),
                q(f"SIP/trunk-{i:08x}"),
                q(f"SIP/{ext}-{i:08x}" if status == "ANSWERED" else ""),
                q("Dial"),
                q(f"SIP/{ext},30"),
                q(t.strftime(fmt)),
                q(answer.strftime(fmt) if answer else ""),
                q(end.strftime(fmt)),
                str(ring + talk),
                str(talk),
                q(status),
                q("DOCUMENTATION"),
                q(f"{1767300000 + i}.{i}"),
                q(""),
                q(""),
                q(f"{1767300000 + i}.{i}"),
                str(i),
            ]
            f.write(",".join(fields) + "\n")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def phase_baseline(path: Path, workdir: Path) -> None:
    db = sqlite3.connect(workdir / "baseline.sqlite3")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    cols = [f"c{i}" for i in range(21)]
    db.execute(f"CREATE TABLE cdr ({', '.join(cols)})")
    db.execute("CREATE UNIQUE INDEX cdr_uid ON cdr (c16)")
    started, cpu = time.perf_counter(), cpu_s()
    with path.open(encoding="utf-8", newline="") as f, db:
        db.executemany(f"INSERT INTO cdr VALUES ({', '.join('?' * 21)})", csv.reader(f))  # noqa: S608
    print(f"RESULT baseline {time.perf_counter() - started:.2f} {peak_mb():.0f} {cpu_s() - cpu:.2f}")


def phase_import(path: Path, workdir: Path, db: str) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from chinjeol.contact.models import Queue
    from chinjeol.organization.models import Agency, Department, Staff

    Agency.objects.get_or_create(name="벤치시")
    dept = Department.objects.create(name="120콜센터", sort_order=1)
    Queue.objects.create(name="120", department=dept)
    Staff.objects.bulk_create(
        Staff(employee_no=f"B{i:04d}", name=f"상담사{i}", department=dept, extension=str(2000 + i))
        for i in range(1, 29)
    )
    from chinjeol.contact.services import cdr_import

    started, cpu = time.perf_counter(), cpu_s()
    with path.open(encoding="utf-8", newline="") as f:
        result = cdr_import(f)
    took, took_cpu = time.perf_counter() - started, cpu_s() - cpu
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as f:
        again = cdr_import(f)
    took_again = time.perf_counter() - started
    print(
        f"RESULT import {took:.2f} {peak_mb():.0f} {result.inserted} {result.callbacks} {result.error_count} {took_cpu:.2f}"
    )
    print(f"RESULT again {took_again:.2f} {again.inserted}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--phase", choices=("baseline", "import"))
    parser.add_argument("--workdir")
    args = parser.parse_args()
    if args.phase:
        workdir = Path(args.workdir)
        path = workdir / "Master.csv"
        if args.phase == "baseline":
            phase_baseline(path, workdir)
        else:
            phase_import(path, workdir, args.db)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        write_master(workdir / "Master.csv", args.rows)
        size = (workdir / "Master.csv").stat().st_size / 1e6
        print(
            f"wrote {args.rows:,} rows ({size:.0f} MB) in {time.perf_counter() - started:.1f} s", flush=True
        )
        env = dict(
            os.environ, CHINJEOL_ENV="demo", CHINJEOL_VAR_DIR=tmp, DJANGO_SETTINGS_MODULE="chinjeol.settings"
        )
        if args.db == "postgres":
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
                conn.execute(f"CREATE DATABASE {PG_NAME}")
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
        else:
            env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        results = {}
        for phase in ("baseline", "import"):
            out = subprocess.run(
                [sys.executable, __file__, "--phase", phase, "--workdir", tmp, "--db", args.db],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for line in out.splitlines():
                if line.startswith("RESULT "):
                    parts = line.split()
                    results[parts[1]] = parts[2:]
        base_s, base_mb, base_cpu = results["baseline"]
        imp_s, imp_mb, inserted, callbacks, errors, imp_cpu = results["import"]
        again_s, again_inserted = results["again"]
        ratio, cpu_ratio = float(imp_s) / float(base_s), float(imp_cpu) / float(base_cpu)
        print(
            f"baseline csv.reader + executemany (SQLite): {float(base_s):.2f} s (CPU {base_cpu} s), peak {base_mb} MB"
        )
        print(
            f"import-cdr ({args.db}): {float(imp_s):.2f} s (CPU {imp_cpu} s), peak {imp_mb} MB, {int(inserted):,} "
            f"calls, {int(callbacks):,} call-backs, {errors} bad rows — {ratio:.2f}× the baseline "
            f"({cpu_ratio:.2f}× in CPU time)"
        )
        print(f"same file again: {float(again_s):.2f} s, {again_inserted} new rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
