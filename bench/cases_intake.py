"""Case intake through the API, served the way the demo serves it (gunicorn, 2 workers × 4 threads,
plus the background worker), on a fresh SQLite database or PostgreSQL.

    .venv/bin/python bench/cases_intake.py --db sqlite --requests 3000 --clients 8
    .venv/bin/python bench/cases_intake.py --db postgres

Target (issue): ≥ 300 cases/s with p99 < 100 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"

TITLES = [
    "불법 주정차 단속 요청",
    "가로등 고장 신고",
    "재산세 납부 문의",
    "공원 소음 민원",
    "여권 발급 기간 문의",
]
BODY = (
    "집 앞 도로에 매일 불법 주차된 차량이 있어 통행이 어렵습니다. 연락처 010-1234-5678로 회신 부탁드립니다. "
    * 3
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(db: str, workdir: Path) -> dict:
    env = {**os.environ, "CHINJEOL_ENV": "demo", "CHINJEOL_VAR_DIR": str(workdir)}
    if db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_intake")
            conn.execute("CREATE DATABASE bench_intake")
        env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/bench_intake"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env["CHINJEOL_DEMO_SCALE"] = "0.1"
    subprocess.run([PY, "-m", "chinjeol", "demo", "--no-serve"], env=env, check=True, capture_output=True)
    out = subprocess.run(
        [PY, "-m", "chinjeol", "createtoken", "csadmin"], env=env, check=True, capture_output=True, text=True
    )
    env["TOKEN"] = out.stdout.strip().splitlines()[-1]
    return env


def serve(env: dict, port: int) -> list[subprocess.Popen]:
    gunicorn = [
        PY,
        "-m",
        "gunicorn",
        "chinjeol.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        os.environ.get("BENCH_WORKERS", "2"),
        "--threads",
        os.environ.get("BENCH_THREADS", "4"),
        "--worker-class",
        "gthread",
        "--log-level",
        "warning",
    ]
    worker = [PY, "-m", "chinjeol", "worker", "--periodic", "0"]
    procs = [
        subprocess.Popen(gunicorn, env=env),
        subprocess.Popen(worker, env=env, stdout=subprocess.DEVNULL),
    ]
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return procs
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def client(port: int, token: str, count: int, latencies: list[float], errors: list[str], seed: int) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for i in range(count):
        payload = {
            "channel": rng.choice(["web", "epeople", "phone", "chat"]),
            "kind": rng.choice(["inquiry", "grievance", "suggestion", "other"]),
            "title": rng.choice(TITLES),
            "body": BODY,
            "customer": {
                "name": "김민원",
                "phone": f"010-{rng.randint(2000, 9999)}-{i % 10000:04d}",
                "email": "",
            },
        }
        body = json.dumps(payload)
        start = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/cases", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(str(exc))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - start)
        if response.status != 201:
            errors.append(f"{response.status} {data[:200]!r}")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="chinjeol-bench-"))
    procs: list[subprocess.Popen] = []
    try:
        env = prepare(args.db, workdir)
        port = free_port()
        procs = serve(env, port)
        # warm-up: every worker process loads its code and caches
        client(port, env["TOKEN"], 50, [], [], seed=0)
        latencies: list[float] = []
        errors: list[str] = []
        per_client = args.requests // args.clients
        threads = [
            threading.Thread(target=client, args=(port, env["TOKEN"], per_client, latencies, errors, n + 1))
            for n in range(args.clients)
        ]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        done = len(latencies)
        print(f"database: {args.db}; requests: {done} ok, {len(errors)} errors; clients: {args.clients}")
        print(f"throughput: {done / elapsed:.0f} cases/s over {elapsed:.1f} s")
        print(
            f"latency ms: p50 {percentile(latencies, 50) * 1000:.1f}, p95 {percentile(latencies, 95) * 1000:.1f}, p99 {percentile(latencies, 99) * 1000:.1f}, max {max(latencies) * 1000:.1f}, mean {statistics.mean(latencies) * 1000:.1f}"
        )
        if errors:
            print("first errors:", errors[:3])
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
