"""What an import reports: rows read, written, already there, and the bad rows by line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..cdr import RowError

BATCH = 2000
MAX_ERRORS_KEPT = 1000


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
