"""The kindness traffic light (친절 신호등), pure: colours, their Korean names, the thresholds (lower bounds
inclusive) and the light of a score. Re-exported by `kindness.rules`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

Number = Decimal | int | float


def _d(value: Number) -> Decimal:
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"점수는 유한한 숫자여야 합니다: {value!r}")
    return number


# ── Traffic light ────────────────────────────────────────────────────────────────────────────────────


class Signal(StrEnum):
    BLUE = "blue"
    GREEN = "green"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"


SIGNALS_BEST_FIRST = (Signal.BLUE, Signal.GREEN, Signal.YELLOW, Signal.ORANGE, Signal.RED)


class SignalLabel(NamedTuple):
    colour: str
    meaning: str


SIGNAL_LABELS: dict[Signal, SignalLabel] = {
    Signal.BLUE: SignalLabel("파랑", "매우 우수"),
    Signal.GREEN: SignalLabel("초록", "우수"),
    Signal.YELLOW: SignalLabel("노랑", "보통"),
    Signal.ORANGE: SignalLabel("주황", "주의"),
    Signal.RED: SignalLabel("빨강", "개선 필요"),
}


@dataclass(frozen=True)
class Thresholds:
    """Lower bounds (inclusive) of blue, green, yellow and orange; below orange is red."""

    blue: Decimal = Decimal("90")
    green: Decimal = Decimal("80")
    yellow: Decimal = Decimal("70")
    orange: Decimal = Decimal("65")

    def __post_init__(self) -> None:
        for name in ("blue", "green", "yellow", "orange"):
            object.__setattr__(self, name, _d(getattr(self, name)))
        if not (self.blue > self.green > self.yellow > self.orange):
            raise ValueError("신호등 기준은 파랑 > 초록 > 노랑 > 주황 순으로 내려가야 합니다.")


DEFAULT_THRESHOLDS = Thresholds()


def traffic_light(score: Number, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Signal:
    """Lower bound inclusive: 90.0 is blue, 89.99 green, 65.0 orange, 64.99 red."""
    value = _d(score)
    if value >= thresholds.blue:
        return Signal.BLUE
    if value >= thresholds.green:
        return Signal.GREEN
    if value >= thresholds.yellow:
        return Signal.YELLOW
    if value >= thresholds.orange:
        return Signal.ORANGE
    return Signal.RED
