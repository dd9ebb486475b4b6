"""The processes behind the commands: Django set-up, gunicorn, the worker and its periodic jobs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from .help import serve_address


def _django(env: str | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
    if env:
        os.environ.setdefault("CHINJEOL_ENV", env)
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:  # a missing or weak SECRET_KEY, a wrong mode: one line, no traceback
        print(f"시작할 수 없습니다: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def _manage(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def _prepare_static() -> None:
    from django.conf import settings
    from django.core.management import call_command

    if settings.PRODUCTION:
        call_command("collectstatic", "--noinput", verbosity=0)


# Web server processes × threads: on a small machine one process per core, a few threads each so that a
# request waiting on the database (a commit) leaves the core to another.
DEMO_WORKERS, DEMO_THREADS = 2, 4


def _forwarded_allow_ips(proxy_hops: int) -> str:
    """gunicorn believes X-Forwarded-* headers only when we have proxies in front (CHINJEOL_PROXY_HOPS), the
    same setting that decides how far X-Forwarded-For is read (chinjeol.core.rules.client_ip)."""
    return "*" if proxy_hops > 0 else ""


def _gunicorn_cmd(host: str, port: int, workers: int, threads: int) -> list[str]:
    from django.conf import settings

    return [
        sys.executable,
        "-m",
        "gunicorn",
        "chinjeol.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--timeout",
        "60",
        "--access-logfile",
        "-",
        "--log-level",
        "warning",
        f"--forwarded-allow-ips={_forwarded_allow_ips(settings.PROXY_HOPS)}",
    ]


def _worker_cmd() -> list[str]:
    return [sys.executable, "-m", "chinjeol", "worker"]


def _run_together(commands: list[list[str]]) -> int:
    """Start the processes, forward Ctrl-C/TERM to them, stop all when one ends."""
    processes = [subprocess.Popen(c) for c in commands]  # noqa: S603

    def stop(*_):
        for p in processes:
            if p.poll() is None:
                p.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
    finally:
        stop()
        for p in processes:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    return max((p.returncode or 0) for p in processes)


def _schedule_periodic(every_seconds: float) -> None:
    """Every `every_seconds`, enqueue the periodic jobs the apps declared (`core.periodic`) whose round is due.
    Each round is taken by one worker only (a lease row in the database), however many workers run."""
    import threading

    def loop():
        from django.db import close_old_connections
        from django.utils import timezone

        from chinjeol.core.periodic import periodic_enqueue_due

        def report(task, exc):
            print(f"주기 작업을 예약하지 못했습니다 ({task}): {exc}", file=sys.stderr)

        while True:
            close_old_connections()
            try:
                periodic_enqueue_due(timezone.now(), on_error=report)
            except (
                Exception
            ) as exc:  # keep the scheduler alive (a database restart); the next round tries again
                print(f"주기 작업을 확인하지 못했습니다: {exc}", file=sys.stderr)
            time.sleep(every_seconds)

    threading.Thread(target=loop, name="chinjeol-periodic", daemon=True).start()


def _start_sender(idle_seconds: float = 0.5) -> None:
    """Send the due notices (receipt, interim, result …) as they are written: claim and send in batches, and
    look again after `idle_seconds` when none is due. Several workers may run it at once."""
    import threading

    def loop():
        from django.db import close_old_connections
        from django.utils import timezone

        from chinjeol.notify.services import messages_send_due

        while True:
            close_old_connections()
            try:
                sent = messages_send_due(now=timezone.now())
            except Exception as exc:  # keep sending; the next round tries again
                print(f"통지를 보내지 못했습니다: {exc}", file=sys.stderr)
                sent = 0
            if not sent:
                time.sleep(idle_seconds)

    threading.Thread(target=loop, name="chinjeol-sender", daemon=True).start()


def _print_address(host: str, port: int) -> None:
    """The address that works for the settings in force, and why another would not."""
    from django.conf import settings

    address, hints = serve_address(
        host, port, allowed_hosts=settings.ALLOWED_HOSTS, ssl_redirect=settings.SECURE_SSL_REDIRECT
    )
    print(f"친절 서버: {address}")
    for hint in hints:
        print(f"  참고: {hint}")
