"""Case intake through the API, served the way the demo serves it (the same gunicorn command as
`chinjeol demo`/`chinjeol serve`, plus the background worker), on a fresh SQLite database or PostgreSQL.

    .venv/bin/python bench/cases_intake.py --db sqlite
    .venv/bin/python bench/cases_intake.py --db postgres --clients 8 --seconds 30 --runs 3
    .venv/bin/python bench/cases_intake.py --db sqlite --client python     # the heavier Python client

The load generator is `wrk` (Debian package `wrk`) when it is there: a C client that leaves the cores
to the server. Without it the benchmark tries `apt-get install -y wrk` (as root, unless --no-install)
and otherwise falls back, saying so, to a threaded Python client that itself uses most of a core.
Either client keeps `--clients` keep-alive connections busy (closed loop) and sends varied bodies.

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
sys.path.insert(0, str(ROOT / "src"))

from chinjeol.cli import DEMO_THREADS, DEMO_WORKERS, _gunicorn_cmd  # noqa: E402

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


def payload(rng: random.Random, i: int) -> str:
    return json.dumps(
        {
            "channel": rng.choice(["web", "epeople", "phone", "chat"]),
            "kind": rng.choice(["inquiry", "grievance", "suggestion", "other"]),
            "title": rng.choice(TITLES),
            "body": BODY,
            "customer": {
                "name": "김민원",
                "phone": f"010-{rng.randint(2000, 9999)}-{i % 10000:04d}",
                "email": "",
            },
        },
        ensure_ascii=False,
    )


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


def serve(env: dict, port: int, workers: int, threads: int) -> list[subprocess.Popen]:
    gunicorn = _gunicorn_cmd("127.0.0.1", port, workers, threads)
    worker = [PY, "-m", "chinjeol", "worker", "--periodic", "0"]
    procs = [
        # the access log goes to stdout as in the demo; here nobody reads it
        subprocess.Popen(gunicorn, env=env, stdout=subprocess.DEVNULL),
        subprocess.Popen(worker, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return procs
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def waiting_notices(db: str, env: dict) -> int:
    """Notices still waiting to be sent: a worker that keeps up leaves only the last moment's."""
    sql = "SELECT count(*) FROM notify_message WHERE status = 'queued'"
    if db == "postgres":
        import psycopg

        with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://")) as conn:
            return conn.execute(sql).fetchone()[0]
    import sqlite3

    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as conn:
        return conn.execute(sql).fetchone()[0]


# --- the wrk client ---------------------------------------------------------------------------

WRK_SCRIPT = """
local bodies = {%(bodies)s}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(token)s"

function request()
  n = n + 1
  return wrk.format(nil, "/api/v1/cases", nil, bodies[(n %% #bodies) + 1])
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("status " .. status .. " " .. string.sub(body, 1, 200) .. "\\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%.1f %%.1f %%.1f %%.1f %%.1f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
"""


def wrk_path(install: bool) -> str | None:
    found = shutil.which("wrk")
    if found or not install:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("wrk not found: installing the Debian package (apt-get install -y wrk)…", flush=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
    return shutil.which("wrk")


def run_wrk(wrk: str, port: int, token: str, seconds: int, clients: int, seed: int) -> dict:
    rng = random.Random(seed)
    bodies = ",".join(f"[==[{payload(rng, i)}]==]" for i in range(256))
    threads = min(2, clients)
    script = WRK_SCRIPT % {"bodies": bodies, "token": token}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    try:
        out = subprocess.run(
            [
                wrk,
                "-t",
                str(threads),
                "-c",
                str(clients),
                "-d",
                f"{seconds}s",
                "--timeout",
                "30s",
                "-s",
                f.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(f.name)
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
    v = line.split()[1:]
    done, micros = int(v[0]), int(v[1])
    errors = sum(int(x) for x in v[2:7])
    p50, p95, p99, mx, mean = (float(x) / 1000 for x in v[7:12])
    return {
        "done": done,
        "errors": errors,
        "elapsed": micros / 1e6,
        "p50": p50,
        "p95": p95,
        "p99": p99,
        "max": mx,
        "mean": mean,
        "first_errors": out.stderr.splitlines()[:3],
    }


# --- the Python client ------------------------------------------------------------------------


def python_client(
    port: int, token: str, count: int, latencies: list[float], errors: list[str], seed: int
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for i in range(count):
        body = payload(rng, i).encode()
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


def run_python(port: int, token: str, requests: int, clients: int, seed: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    per_client = requests // clients
    threads = [
        threading.Thread(target=python_client, args=(port, token, per_client, latencies, errors, seed + n))
        for n in range(clients)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    ms = [x * 1000 for x in latencies]
    return {
        "done": len(ms),
        "errors": len(errors),
        "elapsed": elapsed,
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "max": max(ms),
        "mean": statistics.mean(ms),
        "first_errors": errors[:3],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--requests", type=int, default=3000, help="Python client: requests in a run")
    parser.add_argument("--seconds", type=int, default=20, help="wrk: length of a run (wrk runs for a time)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent keep-alive connections")
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--no-install", action="store_true", help="do not try to install wrk")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", DEMO_WORKERS)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_THREADS", DEMO_THREADS)))
    parser.add_argument("--runs", type=int, default=1, help="measured runs on the same server; prints each")
    args = parser.parse_args()

    wrk = None
    if args.client in ("auto", "wrk"):
        wrk = wrk_path(install=not args.no_install)
        if wrk is None and args.client == "wrk":
            raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
        if wrk is None:
            print("wrk not found: falling back to the Python client, which shares the cores with the server;")
            print("its figures are pessimistic (install the Debian package wrk for the reference figures).")
    client_name = "wrk" if wrk else "python"

    workdir = Path(tempfile.mkdtemp(prefix="chinjeol-bench-"))
    procs: list[subprocess.Popen] = []
    try:
        env = prepare(args.db, workdir)
        port = free_port()
        procs = serve(env, port, args.workers, args.threads)
        token = env["TOKEN"]

        def measure(warm_up: bool, seed: int) -> dict:
            if wrk:
                return run_wrk(wrk, port, token, 3 if warm_up else args.seconds, args.clients, seed)
            requests = max(200, args.clients * 50) if warm_up else args.requests
            return run_python(port, token, requests, args.clients, seed)

        # warm-up over every connection, so that each worker process has loaded its code and caches
        measure(warm_up=True, seed=0)
        print(
            f"database: {args.db}; server: gunicorn {args.workers} workers × {args.threads} threads (gthread) "
            f"+ task worker; client: {client_name}, {args.clients} connections"
        )
        for run in range(args.runs):
            r = measure(warm_up=False, seed=run + 1)
            print(f"requests: {r['done']} done, {r['errors']} errors")
            print(f"throughput: {r['done'] / r['elapsed']:.0f} cases/s over {r['elapsed']:.1f} s")
            print(
                f"latency ms: p50 {r['p50']:.1f}, p95 {r['p95']:.1f}, p99 {r['p99']:.1f}, "
                f"max {r['max']:.1f}, mean {r['mean']:.1f}"
            )
            if r["first_errors"]:
                print("first errors:", r["first_errors"])
            print(f"notices waiting for the worker at the end: {waiting_notices(args.db, env)}")
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
