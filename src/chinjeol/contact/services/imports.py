"""Importing CDR files and queue_log: streaming, in batches, idempotent, bad rows reported by line.

Rows are written with one multi-row `INSERT … ON CONFLICT DO NOTHING` per batch through the database
cursor (measured: the ORM's bulk_create spent more time building objects than the database spent
storing them; see bench/RESULTS.md). The values are the model's own columns, converted the way Django
converts them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from ..cdr import RowError, read_rows
from ..models import CallbackObligation, CallRecord, QueueEvent
from ..queuelog import QueueLine, read_lines
from .context import ImportContext

BATCH = 2000
MAX_ERRORS_KEPT = 1000

CALL_COLUMNS = (
    "key",
    "linkedid",
    "source",
    "direction",
    "number_hash",
    "number_masked",
    "extension",
    "answered_extension",
    "staff_id",
    "intended_staff_id",
    "department_id",
    "queue_id",
    "started_at",
    "answered_at",
    "ended_at",
    "local_date",
    "local_hour",
    "in_hours",
    "duration",
    "billsec",
    "disposition",
    "ring_s",
    "judged",
    "within_standard",
    "phone_version_id",
    "over_3_min",
    "missed",
    "abandoned",
    "repeat_7d",
)
TIME_COLUMNS = frozenset({"started_at", "answered_at", "ended_at"})
CALLBACK_COLUMNS = (
    "call_key",
    "number_hash",
    "number_masked",
    "staff_id",
    "department_id",
    "missed_at",
    "due_at",
    "version_id",
    "reason",
    "status",
    "by_hand",
    "outcome",
    "created_at",
    "updated_at",
)


@dataclass
class ImportResult:
    read: int = 0
    inserted: int = 0
    callbacks: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    dry_run: bool = False
    first: datetime | None = None
    last: datetime | None = None

    @property
    def existing(self) -> int:
        return self.read - self.error_count - self.inserted

    def error(self, e: RowError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(e)

    def span(self, start: datetime, end: datetime) -> None:
        if self.first is None or start < self.first:
            self.first = start
        if self.last is None or end > self.last:
            self.last = end


def _insert_sql(table: str, columns: tuple[str, ...], rows: int, conflict: str) -> str:
    qn = connection.ops.quote_name
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    # Table and column names come from the model, values are parameters.
    names = ", ".join(qn(c) for c in columns)
    values = ", ".join([one] * rows)
    return f"INSERT INTO {qn(table)} ({names}) VALUES {values} ON CONFLICT ({qn(conflict)}) DO NOTHING"  # noqa: S608


def _write(cursor, table: str, columns, conflict: str, rows: list[tuple], cache: dict) -> int:
    """Insert `rows` with multi-row statements of at most 200 rows (SQLite's parameter limit)."""
    per = max(1, min(200, 30000 // len(columns)))
    done = 0
    for i in range(0, len(rows), per):
        chunk = rows[i : i + per]
        sql = cache.get(len(chunk))
        if sql is None:
            sql = cache[len(chunk)] = _insert_sql(table, columns, len(chunk), conflict)
        cursor.execute(sql, [v for row in chunk for v in row])
        done += max(cursor.rowcount, 0)
    return done


def _call_values(m, ctx: ImportContext, source: str, sqlite: bool) -> tuple:
    t = ctx.db_time
    return (
        m[0],
        m[1],
        source,
        *m[2:11],
        t(m[11]),
        t(m[12]),
        t(m[13]),
        m[14].isoformat() if sqlite else m[14],
        *m[15:],
        False,
    )


def _callback_values(cb: dict, ctx: ImportContext, now: datetime) -> tuple:
    stamp = ctx.db_time(now)
    return (
        cb["call_key"],
        cb["number_hash"],
        cb["number_masked"],
        cb["staff_id"],
        cb["department_id"],
        ctx.db_time(cb["missed_at"]),
        ctx.db_time(cb["due_at"]),
        cb["version_id"],
        CallbackObligation.Reason.MISSED_CALL,
        CallbackObligation.Status.OPEN,
        False,
        "",
        stamp,
        stamp,
    )


def store_records(
    records: Iterable, *, ctx: ImportContext, source: str, result: ImportResult, now: datetime
) -> None:
    """Write measured records (and the call-backs missed calls create) in batches."""
    calls_table = CallRecord._meta.db_table
    callbacks_table = CallbackObligation._meta.db_table
    call_sql: dict = {}
    callback_sql: dict = {}
    batch: list[tuple] = []
    callbacks: list[tuple] = []
    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cursor:

        def flush():
            result.inserted += _write(cursor, calls_table, CALL_COLUMNS, "key", batch, call_sql)
            if callbacks:
                result.callbacks += _write(
                    cursor, callbacks_table, CALLBACK_COLUMNS, "call_key", callbacks, callback_sql
                )
            batch.clear()
            callbacks.clear()

        for record in records:
            batch.append(_call_values(record, ctx, source, sqlite))
            obligation = ctx.callback_for(record)
            if obligation is not None:
                callbacks.append(_callback_values(obligation, ctx, now))
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()


def cdr_import(
    lines: Iterable[str],
    *,
    fmt: str = "asterisk",
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    now: datetime | None = None,
    source: str = CallRecord.Source.CDR,
) -> ImportResult:
    """Import a CDR file. Importing the same file twice changes nothing; bad rows are reported by line
    and skipped, the good ones kept. Nothing is written on a dry run."""
    now = now or timezone.now()
    ctx = ImportContext()
    result = ImportResult(dry_run=dry_run)

    def measured():
        for number, item in read_rows(lines, fmt=fmt, tz=ctx.conf.tz):
            result.read += 1
            if progress is not None and result.read % 10000 == 0:
                progress(result.read)
            if isinstance(item, RowError):
                result.error(item)
                continue
            try:
                record = ctx.measure(item)
            except ValueError as exc:
                result.error(RowError(number, str(exc)))
                continue
            result.span(item.start, item.end)
            yield record

    if dry_run:
        for _record in measured():
            pass
        return result
    with transaction.atomic(), _large_cache():
        store_records(measured(), ctx=ctx, source=source, result=result, now=now)
        if result.inserted:
            after_import(result.first, result.last, now=now)
    return result


IMPORT_CACHE_KIB = 131072


@contextmanager
def _large_cache():
    """On SQLite, a 128 MB page cache while importing: the index on number hash + time is written in
    random order, and with the default 2 MB cache a large import spends its time re-reading index pages."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def after_import(first: datetime | None, last: datetime | None, *, now: datetime) -> None:
    """Joins and flags that need other rows: queue events, repeat calls, call-backs met."""
    from .callbacks import callbacks_match

    if first is None or last is None:
        return
    if QueueEvent.objects.exists():
        queue_apply(first - timedelta(hours=1), last + timedelta(hours=1))
    repeat_flags(first, last)
    callbacks_match(first - timedelta(days=7), now=now)
    from ..cti import apply_hangups

    apply_hangups(first - timedelta(hours=1))


def repeat_flags(first: datetime, last: datetime, days: int = 7) -> int:
    """Flag answered inbound calls followed by another inbound call from the same number within `days`
    (first-contact resolution); calls up to `days` before the import are looked at again."""
    from django.db.models import Exists, OuterRef

    later = CallRecord.objects.filter(
        number_hash=OuterRef("number_hash"),
        direction=CallRecord.Direction.INBOUND,
        started_at__gt=OuterRef("started_at"),
        started_at__lte=OuterRef("started_at") + timedelta(days=days),
    )
    scope = CallRecord.objects.filter(
        direction=CallRecord.Direction.INBOUND,
        answered_at__isnull=False,
        started_at__gte=first - timedelta(days=days),
        started_at__lte=last,
    ).exclude(number_hash="")
    flagged = scope.filter(Exists(later)).exclude(repeat_7d=True).update(repeat_7d=True)
    scope.filter(repeat_7d=True).exclude(Exists(later)).update(repeat_7d=False)
    return flagged


# --- queue_log ---------------------------------------------------------------------------------------
def _line_hash(line: QueueLine) -> str:
    raw = "|".join(
        (str(int(line.at.timestamp())), line.callid, line.queue, line.agent, line.event, *line.data)
    )
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def queue_log_import(
    lines: Iterable[str], *, dry_run: bool = False, now: datetime | None = None
) -> ImportResult:
    """Import a queue_log file and join its events to the call records by call id."""
    now = now or timezone.now()
    result = ImportResult(dry_run=dry_run)
    events: list[QueueEvent] = []
    for _number, item in read_lines(lines):
        result.read += 1
        if isinstance(item, RowError):
            result.error(item)
            continue
        result.span(item.at, item.at)
        events.append(
            QueueEvent(
                line_hash=_line_hash(item),
                at=item.at,
                callid=item.callid,
                queue=item.queue[:64],
                agent=item.agent[:100],
                event=item.event[:30],
                data="|".join(item.data)[:500],
            )
        )
    if dry_run:
        return result
    with transaction.atomic():
        before = QueueEvent.objects.count()
        for i in range(0, len(events), BATCH):
            QueueEvent.objects.bulk_create(events[i : i + BATCH], ignore_conflicts=True)
        result.inserted = QueueEvent.objects.count() - before
        if result.first is not None and result.last is not None:
            queue_apply(result.first - timedelta(hours=1), result.last + timedelta(hours=1))
            repeat_flags(result.first - timedelta(hours=1), result.last + timedelta(hours=1))
    return result


def queue_apply(first: datetime, last: datetime) -> int:
    """Join queue events to call records (call id = the CDR's uniqueid): queue, wait, the agent's own
    ring time, who hung up first, abandons."""
    from .queue_join import apply_events

    return apply_events(first, last)
