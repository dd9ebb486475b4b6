"""Version counters of data that per-process caches depend on (`DataVersion`).

`version_bump` runs inside the writer's transaction: the new number becomes visible together with the write,
so a reader that sees the old number also sees the old data, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from .models import DataVersion


def version_bump(name: str) -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("version_bump belongs inside the transaction of the write it announces")
    if not DataVersion.objects.filter(name=name).update(version=F("version") + 1):
        DataVersion.objects.get_or_create(name=name)  # the first write ever: start at 0, then count it
        DataVersion.objects.filter(name=name).update(version=F("version") + 1)


def version_of(name: str) -> int:
    return DataVersion.objects.filter(name=name).values_list("version", flat=True).first() or 0
