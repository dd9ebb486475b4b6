"""Running the CDR import's SQL (`cdr_sql`): the raw rows into the call records, measured set-based.

The rows from `csv.reader` go as they are into a temporary staging table (`executemany` in batches on
SQLite, `COPY … FROM STDIN` on PostgreSQL); one predicate puts aside the rows that are not plainly valid,
which the Python parser then reports by line with their Korean reason or writes back in plain form; rows
already stored are dropped (idempotency); one `INSERT … SELECT … ON CONFLICT (key) DO NOTHING` measures the
rest into the call records; the missed calls among them (ids above the largest before) get their call-backs.
Numbers are hashed once per distinct number (SQLite: registered functions with a cache; PostgreSQL: a map table
of the file's distinct numbers). On SQLite a large import rebuilds the secondary indexes after the insert."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from itertools import islice

from ..conf import number_identity
from .cdr_sql import COLUMNS, RAW, WIDTH, Layout, Measures, fixed_row
from .context import ImportContext

LOAD_BATCH = 10000
REBUILD_MIN_ROWS = 20000
STAGE, ASIDE = "chinjeol_cdr_raw", "chinjeol_cdr_aside"
PEOPLE, QUEUES, NUMBERS = "chinjeol_cdr_people", "chinjeol_cdr_queues", "chinjeol_cdr_numbers"
CLOSED = "chinjeol_cdr_closed"


class Staging:
    """The temporary tables of one import on this connection."""

    def __init__(self, cursor, run, run_many, ctx: ImportContext, layout: Layout, calls_table: str):
        self.cursor, self.run, self.run_many = cursor, run, run_many
        self.ctx, self.layout, self.calls = ctx, layout, calls_table
        self.m = Measures(ctx, layout)
        self.sqlite = self.m.sqlite

    def create(self) -> None:
        self.drop()
        text, integer = ("", "") if self.sqlite else (" text", " integer")
        cols = ", ".join(f"{c}{text}" for c in ("key", *RAW, "disp"))
        for table in (STAGE, ASIDE):
            self.run(f"CREATE TEMPORARY TABLE {table} (line INTEGER PRIMARY KEY, {cols}, ring{integer})")
        self.run(
            f"CREATE TEMPORARY TABLE {PEOPLE} (ext{text} PRIMARY KEY, staff_id{integer}, department_id{integer})"
        )
        self.run(
            f"CREATE TEMPORARY TABLE {QUEUES} (name{text} PRIMARY KEY, queue_id{integer}, department_id{integer})"
        )
        self.run(f"CREATE TEMPORARY TABLE {NUMBERS} (raw{text} PRIMARY KEY, hash{text}, masked{text})")
        self.run(f"CREATE TEMPORARY TABLE {CLOSED} (day{text} PRIMARY KEY)")
        people = [(ext, p.staff_id, p.department_id) for ext, p in self.ctx.people.items()]
        if people:
            self.run_many(f"INSERT INTO {PEOPLE} VALUES (%s, %s, %s)", people)  # noqa: S608
        queues = [(name, pk, dept) for name, (pk, dept) in self.ctx.queues.items()]
        if queues:
            self.run_many(f"INSERT INTO {QUEUES} VALUES (%s, %s, %s)", queues)  # noqa: S608
        self.m.register()

    def drop(self) -> None:
        for table in (STAGE, ASIDE, PEOPLE, QUEUES, NUMBERS, CLOSED):
            self.run(f"DROP TABLE IF EXISTS {table}")

    def max_id(self) -> int:
        self.run(f"SELECT COALESCE(MAX(id), 0) FROM {self.calls}")  # noqa: S608
        return int(self.cursor.fetchone()[0])

    def _plain_form(self, line, key, raw: list, got: tuple) -> tuple:
        L = self.layout
        values = list(raw)
        for index, value in zip((L.start, L.answer, L.end, L.duration, L.billsec), got[:5], strict=True):
            values[index] = value
        return (line, key, *values, got[5], got[6])

    def missed_calls(self, after_id: int) -> list[tuple]:
        """(key, end, number hash, masked number, person, department) of the missed calls just inserted."""
        self.run(
            f"SELECT {self.m.q('key')}, ended_at, number_hash, number_masked, intended_staff_id, department_id "  # noqa: S608
            f"FROM {self.calls} WHERE id > %s AND missed ORDER BY id",
            [after_id],
        )
        return self.cursor.fetchall()

    def span(self, after_id: int) -> tuple:
        """Count, first start and last end of the calls inserted (ids above `after_id`)."""
        sql = f"SELECT COUNT(*), MIN(started_at), MAX(ended_at) FROM {self.calls} WHERE id > %s"  # noqa: S608
        self.run(sql, [after_id])
        return self.cursor.fetchone()

    # --- loading and checking ----------------------------------------------------------------------------
    def load(self, rows: Iterator[tuple], progress: Callable[[int], None] | None) -> int:
        """Raw rows into the staging table: `executemany` straight from the reader on SQLite (in batches, so
        that memory stays flat), `COPY` on PostgreSQL. Returns the number of rows loaded."""
        names = ", ".join(COLUMNS[:-2])
        loaded = 0
        if self.sqlite:
            sql = f"INSERT INTO {STAGE} ({names}) VALUES ({', '.join(['?'] * (WIDTH + 2))})"  # noqa: S608
            raw_cursor = self.cursor.cursor
            while batch := list(islice(rows, LOAD_BATCH)):
                raw_cursor.executemany(sql, batch)
                loaded += len(batch)
                if progress is not None:
                    progress(loaded)
            return loaded
        with self.cursor.cursor.copy(f"COPY {STAGE} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                loaded += 1
                if progress is not None and loaded % LOAD_BATCH == 0:
                    progress(loaded)
        return loaded

    def check(self, error) -> None:
        """Rows that are not plainly valid: dropped and reported, or written back in plain form."""
        self.run(f"INSERT INTO {ASIDE} SELECT * FROM {STAGE} WHERE NOT ({self.m.plain()})")  # noqa: S608
        self.run(f"SELECT line, key, {', '.join(RAW)} FROM {ASIDE} ORDER BY line")  # noqa: S608
        aside = self.cursor.fetchall()
        if not aside:
            return
        self.run(f"DELETE FROM {STAGE} WHERE line IN (SELECT line FROM {ASIDE})")  # noqa: S608
        fixed = []
        for line, key, *raw in aside:
            fields = list(raw[: raw.index(None)] if None in raw else raw)
            got = fixed_row(fields, self.layout)
            if isinstance(got, tuple):
                fixed.append(self._plain_form(line, key, raw, got))
            else:
                error(type(got)(line, got.message))
        if fixed:
            marks = ", ".join(["%s"] * len(COLUMNS))
            self.run_many(f"INSERT INTO {STAGE} ({', '.join(COLUMNS)}) VALUES ({marks})", fixed)  # noqa: S608

    def span_local(self) -> tuple:
        s, e = RAW[self.layout.start], RAW[self.layout.end]
        self.run(f"SELECT MIN({self.m.ts(s)}), MAX({self.m.ts(e)}) FROM {STAGE}")  # noqa: S608
        return self.cursor.fetchone()

    # --- measuring -----------------------------------------------------------------------------------------
    def insert(self, columns: tuple[str, ...], source: str, utc, first: date, last: date) -> None:
        """Rows already stored dropped; the rest measured into the call records with one `INSERT … SELECT`;
        the new calls are those with an id above the largest before (`span`, `missed_calls`)."""
        self.run(f"DELETE FROM {STAGE} WHERE key IN (SELECT {self.m.q('key')} FROM {self.calls})")  # noqa: S608
        numbers = closed = None
        if not self.sqlite:  # SQLite calls the registered functions instead
            numbers, closed = NUMBERS, CLOSED
            self._numbers()
            self._closed_days(first, last)
        rows, p_rows = self.m.rows(STAGE, numbers=numbers)
        sql, params = self.m.insert(self.calls, columns, source, utc, rows, closed)
        indexes = self._indexes_to_rebuild()
        for name, _ddl in indexes:
            self.run(f"DROP INDEX {self.m.q(name)}")
        self.run(sql, [*params, *p_rows])
        for _name, ddl in indexes:
            self.run(ddl)

    def _indexes_to_rebuild(self) -> list[tuple[str, str]]:
        """SQLite, a large import into a table not much larger: the call records' secondary indexes are
        dropped and built again afterwards (built in one sorted pass instead of a million random inserts;
        the unique key stays, `ON CONFLICT` needs it). Inside the transaction: readers keep seeing the
        committed table with its indexes (WAL)."""
        if not self.sqlite:
            return []
        self.run(f"SELECT COUNT(*) FROM {STAGE}")  # noqa: S608
        (new,) = self.cursor.fetchone()
        self.run(f"SELECT MAX(id) - MIN(id) + 1 FROM {self.calls}")  # noqa: S608
        existing = self.cursor.fetchone()[0] or 0
        if new < REBUILD_MIN_ROWS or new * 2 < existing:
            return []
        table = self.calls.strip('"')
        self.run(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
            [table],
        )
        return [(name, ddl) for name, ddl in self.cursor.fetchall() if "UNIQUE" not in ddl.upper()]

    def _numbers(self) -> None:
        src, dst = RAW[self.layout.src], RAW[self.layout.dst]
        self.run(f"SELECT {src} FROM {STAGE} UNION SELECT {dst} FROM {STAGE}")  # noqa: S608
        numbers = []
        for (raw,) in self.cursor.fetchall():
            h, masked = number_identity(raw) if raw else ("", "")
            if h:
                numbers.append((raw, h, masked))
        for i in range(0, len(numbers), LOAD_BATCH):
            self.run_many(f"INSERT INTO {NUMBERS} VALUES (%s, %s, %s)", numbers[i : i + LOAD_BATCH])  # noqa: S608

    def _closed_days(self, first: date, last: date) -> None:
        closed, day = [], first
        while day <= last:
            if not self.ctx.business_day(day):
                closed.append((day.isoformat(),))
            day += timedelta(days=1)
        if closed:
            self.run_many(f"INSERT INTO {CLOSED} VALUES (%s)", closed)  # noqa: S608
