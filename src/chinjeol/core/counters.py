"""Numbers handed out one at a time (receipt numbers): one statement per number, safe under concurrency."""

from __future__ import annotations

from django.db import IntegrityError, connection, models, transaction


class YearCounter(models.Model):
    """The last number issued in a year: the abstract row behind each app's yearly receipt numbers
    (민원 접수번호, 신고 접수번호). Subclasses give it their Korean names."""

    year = models.PositiveIntegerField("연도", primary_key=True)
    last = models.PositiveIntegerField("마지막 번호", default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


def next_number(counter: type[models.Model], key: int) -> int:
    """The next number of `counter`'s row `key` (a model with a primary key and a `last` field).

    One `UPDATE … RETURNING` per number: SQLite serialises writers and PostgreSQL holds the row lock until
    commit, so two requests never get the same number. The row is created on first use; when two requests
    create it at once, the loser's insert fails on the primary key and it takes the next number instead.
    """
    table = connection.ops.quote_name(counter._meta.db_table)
    pk = connection.ops.quote_name(counter._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last = last + 1 WHERE {pk} = %s RETURNING last", [key])  # noqa: S608
        row = cursor.fetchone()
    if row is not None:
        return int(row[0])
    try:
        with transaction.atomic():
            counter._default_manager.create(pk=key, last=1)
    except IntegrityError:
        return next_number(counter, key)
    return 1
