"""Nothing lost, nothing twice, under `kill -9`: the real server (the gunicorn command of `chinjeol serve` and
`chinjeol demo`) and the background worker on a fresh SQLite file or PostgreSQL database, intake requests with
`Idempotency-Key` from a few clients, the server and the worker killed with SIGKILL a few times mid-load and
started again, every unanswered request retried with its key, then counted:

- acknowledged cases lost          (a 201 reached the client, the case is not in the database)   must be 0
- duplicates for retried keys      (more than one case for one key)                             must be 0
- notices delivered twice          (counted at the fake SMS provider and the fake mail server by
                                    delivery key: an SMS grouping key sent twice, or a recipient
                                    given two different keys)                                    must be 0
- mails repeated with one Message-ID (SMTP cannot be asked what it has; a mail in doubt goes again
                                    with the same Message-ID, which a mailbox shows once)        reported

The fake SMS provider answers like NHN Cloud's API (send, and the send list searched by grouping key) and the
fake mail server speaks enough SMTP for Django; both run in this process on 127.0.0.1 and outlive the kills.
Everything listens on loopback only; each run is bounded by --seconds plus a drain of at most --drain seconds.

    .venv/bin/python bench/kill9.py --db sqlite
    .venv/bin/python bench/kill9.py --db postgres --clients 4 --seconds 40 --kills 4
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import http.client
import json
import os
import random
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from email.parser import BytesHeaderParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_NAME = "reliab_kill9"
sys.path.insert(0, str(ROOT / "src"))

from chinjeol.cli import _gunicorn_cmd  # noqa: E402

# ── the fake providers ──────────────────────────────────────────────────────────────────────────────


class Sink:
    """What reached the outside world: deliveries per key, per channel."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sms: collections.Counter = collections.Counter()
        self.mail: collections.Counter = collections.Counter()
        self.sms_lookups = 0
        self.keys_of: collections.defaultdict = collections.defaultdict(set)  # recipient → delivery keys
        self.delay = 0.02  # a provider is not instant: kills then land in the middle of batches


SINK = Sink()


class QuietHttpServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client killed mid-request is what this benchmark does


class QuietTcpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


class SmsProvider(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        time.sleep(SINK.delay)
        with SINK.lock:
            SINK.sms[body["senderGroupingKey"]] += 1
            SINK.keys_of[body["recipientList"][0]["recipientNo"]].add(body["senderGroupingKey"])
        self._answer({"body": {"data": {"requestId": "r", "statusCode": "2"}}})

    def do_GET(self):  # noqa: N802
        key = parse_qs(urlsplit(self.path).query)["senderGroupingKey"][0]
        with SINK.lock:
            SINK.sms_lookups += 1
            count = 1 if SINK.sms[key] else 0
        self._answer({"body": {"totalCount": count, "data": []}})

    def _answer(self, extra):
        data = json.dumps(
            {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}, **extra}
        )
        raw = data.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


class MailServer(socketserver.StreamRequestHandler):
    """Enough SMTP for Django's backend: greeting, EHLO, MAIL, RCPT, DATA, QUIT."""

    def handle(self):
        self.wfile.write(b"220 sink ESMTP\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 sink\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                lines = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(chunk)
                time.sleep(SINK.delay)
                headers = BytesHeaderParser().parsebytes(b"".join(lines))
                with SINK.lock:
                    SINK.mail[headers["Message-ID"]] += 1
                    SINK.keys_of[headers["To"]].add(headers["Message-ID"])
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


def start_sinks() -> tuple[int, int]:
    sms = QuietHttpServer(("127.0.0.1", 0), SmsProvider)
    mail = QuietTcpServer(("127.0.0.1", 0), MailServer)
    for server in (sms, mail):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return sms.server_address[1], mail.server_address[1]


# ── the system under test ───────────────────────────────────────────────────────────────────────────


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(db: str, workdir: Path, sms_port: int, mail_port: int) -> dict:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "CHINJEOL_ENV": "demo",
        "CHINJEOL_VAR_DIR": str(workdir),
        "CHINJEOL_NOTIFY_SMS": "nhncloud",
        "CHINJEOL_SMS_URL": f"http://127.0.0.1:{sms_port}",
        "CHINJEOL_SMS_APP_KEY": "bench",
        "CHINJEOL_SMS_SECRET_KEY": "bench",
        "CHINJEOL_SMS_SENDER": "02-120",
        "CHINJEOL_NOTIFY_EMAIL": "smtp",
        "CHINJEOL_EMAIL_HOST": "127.0.0.1",
        "CHINJEOL_EMAIL_PORT": str(mail_port),
        "CHINJEOL_EMAIL_FROM": "notice@chinjeol.local",
        "CHINJEOL_NOTIFY_LEASE_SECONDS": "3",  # a killed sender's batch is due again after 3 s, not 5 minutes
    }
    if db == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            conn.execute(f"CREATE DATABASE {PG_NAME}")
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'kill9.sqlite3'}"
    run = {"env": env, "check": True, "capture_output": True, "text": True}
    subprocess.run([PY, "-m", "chinjeol", "migrate"], **run)
    subprocess.run([PY, "-m", "chinjeol", "createadmin", "csadmin", "--password", "kill9-bench-pw"], **run)
    env["TOKEN"] = subprocess.run([PY, "-m", "chinjeol", "createtoken", "csadmin"], **run).stdout.split()[-1]
    return env


