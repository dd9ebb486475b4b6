"""관공서의 공휴일 of Korea (공휴일법 §2 and §3), substitute, temporary and election days included.

Holidays come from the ``holidays`` package (``holidays.KR``, Korean names) merged with
``TEMPORARY_HOLIDAYS``, a local table for temporary and election holidays that a ``holidays`` release
may add only later. They are computed once per year per process (``functools.lru_cache``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from types import MappingProxyType

import holidays as holidays_lib

__all__ = ["TEMPORARY_HOLIDAYS", "holidays_of_years", "korean_holidays"]

# 임시공휴일 and election days (공휴일법 §2 11호·12호). `holidays` supplies most of them, but a day decreed
# by the government appears there only after a release adds it; a name from `holidays` wins when both
# have the day. Agency-specific closed days belong in `closures`, not here.
TEMPORARY_HOLIDAYS: Mapping[date, str] = MappingProxyType(
    {
        date(2015, 8, 14): "임시공휴일",
        date(2016, 5, 6): "임시공휴일",
        date(2017, 10, 2): "임시공휴일",
        date(2020, 8, 17): "임시공휴일",
        date(2023, 10, 2): "임시공휴일",
        date(2024, 4, 10): "국회의원 선거일",
        date(2024, 10, 1): "임시공휴일(국군의 날)",
        date(2025, 1, 27): "임시공휴일",
        date(2025, 6, 3): "대통령 선거일",
        date(2026, 6, 3): "지방선거일",
        date(2028, 4, 12): "국회의원 선거일",
    }
)


@lru_cache(maxsize=128)
def korean_holidays(year: int) -> tuple[tuple[date, str], ...]:
    """Korean public holidays of `year` as sorted (date, 한국어 name) pairs, temporary holidays included."""
    found = dict(holidays_lib.KR(years=year, language="ko").items())
    for day, name in TEMPORARY_HOLIDAYS.items():
        if day.year == year:
            found.setdefault(day, name)
    return tuple(sorted(found.items()))


@lru_cache(maxsize=32)
def holidays_of_years(years: tuple[int, ...]) -> tuple[frozenset[date], Mapping[date, str]]:
    names: dict[date, str] = {}
    for year in years:
        names.update(korean_holidays(year))
    return frozenset(names), MappingProxyType(names)
