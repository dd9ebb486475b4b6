"""The SQL form of the judgement rule (`rules.judge`), shared by the compliance queries and the index
on `cases.Case` that serves them. Imports nothing but Django's expressions, so `cases.models` may use it."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Case, DateTimeField, F, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone


def deadline_expression():
    """The deadline a case is judged against: its charter promise, else its (legal) deadline."""
    return Coalesce(F("promise_due_at"), F("due_at"), output_field=DateTimeField())


def judged_at_expression():
    """When the judgement becomes final: the closing moment if it was on time, else the deadline."""
    return Case(
        When(closed_at__lte=deadline_expression(), then=F("closed_at")),
        default=deadline_expression(),
        output_field=DateTimeField(),
    )


class LocalDate(TruncDate):
    """The Asia/Seoul calendar date of a datetime expression. On SQLite (datetimes kept as UTC text) it
    adds the zone's fixed offset in SQL instead of calling Django's per-row Python function; zones with
    daylight saving time fall back to that function."""

    def as_sqlite(self, compiler, connection, **extra_context):
        tz = self.tzinfo or timezone.get_current_timezone()
        winter, summer = (
            datetime(2026, 1, 15, tzinfo=tz).utcoffset(),
            datetime(2026, 7, 15, tzinfo=tz).utcoffset(),
        )
        if winter != summer or winter is None:
            return self.as_sql(compiler, connection)
        sql, params = compiler.compile(self.lhs)
        minutes = int(winter.total_seconds() // 60)
        return f"date({sql}, '{minutes:+d} minutes')", params
