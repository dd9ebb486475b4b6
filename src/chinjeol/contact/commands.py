"""The `chinjeol import-cdr`, `import-queue-log` and `call-tallies` commands (wired in chinjeol/cli.py)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

MAX_ERRORS_SHOWN = 50


class Progress:
    """A one-line progress bar on stderr, shown only on a terminal."""

    def __init__(self, total_bytes: int, stream=None):
        self.total = max(total_bytes, 1)
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.done = 0
        self.started = time.monotonic()
        self._last = 0.0

    def lines(self, path: Path) -> Iterator[str]:
        with path.open("rb") as f:
            for raw in f:
                self.done += len(raw)
                yield raw.decode("utf-8", errors="replace")

    def show(self, rows: int, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self._last < 0.2:
            return
        self._last = now
        share = min(self.done / self.total, 1.0)
        bar = "#" * int(share * 30)
        rate = rows / max(now - self.started, 1e-6)
        self.stream.write(f"\r[{bar:<30}] {share:6.1%} {rows:,}행 ({rate:,.0f}행/초)")
        if final:
            self.stream.write("\n")
        self.stream.flush()


def _report(result, verb: str, what: str) -> None:
    print(
        f"{verb}: 읽은 행 {result.read:,}, 새로 넣은 {what} {result.inserted:,}, 이미 있던 것 {result.existing:,}"
    )
    if getattr(result, "callbacks", 0):
        print(f"부재 중 전화로 생긴 콜백 {result.callbacks:,}건")
    if result.error_count:
        print(f"건너뛴 행 {result.error_count:,}개 (나머지는 반영했습니다):", file=sys.stderr)
        for e in result.errors[:MAX_ERRORS_SHOWN]:
            print(f"  {e.line}행: {e.message}", file=sys.stderr)
        if result.error_count > MAX_ERRORS_SHOWN:
            print(f"  … 외 {result.error_count - MAX_ERRORS_SHOWN:,}개", file=sys.stderr)


def import_cdr(args) -> int:
    from .services import cdr_import

    path = Path(args.file)
    if not path.is_file():
        print(f"파일이 없습니다: {path}", file=sys.stderr)
        return 2
    progress = Progress(path.stat().st_size)
    result = cdr_import(
        progress.lines(path), fmt=args.format, dry_run=args.dry_run, progress=lambda n: progress.show(n)
    )
    progress.show(result.read, final=True)
    _report(result, "검사 결과(반영하지 않음)" if args.dry_run else "가져왔습니다", "통화")
    return 1 if result.error_count and not result.inserted and not result.existing else 0


def import_queue_log(args) -> int:
    from .services import queue_log_import

    path = Path(args.file)
    if not path.is_file():
        print(f"파일이 없습니다: {path}", file=sys.stderr)
        return 2
    progress = Progress(path.stat().st_size)
    result = queue_log_import(progress.lines(path), dry_run=args.dry_run)
    progress.show(result.read, final=True)
    _report(result, "검사 결과(반영하지 않음)" if args.dry_run else "가져왔습니다", "이벤트")
    return 0


def call_tallies(args) -> int:
    from datetime import date

    from .models import CallRecord
    from .tallies import tallies_recount

    try:
        first = date.fromisoformat(args.date_from) if args.date_from else None
        last = date.fromisoformat(args.date_to) if args.date_to else None
    except ValueError:
        print("날짜는 2026-01-31처럼 적어 주세요.", file=sys.stderr)
        return 2
    days = CallRecord.objects.order_by("local_date").values_list("local_date", flat=True)
    first = first or days.first()
    last = last or days.reverse().first()
    if first is None or last is None:
        print("통화 기록이 없습니다.")
        return 0
    if last < first:
        print("끝 날짜가 시작 날짜보다 이릅니다.", file=sys.stderr)
        return 2
    started = time.monotonic()
    rows = tallies_recount(first, last)
    span = f"{first.year}. {first.month}. {first.day}.부터 {last.year}. {last.month}. {last.day}.까지"
    print(
        f"{span} {(last - first).days + 1:,}일의 통화를 다시 집계했습니다: "
        f"집계 행 {rows:,}개 ({time.monotonic() - started:.1f}초)"
    )
    return 0


def add_parsers(sub, *, setup) -> None:
    """The call-centre import commands; `setup` prepares Django (the command line's own)."""
    p = sub.add_parser("import-cdr", help="PBX 통화기록(Asterisk Master.csv 등)을 가져옵니다")
    p.add_argument(
        "file", metavar="파일", help="통화기록 CSV 파일 (Asterisk cdr_csv의 Master.csv, FreeSWITCH CSV)"
    )
    p.add_argument("--dry-run", action="store_true", help="검사만 하고 반영하지 않습니다")
    p.add_argument(
        "--format",
        choices=("asterisk", "freeswitch"),
        default="asterisk",
        metavar="형식",
        help="파일 형식: asterisk(기본) 또는 freeswitch (mod_cdr_csv 기본 양식)",
    )
    p.set_defaults(func=_with_django(import_cdr, setup))
    p = sub.add_parser("import-queue-log", help="Asterisk queue_log를 가져와 통화기록과 잇습니다")
    p.add_argument(
        "file", metavar="파일", help="Asterisk queue_log 파일 (epoch|callid|queue|agent|event|data…)"
    )
    p.add_argument("--dry-run", action="store_true", help="검사만 하고 반영하지 않습니다")
    p.set_defaults(func=_with_django(import_queue_log, setup))
    p = sub.add_parser("call-tallies", help="통화 일별 집계를 통화 기록에서 다시 셉니다")
    p.add_argument("--from", dest="date_from", metavar="날짜", help="시작 날짜 (기본: 첫 통화 날짜)")
    p.add_argument("--to", dest="date_to", metavar="날짜", help="끝 날짜 (기본: 마지막 통화 날짜)")
    p.set_defaults(func=_with_django(call_tallies, setup))


def _with_django(command, setup):
    def run(args) -> int:
        setup()
        return command(args)

    return run
