"""The CDR import's measurements written as SQL (no statements are run here: `staging` runs them).

A CDR row arrives raw — its start line, its key (uniqueid, or the row's hash) and its 21 fields as the file
has them — and one `INSERT … SELECT` computes every measured column of the call record from it, set-based:
direction, person (a map of extensions), queue and department, number hash and mask, ring time, the phone
standard in force and within the standard, over 3 minutes, missed, abandoned, operating hours. The
definitions are those of `rules` and `ImportContext.measure`, which the dry run still uses and which the
tests compare this with row by row.

`plain` is the predicate of a row valid exactly as the PBX writes a good one (times `YYYY-MM-DD HH:MM:SS`,
bare non-negative integers, a known disposition, consistent times); any other row goes through the Python
parser, which names the Korean reason or writes the row back in plain form (`disp`, `ring` set)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import connection

from .. import rules
from ..cdr import FS_DISPOSITIONS, PARSERS, RowError, _row_hash
from ..conf import number_identity
from .context import ImportContext

WIDTH = 21  # the widest Asterisk row; FreeSWITCH uses the first 15
RAW = tuple(f"c{i}" for i in range(WIDTH))
COLUMNS = ("line", "key", *RAW, "disp", "ring")  # a staged row
HEX = "0123456789abcdefABCDEF"
DISPOSITIONS = ("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION")


@dataclass(frozen=True)
class Layout:
    """Where a format keeps what the measurements need (indexes into the raw fields)."""

    fmt: str
    min_fields: int
    max_fields: int | None
    uniqueid: int
    linkedid: int | None
    src: int
    dst: int
    dstchannel: int | None
    start: int
    answer: int
    end: int
    duration: int
    billsec: int
    disposition: int


LAYOUTS = {
    "asterisk": Layout("asterisk", 16, 21, 16, 19, 1, 2, 6, 9, 10, 11, 12, 13, 14),
    "freeswitch": Layout("freeswitch", 13, None, 10, None, 1, 2, None, 4, 5, 6, 7, 8, 9),
}


def raw_rows(lines: Iterable[str], layout: Layout, errors: Callable[[RowError], None]) -> Iterator[tuple]:
    """(start line, key, 21 raw fields) per CSV record; wrong field counts and CSV errors go to `errors`."""
    reader = csv.reader(lines, strict=True)
    pad = [(None,) * (WIDTH - n) for n in range(WIDTH + 1)]
    low, high, uid = layout.min_fields, layout.max_fields or 10**6, layout.uniqueid
    parse = PARSERS[layout.fmt]
    last = 0
    while True:
        try:
            for fields in reader:
                line, last = last + 1, reader.line_num
                n = len(fields)
                if n == WIDTH or low <= n <= high and n < WIDTH:
                    yield (line, (fields[uid] if n > uid else "") or _row_hash(fields), *fields, *pad[n])
                elif n == 0 or fields == [""]:
                    continue
                else:  # the parser names the reason (or accepts a longer FreeSWITCH row)
                    try:
                        row = parse(fields, None)
                    except ValueError as exc:
                        errors(RowError(line, str(exc)))
                        continue
                    yield (line, row.key, *fields[:WIDTH])
            return
        except csv.Error as exc:
            errors(RowError(last + 1, f"CSV 형식 오류: {exc}"))
            last = reader.line_num


def fixed_row(fields: list[str], layout: Layout) -> tuple | RowError:
    """A row the plain predicate refused, through the Python parser: its Korean reason, or the values
    to store in plain form (start, answer, end, duration, billsec, disposition, ring)."""
    try:
        row = PARSERS[layout.fmt](fields, None)
    except ValueError as exc:
        return RowError(0, str(exc))
    answer = row.answer.isoformat(" ") if row.answer is not None else ""
    ring = rules.ring_seconds(row.start, row.answer)
    end = row.end.isoformat(" ")
    return (row.start.isoformat(" "), answer, end, str(row.duration), str(row.billsec), row.disposition, ring)


def _channel_extension(channel):
    return rules.extension_of_channel(channel or "")


def _number_hash(raw):
    return (number_identity(raw)[0] or None) if raw else None


def _number_masked(raw):
    return number_identity(raw)[1] if raw else None


class Measures:
    """The SQL of the measurements for one import (SQLite or PostgreSQL)."""

    def __init__(self, ctx: ImportContext, layout: Layout):
        self.ctx, self.layout = ctx, layout
        self.sqlite = connection.vendor == "sqlite"
        self._closed: dict[str, int] = {}

    def q(self, name: str) -> str:
        return connection.ops.quote_name(name)

    def register(self) -> None:
        """SQLite: the functions the statements call (channel shapes beyond the common one, the number's
        keyed hash and mask — cached per number — and closed days from the business calendar)."""
        if not self.sqlite:
            return
        connection.ensure_connection()
        raw = connection.connection
        raw.create_function("chinjeol_channel_extension", 1, _channel_extension, deterministic=True)
        raw.create_function("chinjeol_number_hash", 1, _number_hash, deterministic=True)
        raw.create_function("chinjeol_number_masked", 1, _number_masked, deterministic=True)
        raw.create_function("chinjeol_closed_day", 1, self._closed_day, deterministic=True)

    def _closed_day(self, day: str) -> int:
        hit = self._closed.get(day)
        if hit is None:
            hit = self._closed[day] = 0 if self.ctx.business_day(day) else 1
        return hit

    # --- small expressions ---------------------------------------------------------------------------
    def time_ok(self, c: str) -> str:
        if self.sqlite:
            return f"(datetime({c}) IS {c} AND {c} >= '0001')"
        return (
            f"CASE WHEN {c} ~ '^[0-9]{{4}}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$'"
            f" AND substr({c}, 1, 4) <> '0000' THEN substr({c}, 9, 2)::int <= date_part('day', "
            f"make_date(substr({c}, 1, 4)::int, substr({c}, 6, 2)::int, 1) + interval '1 month - 1 day') ELSE false END"
        )

    def uint_ok(self, c: str) -> str:
        if self.sqlite:
            return f"({c} <> '' AND {c} NOT GLOB '*[^0-9]*' AND length({c}) < 10)"
        return f"({c} ~ '^[0-9]{{1,9}}$')"

    def int(self, c: str) -> str:
        return f"CAST({c} AS INTEGER)" if self.sqlite else f"({c})::integer"

    def ts(self, c: str) -> str:
        return c if self.sqlite else f"({c})::timestamp"

    def seconds(self, a: str, b: str) -> str:
        if self.sqlite:
            return f"(unixepoch({b}) - unixepoch({a}))"
        return f"floor(extract(epoch from (({b})::timestamp - ({a})::timestamp)))::integer"

    def is_extension(self, c: str) -> tuple[str, list]:
        n = self.ctx.conf.extension_max_len
        if self.sqlite:
            return f"(length(trim({c})) BETWEEN 1 AND %s AND trim({c}) NOT GLOB '*[^0-9]*')", [n]
        return f"(btrim({c}) ~ %s)", [f"^[0-9]{{1,{int(n)}}}$"]

    def channel_extension(self, c: str) -> str:
        """`rules.extension_of_channel` in SQL: the common `TECH/EXT-hex` shape directly, any other shape
        through the Python rule (a registered function on SQLite, the same steps as regexes on PostgreSQL)."""
        if not self.sqlite:
            step = f"regexp_replace({c}, '^[^/]*/', '')"
            step = f"split_part({step}, '@', 1)"
            step = f"regexp_replace({step}, '-[0-9a-fA-F]+$', '')"
            return f"regexp_replace({step}, '^.*/', '')"
        tail = f"substr({c}, instr({c}, '/') + 1)"
        head = f"rtrim({tail}, '{HEX}')"
        return (
            f"CASE WHEN {c} = '' THEN '' WHEN {c} GLOB '*/*' AND {c} NOT GLOB '*/*/*' AND {c} NOT GLOB '*@*' THEN "
            f"CASE WHEN {head} GLOB '*-' AND length({head}) < length({tail}) "
            f"THEN substr({head}, 1, length({head}) - 1) ELSE {tail} END "
            f"ELSE chinjeol_channel_extension({c}) END"
        )

    def disposition(self) -> str:
        L = self.layout
        c = RAW[L.disposition]
        if L.fmt == "asterisk":
            return f"COALESCE(disp, {c})"
        cause = f"upper(trim({c}))"
        known = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in FS_DISPOSITIONS.items())
        a = RAW[L.answer]
        return (
            f"COALESCE(disp, CASE WHEN {a} <> '' THEN CASE WHEN {cause} = 'USER_BUSY' THEN 'BUSY' ELSE 'ANSWERED' END "
            f"ELSE COALESCE(CASE {cause} {known} END, 'FAILED') END)"
        )

    # --- the check -----------------------------------------------------------------------------------
    def plain(self, prefix: str = "") -> str:
        """Valid exactly as the PBX writes a good row (anything else goes through the Python parser)."""
        L = self.layout
        raw = [prefix + c for c in RAW]
        s, a, e = raw[L.start], raw[L.answer], raw[L.end]
        dur, bill = raw[L.duration], raw[L.billsec]
        shape = [
            f"{raw[L.min_fields - 1]} IS NOT NULL",
            self.time_ok(s),
            f"({a} = '' OR {self.time_ok(a)})",
            self.time_ok(e),
            self.uint_ok(dur),
            self.uint_ok(bill),
        ]
        if L.fmt == "asterisk":
            marks = ", ".join(f"'{x}'" for x in DISPOSITIONS)
            shape.append(f"{raw[L.disposition]} IN ({marks})")
            shape.append(f"NOT ({raw[L.disposition]} = 'ANSWERED' AND {a} = '')")
        ts = self.ts
        order = (
            f"{ts(e)} >= {ts(s)} AND ({a} = '' OR ({ts(a)} >= {ts(s)} AND {ts(a)} <= {ts(e)})) "
            f"AND {self.int(bill)} <= {self.int(dur)}"
        )
        return f"CASE WHEN {' AND '.join(shape)} THEN {order} ELSE false END"

    # --- the measured rows ---------------------------------------------------------------------------
    def rows(self, source: str, *, numbers: str | None) -> tuple[str, list]:
        """The raw rows of `source` with what each gives by itself, in steps, each a subquery the database
        runs once per row (not flattened into the next, which would repeat its expressions). `numbers`: the
        table mapping outside numbers to hash and mask (PostgreSQL), else the registered functions."""
        L = self.layout
        keep = "LIMIT -1" if self.sqlite else "OFFSET 0"
        src, dst, a = RAW[L.src], RAW[L.dst], RAW[L.answer]
        src_ext, p1 = self.is_extension(src)
        dst_ext, p2 = self.is_extension(dst)
        chan = self.channel_extension(RAW[L.dstchannel]) if L.dstchannel is not None else "''"
        linked = f"COALESCE({RAW[L.linkedid]}, '')" if L.linkedid is not None else "''"
        one = (
            f"SELECT line, key, {linked} AS linkedid, "  # noqa: S608
            f"CASE WHEN {src_ext} THEN CASE WHEN {dst_ext} THEN 'internal' ELSE 'outbound' END ELSE 'inbound' END "
            f"AS direction, {src} AS src, {dst} AS dst, qm.queue_id AS queue_id, "
            f"qm.department_id AS queue_department_id, {RAW[L.start]} AS started, "
            f"CASE WHEN {a} <> '' THEN {a} END AS answer_text, {RAW[L.end]} AS ended, "
            f"{self.int(RAW[L.duration])} AS duration, {self.int(RAW[L.billsec])} AS billsec, "
            f"{self.disposition()} AS disposition, {chan} AS channel_ext, "
            f"CASE WHEN {a} <> '' THEN COALESCE(ring, {self.seconds(RAW[L.start], a)}) END AS ring "
            f"FROM {source} LEFT JOIN chinjeol_cdr_queues qm ON qm.name = {dst} ORDER BY line {keep}"  # noqa: S608
        )
        two = (
            "SELECT m1.*, (answer_text IS NOT NULL AND disposition = 'ANSWERED') AS answered, "  # noqa: S608
            "CASE WHEN direction = 'outbound' THEN src WHEN queue_id IS NOT NULL THEN '' ELSE dst END AS extension, "
            "CASE direction WHEN 'inbound' THEN src WHEN 'outbound' THEN dst END AS outside "
            f"FROM ({one}) m1 {keep}"
        )
        answered_ext = (
            "CASE WHEN answered AND direction <> 'outbound' THEN "
            "CASE WHEN channel_ext <> '' THEN channel_ext ELSE extension END ELSE '' END"
        )
        if numbers is None:
            three = (
                f"SELECT m2.*, {answered_ext} AS answered_ext, chinjeol_number_hash(outside) AS hash, "  # noqa: S608
                f"chinjeol_number_masked(outside) AS masked FROM ({two}) m2 {keep}"
            )
        else:
            three = (
                f"SELECT m2.*, {answered_ext} AS answered_ext, nm.hash AS hash, nm.masked AS masked "  # noqa: S608
                f"FROM ({two}) m2 LEFT JOIN {numbers} nm ON nm.raw = m2.outside {keep}"
            )
        return three, [*p1, *p2]

    def versions(self, column: str) -> tuple[str, str, list, list]:
        """The PHONE_RINGS version in force at a call's (local) start and its limit in seconds, as CASEs."""
        v = self.ctx.phone_local
        cadence = self.ctx.conf.cadence_s
        default_limit = rules.standard_limit_s(rules.DEFAULT_RINGS, cadence)
        ids, limits, p_ids, p_limits = [], [], [], []
        for start, (pk, rings) in reversed(list(zip(v.starts, v.rows, strict=True))):
            moment = start.isoformat(" ") if self.sqlite else start
            ids.append(f"WHEN {self.ts(column)} >= %s THEN %s")
            p_ids += [moment, pk]
            limits.append(f"WHEN {self.ts(column)} >= %s THEN %s")
            p_limits += [moment, rules.standard_limit_s(rings, cadence)]
        version = f"CASE {' '.join(ids)} END" if ids else "NULL"
        limit = f"CASE {' '.join(limits)} ELSE %s END" if limits else "%s"
        return version, limit, p_ids, [*p_limits, default_limit]

    def insert(
        self, calls_table: str, columns: tuple[str, ...], source: str, utc, rows: str, closed: str | None
    ) -> tuple[str, list]:
        """`INSERT INTO` the call records `SELECT` persons, the standard and the flags from the measured
        rows (`rows`: the subquery of `rows()`, its parameters last); `closed`: a table of closed days
        (PostgreSQL), else the registered function."""
        conf = self.ctx.conf
        judged = "(m.direction = 'inbound' AND m.answered AND (m.answered_ext <> '' OR m.extension <> ''))"
        version, limit, p_version, p_limit = self.versions("m.started")
        clock = "substr(m.started, 12)" if self.sqlite else "(m.started)::timestamp::time"
        day = "substr(m.started, 1, 10)" if self.sqlite else "(substr(m.started, 1, 10))::date"
        hours: list[object] = (
            [conf.opening.isoformat(), conf.closing.isoformat()]
            if self.sqlite
            else [conf.opening, conf.closing]
        )
        is_open = "cd.day IS NULL" if closed else "NOT chinjeol_closed_day(substr(m.started, 1, 10))"
        select: dict[str, tuple[str, list]] = {
            "key": ("m.key", []),
            "linkedid": ("m.linkedid", []),
            "source": ("%s", [source]),
            "direction": ("m.direction", []),
            "number_hash": ("COALESCE(m.hash, '')", []),
            "number_masked": ("COALESCE(m.masked, '')", []),
            "extension": ("m.extension", []),
            "answered_extension": ("m.answered_ext", []),
            "staff_id": ("COALESCE(pc.staff_id, pi.staff_id)", []),
            "intended_staff_id": ("pi.staff_id", []),
            "department_id": (
                "CASE WHEN pc.ext IS NOT NULL THEN pc.department_id WHEN pi.ext IS NOT NULL THEN pi.department_id "
                "ELSE m.queue_department_id END",
                [],
            ),
            "queue_id": ("m.queue_id", []),
            "started_at": utc("m.started"),
            "answered_at": (
                f"CASE WHEN m.answered THEN {utc('m.answer_text')[0]} END",
                utc("m.answer_text")[1],
            ),
            "ended_at": utc("m.ended"),
            "local_date": (day, []),
            "local_hour": (self.int("substr(m.started, 12, 2)"), []),
            "in_hours": (f"({clock} >= %s AND {clock} < %s AND {is_open})", hours),
            "duration": ("m.duration", []),
            "billsec": ("m.billsec", []),
            "disposition": ("m.disposition", []),
            "ring_s": ("CASE WHEN m.answered THEN m.ring END", []),
            "judged": (judged, []),
            "within_standard": (f"({judged} AND m.ring < {limit})", p_limit),
            "phone_version_id": (f"CASE WHEN {judged} THEN {version} END", p_version),
            "over_3_min": ("(m.answered AND m.billsec > %s)", [conf.talk_limit_s]),
            "missed": (
                "(m.direction = 'inbound' AND m.extension <> '' AND m.hash IS NOT NULL "
                "AND m.disposition IN ('NO ANSWER', 'BUSY'))",
                [],
            ),
            "abandoned": ("(m.queue_id IS NOT NULL AND NOT m.answered)", []),
            "repeat_7d": ("%s", [False]),
        }
        exprs, params = [], []
        for column in columns:
            sql, p = select[column]
            exprs.append(sql)
            params.extend(p)
        names = ", ".join(self.q(c) for c in columns)
        join_closed = f"LEFT JOIN {closed} cd ON cd.day = substr(m.started, 1, 10) " if closed else ""
        sql = (
            f"INSERT INTO {calls_table} ({names}) SELECT {', '.join(exprs)} FROM ({rows}) m "  # noqa: S608
            "LEFT JOIN chinjeol_cdr_people pi ON pi.ext = m.extension "
            "LEFT JOIN chinjeol_cdr_people pc ON pc.ext = m.answered_ext "
            f"{join_closed}{'WHERE true' if self.sqlite else 'ORDER BY m.line'} "
            f"ON CONFLICT ({self.q('key')}) DO NOTHING"
        )
        return sql, params
