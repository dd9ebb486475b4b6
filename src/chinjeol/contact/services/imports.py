"""Importing CDR files — the one module of the call centre that writes SQL of its own.

A CDR file goes through a staging table (bench/RESULTS.md has the measurements):

1. Python reads the file row by row (bad rows reported by line in Korean, the good ones measured with
   the file's wall-clock times as they are: no time zone conversion per row) and loads the measured rows
   into a temporary table — `executemany` on SQLite, `COPY … FROM STDIN` through psycopg's copy API on
   PostgreSQL — which has no index and so loads at the speed of a raw `csv.reader` + `executemany`.
2. Rows whose key is already stored are dropped from the staging table (importing the same file twice
   changes nothing, and a re-import does no further work).
3. One `INSERT … SELECT … ON CONFLICT (key) DO NOTHING` moves the rest into the call records, turning
   the wall-clock times into UTC inside the database.
4. The missed calls left in the staging table get their call-back obligations; the joins, flags and
   daily tallies that need other rows follow (`linking.after_import`). The tallies are written with the
   same kind of statement (`insert_select`: the ORM's GROUP BY inserted into the tally table).

Django's ORM has no INSERT … SELECT nor COPY; `bulk_create` of a million model instances spent more time
building objects than the database spent storing them. Table and column names come from the models,
values are always parameters. The multi-row INSERT (`store_records`) stays for the demo's generated calls."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import islice
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from ..cdr import RowError, read_rows
from ..models import CallbackObligation, CallRecord
from .columns import (
    CALL_COLUMNS,
    CALLBACK_COLUMNS,
    STAGE,
    STAGE_TYPES,
    TIME_COLUMNS,
    _call_values,
    _callback_values,
    _fixed_offset_s,
)
from .context import ImportContext, Measured
from .linking import after_import, queue_log_import, repeat_flags
from .results import BATCH, ImportResult

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
class _Stage:
    """The temporary staging table on this connection."""

    columns = Measured._fields

    def __init__(self, cursor, ctx: ImportContext):
        self.cursor, self.ctx = cursor, ctx
        self.sqlite = connection.vendor == "sqlite"
        self.name = _qn(STAGE)

    def create(self) -> None:
        _run(self.cursor, f"DROP TABLE IF EXISTS {self.name}")
        if self.sqlite:
            cols = ", ".join(_qn(c) for c in self.columns)
        else:
            cols = ", ".join(f"{_qn(c)} {STAGE_TYPES.get(c, 'text')}" for c in self.columns)
        _run(self.cursor, f"CREATE TEMPORARY TABLE {self.name} ({cols})")

    def load(self, rows: Iterator[Measured]) -> None:
        names = ", ".join(_qn(c) for c in self.columns)
        if self.sqlite:
            # In batches: Django's executemany peeks at its rows through itertools.tee, which would keep
            # every row of the file in memory until the statement ends.
            marks = ", ".join(["%s"] * len(self.columns))
            sql = f"INSERT INTO {self.name} ({names}) VALUES ({marks})"  # noqa: S608
            while batch := list(islice(rows, STAGE_BATCH)):
                self.cursor.executemany(sql, batch)
            return
        with self.cursor.cursor.copy(f"COPY {self.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def drop_existing(self) -> None:
        calls = _qn(CallRecord._meta.db_table)
        _run(self.cursor, f"DELETE FROM {self.name} WHERE {_qn('key')} IN (SELECT {_qn('key')} FROM {calls})")  # noqa: S608

    def _utc(self, column: str) -> tuple[str, list]:
        col = _qn(column)
        if not self.sqlite:
            return f"({col} AT TIME ZONE %s)", [self.ctx.conf.tz.key]
        offset = _fixed_offset_s(self.ctx.conf.tz)
        if offset is None:
            return f"chinjeol_pbx_utc({col})", []
        return f"datetime({col}, %s)", [f"{-offset:+d} seconds"]

    def insert(self, source: str) -> int:
        if self.sqlite and _fixed_offset_s(self.ctx.conf.tz) is None:
            _register_utc(self.ctx.conf.tz)
        selects: list[str] = []
        params: list[object] = []
        for column in CALL_COLUMNS:
            if column == "source":
                selects.append("%s")
                params.append(source)
            elif column == "repeat_7d":
                selects.append("%s")
                params.append(False)
            elif column in TIME_COLUMNS:
                sql, extra = self._utc(column)
                selects.append(sql)
                params.extend(extra)
            else:
                selects.append(_qn(column))
        names = ", ".join(_qn(c) for c in CALL_COLUMNS)
        table = _qn(CallRecord._meta.db_table)
        sql = (
            f"INSERT INTO {table} ({names}) SELECT {', '.join(selects)} FROM {self.name} "  # noqa: S608
            f"WHERE true ON CONFLICT ({_qn('key')}) DO NOTHING"
        )
        return _run(self.cursor, sql, params)

    def missed_keys(self) -> set[str]:
        _run(self.cursor, f"SELECT {_qn('key')} FROM {self.name} WHERE {_qn('missed')}")  # noqa: S608
        return {row[0] for row in self.cursor.fetchall()}

    def span(self) -> tuple[datetime | None, datetime | None]:
        start, end = _qn("started_at"), _qn("ended_at")
        _run(self.cursor, f"SELECT MIN({start}), MAX({end}) FROM {self.name}")  # noqa: S608
        first, last = self.cursor.fetchone()
        tz = self.ctx.conf.tz

        def aware(value):
            if value is None:
                return None
            if isinstance(value, str):
                value = datetime.fromisoformat(value)
            return value.replace(tzinfo=tz)

        return aware(first), aware(last)

    def drop(self) -> None:
        _run(self.cursor, f"DROP TABLE IF EXISTS {self.name}")


def _register_utc(tz: ZoneInfo) -> None:
    """For a PBX zone with daylight saving time: the conversion as an SQLite function."""

    def utc(text):
        if text is None:
            return None
        local = datetime.fromisoformat(text).replace(tzinfo=tz)
        return local.astimezone(UTC).replace(tzinfo=None).isoformat(" ")

    connection.ensure_connection()
    connection.connection.create_function("chinjeol_pbx_utc", 1, utc, deterministic=True)


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
    missed: list[Measured] = []

    def measured() -> Iterator[Measured]:
        measure = ctx.measure
        for number, item in read_rows(lines, fmt=fmt, tz=None):
            result.read += 1
            if progress is not None and result.read % 10000 == 0:
                progress(result.read)
            if isinstance(item, RowError):
                result.error(item)
                continue
            try:
                record = measure(item)
            except ValueError as exc:
                result.error(RowError(number, str(exc)))
                continue
            if record.missed:
                missed.append(record)
            yield record

    if dry_run:
        for _record in measured():
            pass
        return result
    with transaction.atomic(), _large_cache(), connection.cursor() as cursor:
        stage = _Stage(cursor, ctx)
        stage.create()
        try:
            stage.load(measured())
            stage.drop_existing()
            result.first, result.last = stage.span()
            new_missed = stage.missed_keys() if missed else set()
            result.inserted = stage.insert(source)
        finally:
            stage.drop()
        obligations = (ctx.callback_for(m) for m in missed if m.key in new_missed)
        result.callbacks = _write_callbacks(cursor, (o for o in obligations if o), ctx, now)
        if result.inserted:
            after_import(result.first, result.last, now=now)
    return result


IMPORT_CACHE_KIB = 131072
STAGE_BATCH = 10000


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
