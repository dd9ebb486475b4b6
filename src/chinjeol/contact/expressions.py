"""Database expressions of the call centre that Django does not have."""

from __future__ import annotations

from django.db.models import DateTimeField, Func


class PlusDays(Func):
    """`moment + n days` computed by the database itself.

    Django's own `F(...) + timedelta` becomes a Python function call per row on SQLite, which made the
    repeat-call flag of a large import spend seconds in Python; SQLite's `datetime()` gives the text Django
    stores (naive UTC, space-separated) for whole-second times, PostgreSQL adds an interval."""

    output_field = DateTimeField()
    arity = 1

    def __init__(self, expression, days: int):
        super().__init__(expression)
        self.days = int(days)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template=f"datetime(%(expressions)s, '+{self.days} days')")

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template=f"(%(expressions)s + interval '{self.days} days')")
