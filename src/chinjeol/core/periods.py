"""Reporting periods: months (2026-11), half-years (2026-H2) and years (2026). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class Period:
    kind: str  # month | half | year
    year: int
    number: int  # month 1–12, half 1–2, year 1

    @classmethod
    def parse(cls, text: str) -> Period:
        text = (text or "").strip().upper()
        if m := _MONTH.match(text):
            month = int(m.group(2))
            if 1 <= month <= 12:
                return cls("month", int(m.group(1)), month)
        elif m := _HALF.match(text):
            return cls("half", int(m.group(1)), int(m.group(2)))
        elif m := _YEAR.match(text):
            return cls("year", int(m.group(1)), 1)
        raise ValueError(f"기간 형식이 올바르지 않습니다: '{text}' (예: 2026-11, 2026-H2, 2026)")

    @classmethod
    def containing(cls, day: date, kind: str) -> Period:
        if kind == "month":
            return cls("month", day.year, day.month)
        if kind == "half":
            return cls("half", day.year, 1 if day.month <= 6 else 2)
        return cls("year", day.year, 1)

    def __str__(self) -> str:
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "half":
            return f"{self.year}-H{self.number}"
        return str(self.year)

    @property
    def start(self) -> date:
        if self.kind == "month":
            return date(self.year, self.number, 1)
        if self.kind == "half":
            return date(self.year, 1 if self.number == 1 else 7, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        """The first day after the period."""
        if self.kind == "month":
            return date(self.year + (self.number == 12), self.number % 12 + 1, 1)
        if self.kind == "half":
            return date(self.year, 7, 1) if self.number == 1 else date(self.year + 1, 1, 1)
        return date(self.year + 1, 1, 1)

    @property
    def label_ko(self) -> str:
        if self.kind == "month":
            return f"{self.year}년 {self.number}월"
        if self.kind == "half":
            return f"{self.year}년 {'상' if self.number == 1 else '하'}반기"
        return f"{self.year}년"

    def previous(self) -> Period:
        if self.kind == "month":
            return Period("month", self.year - (self.number == 1), (self.number - 2) % 12 + 1)
        if self.kind == "half":
            return Period("half", self.year - (self.number == 1), 2 if self.number == 1 else 1)
        return Period("year", self.year - 1, 1)

    def months(self) -> list[Period]:
        first = self.start
        count = {"month": 1, "half": 6, "year": 12}[self.kind]
        return [Period("month", first.year, first.month + i) for i in range(count)]
