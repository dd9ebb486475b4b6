"""The `chinjeol` command: demo, serve, worker, migrate, createadmin, createtoken, import-org, imports and manage."""

from __future__ import annotations

import argparse
import os

from .commands import (
    cmd_createadmin,
    cmd_createtoken,
    cmd_demo,
    cmd_import_kb,
    cmd_import_org,
    cmd_manage,
    cmd_migrate,
    cmd_serve,
    cmd_worker,
)
from .help import KoreanArgumentParser
from .processes import DEMO_THREADS, DEMO_WORKERS, _django, _gunicorn_cmd

__all__ = [
    "DEMO_THREADS",
    "DEMO_WORKERS",
    "_django",
    "_gunicorn_cmd",
    "build_parser",
    "main",
]


def build_parser() -> argparse.ArgumentParser:
    parser = KoreanArgumentParser(
        prog="chinjeol",
        description="친절 — 공공기관 고객서비스 품질 관리 시스템",
        epilog="명령마다 도움말: chinjeol 명령 -h (예: chinjeol serve -h)",
    )
    sub = parser.add_subparsers(dest="command", required=True, title="명령", metavar="명령")

    p = sub.add_parser(
        "demo",
        help="시연 기관을 만들고 서버와 작업자를 시작합니다 (SQLite)",
        description="데이터베이스를 준비하고 시연 기관 한빛구청을 한 번만 만든 뒤 서버와 백그라운드 작업자를 띄웁니다.",
    )
    p.add_argument(
        "--host", metavar="주소", default="127.0.0.1", help="서버가 기다릴 주소 (기본값: %(default)s)"
    )
    p.add_argument(
        "--port", metavar="포트", type=int, default=8000, help="서버가 기다릴 포트 (기본값: %(default)s)"
    )
    p.add_argument("--no-serve", action="store_true", help="자료만 준비하고 서버는 시작하지 않습니다")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "serve",
        help="운영 서버(gunicorn)를 시작합니다",
        description=(
            "마이그레이션과 정적 파일을 준비하고 운영 서버(gunicorn)를 시작합니다. 운영 모드에서는 SECRET_KEY와 "
            "ALLOWED_HOSTS가 필요하고 http:// 요청을 https://로 넘깁니다(CHINJEOL_SSL=0이면 끔)."
        ),
    )
    p.add_argument(
        "--host",
        metavar="주소",
        default=os.environ.get("CHINJEOL_HOST", "127.0.0.1"),
        help="기다릴 주소. 모든 주소는 0.0.0.0 (기본값: CHINJEOL_HOST 또는 %(default)s)",
    )
    p.add_argument(
        "--port",
        metavar="포트",
        type=int,
        default=int(os.environ.get("CHINJEOL_PORT", "8000")),
        help="기다릴 포트 (기본값: CHINJEOL_PORT 또는 %(default)s)",
    )
    p.add_argument(
        "--workers",
        metavar="개수",
        type=int,
        default=int(os.environ.get("CHINJEOL_WORKERS", DEMO_WORKERS)),
        help="gunicorn 웹 프로세스 수 (기본값: CHINJEOL_WORKERS 또는 %(default)s)",
    )
    p.add_argument(
        "--threads",
        metavar="개수",
        type=int,
        default=int(os.environ.get("CHINJEOL_THREADS", DEMO_THREADS)),
        help="웹 프로세스 하나의 스레드 수 (기본값: CHINJEOL_THREADS 또는 %(default)s)",
    )
    p.add_argument("--with-worker", action="store_true", help="백그라운드 작업자도 함께 시작합니다")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "worker",
        help="백그라운드 작업자를 시작합니다",
        description="통지를 보내고(실패하면 1분·10분 뒤 다시), 주기 점검(보상·기한 임박·이행 집계)을 예약해 실행합니다.",
    )
    p.add_argument(
        "--interval",
        metavar="초",
        type=float,
        default=1.0,
        help="작업 대기열을 다시 살펴볼 간격(초) (기본값: %(default)s)",
    )
    p.add_argument(
        "--periodic",
        metavar="분",
        type=float,
        default=1.0,
        help="주기 작업(보상 점검·기한 알림·이행 집계 등)이 돌 때가 되었는지 살펴볼 간격(분), 0이면 끔. 작업마다 "
        "도는 간격은 작업을 가진 기능이 정하고, 작업자가 여럿이어도 한 번만 돕니다 (기본값: %(default)s)",
    )
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser(
        "migrate", help="데이터베이스를 최신 구조로 맞춥니다", description="데이터베이스 구조를 갱신합니다."
    )
    p.add_argument("--quiet", action="store_true", help="진행 상황을 출력하지 않습니다")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser(
        "createadmin",
        help="고객만족 담당관 계정을 만듭니다",
        description="고객만족 담당관 역할의 계정을 만듭니다. 비밀번호는 --password, CHINJEOL_ADMIN_PASSWORD 또는 입력 요청으로 받습니다.",
    )
    p.add_argument(
        "username",
        metavar="아이디",
        nargs="?",
        default="csadmin",
        help="만들 계정의 아이디 (기본값: %(default)s)",
    )
    p.add_argument(
        "--password",
        metavar="비밀번호",
        help="비밀번호 (없으면 CHINJEOL_ADMIN_PASSWORD, 그것도 없으면 입력을 요청합니다)",
    )
    p.set_defaults(func=cmd_createadmin)

    p = sub.add_parser(
        "createtoken",
        help="API 토큰을 발급합니다 (마지막 줄에 출력)",
        description="연계 시스템이 Authorization: Bearer 로 쓸 API 토큰을 발급합니다. 토큰은 마지막 줄에 한 번만 출력됩니다.",
    )
    p.add_argument("username", metavar="아이디", help="토큰을 쓸 계정의 아이디 (그 계정의 역할로 동작합니다)")
    p.add_argument("--name", metavar="이름", default="", help="토큰 이름 (예: 국민신문고 연계)")
    p.set_defaults(func=cmd_createtoken)

    p = sub.add_parser(
        "import-org",
        help="조직도 파일(CSV·XLSX)을 가져옵니다",
        description="조직도 CSV·XLSX를 행마다 검사하고, 오류가 하나라도 있으면 아무것도 반영하지 않습니다. 열은 README를 보세요.",
    )
    p.add_argument("file", metavar="파일", help="조직도 파일 경로 (.csv 또는 .xlsx)")
    p.add_argument("--dry-run", action="store_true", help="검사만 하고 반영하지 않습니다")
    p.set_defaults(func=cmd_import_org)

    from chinjeol.contact.commands import add_parsers as add_contact_parsers

    add_contact_parsers(sub, setup=_django)

    p = sub.add_parser("import-kb", help="상담 지식 문서 파일(CSV·TSV·XLSX)을 가져옵니다")
    p.add_argument(
        "file", metavar="파일", help="열 code,title,body(선택: category,tags) 또는 코드·제목·본문·분류·태그"
    )
    p.add_argument("--category", default="", metavar="분류", help="분류 열이 없거나 빈 행의 분류")
    p.add_argument("--dry-run", action="store_true", help="검사만 하고 반영하지 않습니다")
    p.set_defaults(func=cmd_import_kb)

    p = sub.add_parser(
        "manage",
        help="Django 관리 명령을 실행합니다",
        description="Django 관리 명령을 이 프로젝트의 설정으로 실행합니다 (예: chinjeol manage showmigrations).",
    )
    p.add_argument("args", nargs=argparse.REMAINDER, help="Django 관리 명령과 그 인자")
    p.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    raise SystemExit(main())
