"""The columns the CDR import writes, and the values of the demo's multi-row INSERT (no SQL here)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..models import CallbackObligation
from .context import ImportContext

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


@lru_cache(maxsize=8)
def _fixed_offset_s(tz: ZoneInfo) -> int | None:
    """The zone's UTC offset in seconds when it has not changed since 1990 (Asia/Seoul), else None."""
    offsets = {tz.utcoffset(datetime(y, m, 1)) for y in range(1990, 2041) for m in (1, 4, 7, 10)}  # noqa: DTZ001
    if len(offsets) != 1:
        return None
    offset = next(iter(offsets))
    return int(offset.total_seconds()) if offset is not None else None


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
