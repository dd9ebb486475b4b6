"""What each `chinjeol` subcommand does."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from .processes import (
    DEMO_THREADS,
    DEMO_WORKERS,
    _django,
    _gunicorn_cmd,
    _manage,
    _prepare_static,
    _print_address,
    _run_together,
    _schedule_periodic,
    _start_sender,
    _worker_cmd,
)


def cmd_migrate(args) -> int:
    _django()
    _manage("migrate", "--noinput", *(["-v", "0"] if args.quiet else []))
    return 0


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
    _print_address(args.host, args.port)
    return _run_together(commands)


def cmd_worker(args) -> int:
    _django()
    from django.conf import settings
    from django.core.management import call_command

    _start_sender()
    if args.periodic > 0:
        _schedule_periodic(args.periodic * 60)
    if settings.TASKS_KIND == "rq":
        # One process per worker, jobs run in it (no fork per job, so the sender and the periodic threads keep
        # their own database connections); RQ's scheduler runs the jobs enqueued for later.
        call_command(
            "rqworker",
            "default",
            worker_class="rq.worker.SimpleWorker",
            job_class="django_tasks_rq.backend.Job",
            with_scheduler=True,
        )
    else:
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


def cmd_manage(args) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chinjeol", *args.args])
    return 0


def cmd_import_kb(args) -> int:
    _django()
    from chinjeol.knowledge.cli import import_kb

    return import_kb(Path(args.file), category=args.category, dry_run=args.dry_run)
