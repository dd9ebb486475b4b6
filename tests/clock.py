"""A fixed clock for tests whose pages and demo data depend on today's date (the month, the half-year)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

SEOUL = ZoneInfo("Asia/Seoul")


def fixed_clock(year: int, month: int, day: int, hour: int = 10, minute: int = 0):
    """An autouse fixture: every test of the module runs at this moment in Seoul (the clock then moves on)."""

    @pytest.fixture(autouse=True)
    def _clock():
        with time_machine.travel(
            datetime(year, month, day, hour, minute, tzinfo=SEOUL), tick=True
        ) as traveller:
            yield traveller

    return _clock