class System:
    """gunicorn and the worker, each in its own process group so SIGKILL reaches every process of it."""

    def __init__(self, env: dict, port: int):
        self.env, self.port = env, port
        self.server = self.worker = None

    def start(self) -> None:
        gunicorn = _gunicorn_cmd("127.0.0.1", self.port, 2, 4)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
        self.server = subprocess.Popen(gunicorn, env=self.env, **quiet)
        self.worker = subprocess.Popen(
            [PY, "-m", "chinjeol", "worker", "--periodic", "0"], env=self.env, **quiet
        )
        deadline = time.time() + 60
        while time.time() < deadline:  # ready when a worker answers, not when the socket listens
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                conn.request("GET", "/api/v1/openapi.json")
                if conn.getresponse().status == 200:
                    return
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
            finally:
                conn.close()
        raise SystemExit("the server did not start")

    def kill9(self) -> None:
        for proc in (self.server, self.worker):
            if proc is not None and proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def stop(self) -> None:
        for proc in (self.server, self.worker):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()


# ── the clients ─────────────────────────────────────────────────────────────────────────────────────


def request_body(client: int, n: int) -> bytes:
    by_mail = n % 2 == 0
    return json.dumps(
        {
            "channel": "epeople",
            "kind": "grievance",
            "title": f"정전 시험 민원 {client}번 창구 {n}번째",
            "body": "가로등이 꺼져 있습니다. 확인 부탁드립니다.",
            "customer": {
                "name": "김민원",
                "phone": "" if by_mail else f"010-5{client:03d}-{n % 10000:04d}",
                "email": f"c{client}n{n}@example.com" if by_mail else "",
            },
        },
        ensure_ascii=False,
    ).encode()


