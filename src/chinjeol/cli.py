"""The `chinjeol` command: demo, serve, worker, migrate, createadmin, createtoken, import-org."""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def _django(env: str | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
    if env:
        os.environ.setdefault("CHINJEOL_ENV", env)
    import django

    django.setup()


def _manage(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def cmd_migrate(args) -> int:
    _django()
    _manage("migrate", "--noinput", *(["-v", "0"] if args.quiet else []))
    return 0


def _prepare_static() -> None:
    from django.conf import settings
    from django.core.management import call_command

    if settings.PRODUCTION:
        call_command("collectstatic", "--noinput", verbosity=0)


# Web server processes × threads: on a small machine one process per core, a few threads each so that a
# request waiting on the database (a commit) leaves the core to another.
DEMO_WORKERS, DEMO_THREADS = 2, 4


def _gunicorn_cmd(host: str, port: int, workers: int, threads: int) -> list[str]:
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


def cmd_serve(args) -> int:
    os.environ.setdefault("CHINJEOL_ENV", "production")
    try:
        _django()
    except Exception as exc:  # ImproperlyConfigured and friends: say it in one line
        print(f"시작할 수 없습니다: {exc}", file=sys.stderr)
        return 2
    _manage("migrate", "--noinput", "-v", "0")
    _prepare_static()
    commands = [_gunicorn_cmd(args.host, args.port, args.workers, args.threads)]
    if args.with_worker:
        commands.append(_worker_cmd())
    print(f"친절 서버: http://{args.host}:{args.port}/")
    return _run_together(commands)


PERIODIC_TASKS = (
    "chinjeol.cases.tasks.check_compensation",
    "chinjeol.cases.tasks.check_reminders",
    "chinjeol.reports.tasks.refresh_compliance_tallies",
    "chinjeol.knowledge.tasks.check_reviews",
)


def _schedule_periodic(every_seconds: float) -> None:
    """Enqueue the periodic checks (compensation, deadline reminders, stored compliance figures) every few
    minutes; the checks are idempotent, so several workers doing this at once is harmless."""
    import threading
    from importlib import import_module

    def loop():
        while True:
            for dotted in PERIODIC_TASKS:
                module, name = dotted.rsplit(".", 1)
                try:
                    getattr(import_module(module), name).enqueue()
                except Exception as exc:  # keep the scheduler alive; the worker logs task failures
                    print(f"주기 작업을 예약하지 못했습니다 ({dotted}): {exc}", file=sys.stderr)
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


def cmd_worker(args) -> int:
    _django()
    from django.core.management import call_command

    _start_sender()
    if args.periodic > 0:
        _schedule_periodic(args.periodic * 60)
    call_command("db_worker", interval=args.interval)
    return 0


def cmd_demo(args) -> int:
    os.environ.setdefault("CHINJEOL_ENV", "demo")
    _django()
    from django.conf import settings

    print("데이터베이스를 준비합니다…", flush=True)
    _manage("migrate", "--noinput", "-v", "0")
    from chinjeol.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_load

    scale = float(os.environ.get("CHINJEOL_DEMO_SCALE", "1"))
    loaded = demo_load(progress=lambda msg: print(f"  {msg}", flush=True), scale=scale)
    if not loaded:
        print("시연 기관 자료가 이미 있습니다 (다시 만들려면 데이터베이스 파일을 지우세요).")
    db = settings.DATABASES["default"]["NAME"]
    print()
    print(f"친절 시연 서버: http://{args.host}:{args.port}/   (데이터베이스: {db})")
    print(f"시연 계정 (비밀번호 모두 {DEMO_PASSWORD}):")
    for username, label in DEMO_ACCOUNTS:
        print(f"  {username:<12} {label}")
    print("멈추려면 Ctrl-C를 누르세요.", flush=True)
    if args.no_serve:
        return 0
    return _run_together([_gunicorn_cmd(args.host, args.port, DEMO_WORKERS, DEMO_THREADS), _worker_cmd()])


def cmd_createadmin(args) -> int:
    _django()
    from django.db import transaction

    from chinjeol.core.models import RoleAssignment, User
    from chinjeol.core.roles import Role

    password = args.password or os.environ.get("CHINJEOL_ADMIN_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            print("비밀번호를 --password 또는 CHINJEOL_ADMIN_PASSWORD로 주세요.", file=sys.stderr)
            return 2
        password = getpass.getpass("비밀번호: ")
        if password != getpass.getpass("비밀번호 확인: "):
            print("비밀번호가 서로 다릅니다.", file=sys.stderr)
            return 2
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    try:
        validate_password(password)
    except ValidationError as exc:
        print("비밀번호를 쓸 수 없습니다: " + " ".join(exc.messages), file=sys.stderr)
        return 2
    with transaction.atomic():
        user, created = User.objects.get_or_create(username=args.username)
        user.set_password(password)
        user.is_active = True
        user.save()
        RoleAssignment.objects.get_or_create(user=user, role=Role.CS_OFFICER, department=None)
    print(f"고객만족 담당관 계정 '{args.username}'을(를) {'만들었습니다' if created else '갱신했습니다'}.")
    return 0


def cmd_createtoken(args) -> int:
    _django()
    from chinjeol.core.models import ApiToken, User

    try:
        user = User.objects.get(username=args.username, is_active=True)
    except User.DoesNotExist:
        print(f"사용 중인 계정 '{args.username}'이(가) 없습니다.", file=sys.stderr)
        return 2
    _token, raw = ApiToken.issue(user, name=args.name)
    print(f"'{args.username}'의 API 토큰을 발급했습니다. 이 값은 다시 볼 수 없으니 안전하게 보관하세요:")
    print(raw)
    return 0


def cmd_import_org(args) -> int:
    _django()
    from chinjeol.core.errors import DomainError
    from chinjeol.organization.services import org_import_file

    path = Path(args.file)
    if not path.is_file():
        print(f"파일이 없습니다: {path}", file=sys.stderr)
        return 2
    try:
        result = org_import_file(filename=path.name, data=path.read_bytes(), dry_run=args.dry_run)
    except DomainError as error:
        print(f"가져올 수 없습니다: {error.message}", file=sys.stderr)
        return 1
    plan = result.plan
    if not plan.ok:
        print("오류가 있어 아무것도 반영하지 않았습니다.", file=sys.stderr)
        for message in plan.header_errors:
            print(f"  열 제목: {message}", file=sys.stderr)
        for e in plan.errors:
            print(f"  {e.row}행 [{e.column}] {e.message}", file=sys.stderr)
        return 1
    verb = "검사 결과(반영하지 않음)" if args.dry_run else "반영했습니다"
    print(
        f"{verb}: 새 직원 {len(result.created)}명, 변경 {len(result.updated)}명, 그대로 {result.unchanged}명, "
        f"새 부서 {len(result.departments_created)}개"
    )
    if result.absent:
        print(f"파일에 없는 재직자 {len(result.absent)}명 (삭제하지 않았습니다):")
        for staff in result.absent[:50]:
            print(f"  {staff.employee_no} {staff.name} ({staff.department.name})")
    return 0


def cmd_import_kb(args) -> int:
    _django()
    from chinjeol.knowledge.cli import import_kb

    return import_kb(Path(args.file), category=args.category, dry_run=args.dry_run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chinjeol", description="친절 — 공공기관 고객서비스 품질 관리 시스템"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="시연 기관을 만들고 서버와 작업자를 시작합니다 (SQLite)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-serve", action="store_true", help="자료만 준비하고 서버는 시작하지 않습니다")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="운영 서버(gunicorn)를 시작합니다")
    p.add_argument("--host", default=os.environ.get("CHINJEOL_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("CHINJEOL_PORT", "8000")))
    p.add_argument("--workers", type=int, default=int(os.environ.get("CHINJEOL_WORKERS", DEMO_WORKERS)))
    p.add_argument("--threads", type=int, default=int(os.environ.get("CHINJEOL_THREADS", DEMO_THREADS)))
    p.add_argument("--with-worker", action="store_true", help="백그라운드 작업자도 함께 시작합니다")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("worker", help="백그라운드 작업자를 시작합니다")
    p.add_argument("--interval", type=float, default=1.0)
    p.add_argument(
        "--periodic", type=float, default=10.0, help="주기 점검(보상·기한 알림) 간격(분), 0이면 끔"
    )
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("migrate", help="데이터베이스를 최신 구조로 맞춥니다")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("createadmin", help="고객만족 담당관 계정을 만듭니다")
    p.add_argument("username", nargs="?", default="csadmin")
    p.add_argument("--password")
    p.set_defaults(func=cmd_createadmin)

    p = sub.add_parser("createtoken", help="API 토큰을 발급합니다 (마지막 줄에 출력)")
    p.add_argument("username")
    p.add_argument("--name", default="")
    p.set_defaults(func=cmd_createtoken)

    p = sub.add_parser("import-org", help="조직도 파일(CSV·XLSX)을 가져옵니다")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="검사만 하고 반영하지 않습니다")
    p.set_defaults(func=cmd_import_org)

    p = sub.add_parser("import-kb", help="상담 지식 문서 파일(CSV·TSV·XLSX)을 가져옵니다")
    p.add_argument("file")
    p.add_argument("--category", default="", help="분류 열이 없거나 빈 행의 분류")
    p.add_argument("--dry-run", action="store_true", help="검사만 하고 반영하지 않습니다")
    p.set_defaults(func=cmd_import_kb)

    p = sub.add_parser("manage", help="Django 관리 명령을 실행합니다")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)
    return parser


def cmd_manage(args) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chinjeol", *args.args])
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    raise SystemExit(main())
