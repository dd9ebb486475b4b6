"""Importing CDR files — the one module of the call centre that writes SQL of its own.

A CDR file is measured in the database, not row by row in Python (bench/RESULTS.md has the measurements):

1. The rows of `csv.reader` go as they are — with their start line and key (uniqueid, or the row's hash) —
   into a temporary staging table (`staging`): `executemany` on SQLite, `COPY … FROM STDIN` on PostgreSQL.
2. One SQL predicate puts aside the rows that are not plainly valid; only those go through the Python
   parser, which reports them by line with a Korean reason or writes them back in plain form.
3. Rows whose key is already stored are dropped (importing the same file twice changes nothing), and one
   `INSERT … SELECT … ON CONFLICT (key) DO NOTHING` computes every measured column (`cdr_sql`) — the
   wall-clock times turned into UTC inside the database.
4. The missed calls just inserted get their call-back obligations; the joins, flags and daily tallies that
   need other rows follow (`linking.after_import`). The tallies are written with the same kind of statement
   (`insert_select`: the ORM's GROUP BY inserted into the tally table).

A dry run checks and measures every row in Python (`ImportContext.measure`, the reference the SQL is tested
against) and writes nothing. Django's ORM has no INSERT … SELECT nor COPY. Table and column names come from
the models; the file's values are always parameters. The multi-row INSERT (`store_records`) stays for the
demo's generated calls."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from ..cdr import RowError, read_rows
from ..models import CallbackObligation, CallRecord
from .cdr_sql import LAYOUTS, raw_rows
from .columns import CALL_COLUMNS, CALLBACK_COLUMNS, _call_values, _callback_values, _fixed_offset_s
from .context import ImportContext
from .linking import after_import, queue_log_import, repeat_flags
from .results import BATCH, MAX_ERRORS_KEPT, ImportResult
from .staging import Staging

__all__ = ["ImportResult", "cdr_import", "insert_select", "queue_log_import", "repeat_flags", "store_records"]


def _run(cursor, sql: str, params=()) -> int:
    """Every statement of this module goes through here."""
    cursor.execute(sql, params)
    return max(cursor.rowcount, 0)


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


def insert_select(model, columns: tuple[str, ...], select) -> int:
    """`INSERT INTO <model's table> (columns) <the queryset's SELECT>`: rows computed by the database go
    straight into another table (the daily tallies), the SELECT built by the ORM with its parameters."""
    sql, params = select.query.sql_with_params()
    names = ", ".join(_qn(c) for c in columns)
    with connection.cursor() as cursor:
        return _run(cursor, f"INSERT INTO {_qn(model._meta.db_table)} ({names}) {sql}", params)  # noqa: S608


# --- the demo's writer: multi-row INSERT of measured (aware) records -----------------------------------
def _insert_sql(table: str, columns: tuple[str, ...], rows: int, conflict: str) -> str:
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    names = ", ".join(_qn(c) for c in columns)
    values = ", ".join([one] * rows)
    return f"INSERT INTO {_qn(table)} ({names}) VALUES {values} ON CONFLICT ({_qn(conflict)}) DO NOTHING"  # noqa: S608


def _write(cursor, table: str, columns, conflict: str, rows: list[tuple], cache: dict) -> int:
    """Insert `rows` with multi-row statements of at most 200 rows (SQLite's parameter limit)."""
    per = max(1, min(200, 30000 // len(columns)))
    done = 0
    for i in range(0, len(rows), per):
        chunk = rows[i : i + per]
        sql = cache.get(len(chunk))
        if sql is None:
            sql = cache[len(chunk)] = _insert_sql(table, columns, len(chunk), conflict)
        done += _run(cursor, sql, [v for row in chunk for v in row])
    return done


def _write_callbacks(cursor, obligations: Iterable[dict], ctx: ImportContext, now: datetime) -> int:
    rows = [_callback_values(cb, ctx, now) for cb in obligations]
    table = CallbackObligation._meta.db_table
    return _write(cursor, table, CALLBACK_COLUMNS, "call_key", rows, {}) if rows else 0


def store_records(
    records: Iterable, *, ctx: ImportContext, source: str, result: ImportResult, now: datetime
) -> None:
    """Write measured records with aware times (and the call-backs missed calls create) in batches."""
    calls_table = CallRecord._meta.db_table
    call_sql: dict = {}
    batch: list[tuple] = []
    callbacks: list[dict] = []
    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cursor:

        def flush():
            result.inserted += _write(cursor, calls_table, CALL_COLUMNS, "key", batch, call_sql)
            result.callbacks += _write_callbacks(cursor, callbacks, ctx, now)
            batch.clear()
            callbacks.clear()

        for record in records:
            batch.append(_call_values(record, ctx, source, sqlite))
            obligation = ctx.callback_for(record)
            if obligation is not None:
                callbacks.append(obligation)
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()


# --- the staged import ---------------------------------------------------------------------------------
def _run_many(cursor, sql: str, rows: list) -> None:
    cursor.executemany(sql, rows)


def _utc(column: str, tz: ZoneInfo) -> tuple[str, list]:
    """A staged wall-clock time of the PBX as the UTC time the call records store."""
    if connection.vendor != "sqlite":
        return f"(({column})::timestamp AT TIME ZONE %s)", [tz.key]
    offset = _fixed_offset_s(tz)
    if offset is None:
        return f"chinjeol_pbx_utc({column})", []
    return f"datetime({column}, %s)", [f"{-offset:+d} seconds"]


def _register_utc(tz: ZoneInfo) -> None:
    """For a PBX zone with daylight saving time: the conversion as an SQLite function."""

    def utc(text):
        if text is None:
            return None
        local = datetime.fromisoformat(text).replace(tzinfo=tz)
        return local.astimezone(UTC).replace(tzinfo=None).isoformat(" ")

    connection.ensure_connection()
    connection.connection.create_function("chinjeol_pbx_utc", 1, utc, deterministic=True)


def _dry_run(lines: Iterable[str], fmt: str, progress, result: ImportResult) -> ImportResult:
    """Check every row with the Python parser and measurements; nothing is written."""
    ctx = ImportContext()
    for number, item in read_rows(lines, fmt=fmt, tz=None):
        result.read += 1
        if progress is not None and result.read % 10000 == 0:
            progress(result.read)
        if isinstance(item, RowError):
            result.error(item)
            continue
        try:
            ctx.measure(item)
        except ValueError as exc:
            result.error(RowError(number, str(exc)))
    return result


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
    if fmt not in LAYOUTS:
        raise ValueError(f"알 수 없는 형식입니다: {fmt} (asterisk 또는 freeswitch)")
    now = now or timezone.now()
    result = ImportResult(dry_run=dry_run)
    if dry_run:
        return _dry_run(lines, fmt, progress, result)
    ctx = ImportContext()
    tz = ctx.conf.tz
    early: list[RowError] = []  # wrong field counts and CSV errors, found while reading
    late: list[RowError] = []  # the rows the checks refused

    def keep(into: list[RowError]) -> Callable[[RowError], None]:
        def add(error: RowError) -> None:
            result.error_count += 1
            if len(into) < MAX_ERRORS_KEPT:
                into.append(error)

        return add

    calls = _qn(CallRecord._meta.db_table)
    layout = LAYOUTS[fmt]
    sqlite = connection.vendor == "sqlite"
    with transaction.atomic(), _large_cache(), connection.cursor() as cursor:
        stage = Staging(cursor, partial(_run, cursor), partial(_run_many, cursor), ctx, layout, calls)
        stage.create()
        try:
            if sqlite and _fixed_offset_s(tz) is None:
                _register_utc(tz)
            utc = partial(_utc, tz=tz)
            loaded = stage.load(raw_rows(lines, layout, keep(early)), progress)
            result.read = loaded + result.error_count
            stage.check(keep(late))
            first, last = stage.span_local()
            if first is not None and last is not None:
                first, last = (
                    d if not isinstance(d, str) else datetime.fromisoformat(d) for d in (first, last)
                )
                before = stage.max_id()
                stage.insert(CALL_COLUMNS, source, utc, first.date(), last.date())
                result.inserted, first, last = stage.span(before)
                result.first, result.last = _stored(first), _stored(last)
                obligations = [
                    ctx.obligation(key, _stored(ended) or now, h, m, staff, dept)
                    for key, ended, h, m, staff, dept in stage.missed_calls(before)
                ]
                result.callbacks = _write_callbacks(cursor, obligations, ctx, now)
            result.errors = sorted(early + late, key=lambda e: e.line)[:MAX_ERRORS_KEPT]
        finally:
            stage.drop()
        if result.inserted:
            after_import(result.first, result.last, now=now)
    return result


def _stored(value) -> datetime | None:
    """A time as read back from the call records (SQLite: naive UTC text) made aware."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


IMPORT_CACHE_KIB = 131072


@contextmanager
def _large_cache():
    """On SQLite, a 128 MB page cache while importing: the index on number hash + time is written in
    random order, and with the default 2 MB cache a large import spends its time re-reading index pages."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        _run(cursor, "PRAGMA cache_size")
        before = cursor.fetchone()[0]
        _run(cursor, f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            _run(cursor, f"PRAGMA cache_size = {int(before)}")