class Client(threading.Thread):
    def __init__(self, number: int, port: int, token: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.number, self.port, self.token, self.stop = number, port, token, stop
        self.acknowledged: dict[str, int] = {}  # key → case id from the 201
        self.retries = 0
        self.replayed = 0  # retries answered from the record: stored before, answer lost on the way
        self.pending: dict[str, bytes] = {}  # sent, no answer yet

    def send(self, key: str, body: bytes) -> int | None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(
                "POST",
                "/api/v1/cases",
                body=body,
                headers={
                    "Authorization": f"Bearer {self.token}",
                    "Content-Type": "application/json",
                    "Idempotency-Key": key,
                },
            )
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            return None
        finally:
            conn.close()
        if response.status != 201:
            return None
        self.replayed += response.getheader("Idempotent-Replayed") == "true"
        return json.loads(data)["id"]

    def settle(self, key: str) -> bool:
        case_id = self.send(key, self.pending[key])
        if case_id is None:
            return False
        self.acknowledged[key] = case_id
        del self.pending[key]
        return True

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            for key in list(self.pending):  # the unanswered ones first, with their own key and body
                self.retries += 1
                if not self.settle(key):
                    time.sleep(0.2)
                    break
            else:
                n += 1
                key = f"k9-{self.number}-{n}"
                self.pending[key] = request_body(self.number, n)
                self.settle(key)

    def finish(self, deadline: float) -> None:
        while self.pending and time.time() < deadline:
            for key in list(self.pending):
                self.retries += 1
                if not self.settle(key):
                    time.sleep(0.2)


# ── counting ────────────────────────────────────────────────────────────────────────────────────────


def query(db: str, env: dict, sql: str) -> list[tuple]:
    if db == "postgres":
        import psycopg

        with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://")) as conn:
            return conn.execute(sql).fetchall()
    import sqlite3

    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as conn:
        return conn.execute(sql).fetchall()


def wait_for_notices(db: str, env: dict, drain: float) -> int:
    deadline = time.time() + drain
    while time.time() < deadline:
        waiting = query(db, env, "SELECT count(*) FROM notify_message WHERE status = 'queued'")[0][0]
        if not waiting:
            return 0
        time.sleep(0.5)
    return waiting


def run(args, db: str, sms_port: int, mail_port: int) -> dict:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="chinjeol-kill9-") as tmp:
        env = prepare(db, Path(tmp), sms_port, mail_port)
        port = free_port()
        system = System(env, port)
        system.start()
        stop = threading.Event()
        clients = [Client(c, port, env["TOKEN"], stop) for c in range(1, args.clients + 1)]
        for c in clients:
            c.start()
        started = time.time()
        kills = 0
        phase = args.seconds / (args.kills + 1)
        for _ in range(args.kills):  # load for a while after each start, then SIGKILL at a random moment
            time.sleep(rng.uniform(0.5, 1.5) * phase)
            system.kill9()
            kills += 1
            time.sleep(0.3)
            system.start()
        time.sleep(phase)
        stop.set()
        for c in clients:
            c.join()
        for c in clients:
            c.finish(time.time() + 30)
        undelivered = wait_for_notices(db, env, args.drain)
        system.stop()

        acknowledged = {k: v for c in clients for k, v in c.acknowledged.items()}
        unsettled = sum(len(c.pending) for c in clients)
        cases = query(db, env, "SELECT id, title FROM cases_case")
        by_id = {pk for pk, _ in cases}
        per_title = collections.Counter(title for _, title in cases)
        lost = sum(1 for pk in acknowledged.values() if pk not in by_id)
        duplicates = sum(n - 1 for n in per_title.values() if n > 1)
        records = query(db, env, "SELECT count(*) FROM core_idempotencyrecord")[0][0]
        sent = query(
            db, env, "SELECT channel, count(*) FROM notify_message WHERE status = 'sent' GROUP BY channel"
        )
        with SINK.lock:
            sms, mail = dict(SINK.sms), dict(SINK.mail)
            lookups = SINK.sms_lookups
            two_notices = sum(1 for keys in SINK.keys_of.values() if len(keys) > 1)
            SINK.sms.clear()
            SINK.mail.clear()
            SINK.keys_of.clear()
            SINK.sms_lookups = 0
        return {
            "db": db,
            "seconds": round(time.time() - started, 1),
            "downtime_starts": kills,
            "kills": kills,
            "requests": sum(len(c.acknowledged) for c in clients),
            "retries": sum(c.retries for c in clients),
            "replayed": sum(c.replayed for c in clients),
            "unsettled": unsettled,
            "cases": len(cases),
            "records": records,
            "lost": lost,
            "duplicates": duplicates,
            "sms_keys": len(sms),
            "mail_keys": len(mail),
            # a text message arriving twice is read twice: counted as sent, by grouping key
            "sms_twice": sum(1 for n in sms.values() if n > 1),
            # a mail arriving twice with one Message-ID is one mail in the mailbox; the repeats are counted too
            "mail_repeated_same_id": sum(1 for n in mail.values() if n > 1),
            "recipients_with_two_notices": two_notices,
            "lookups": lookups,
            "sent": dict(sent),
            "undelivered": undelivered,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--drain", type=float, default=60, help="longest wait for the last notices")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    sms_port, mail_port = start_sinks()
    failed = False
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        result = run(args, db, sms_port, mail_port)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        twice = result["sms_twice"] + result["recipients_with_two_notices"]
        failed |= bool(result["lost"] or result["duplicates"] or twice or result["unsettled"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
