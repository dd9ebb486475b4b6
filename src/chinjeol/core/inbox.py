"""오늘 할 일: what is waiting for a person, contributed by every app through one registry.

An app registers a provider in its `AppConfig.ready()`; the provider answers, for one user at one moment,
the groups of work waiting for them (a count, the most urgent deadline, where to go). The home page and the
API list them most urgent first, so an app that lands later shows up without touching either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum


class Urgency(IntEnum):
    OVERDUE = 0  # 기한 경과
    DUE_SOON = 1  # 기한 임박
    WAITING = 2  # 처리 대기

    @property
    def label(self) -> str:
        return {0: "기한 경과", 1: "기한 임박", 2: "처리 대기"}[self.value]


@dataclass(frozen=True)
class WorkItem:
    area: str  # the navigation area it belongs to ("cases", "kindness", …)
    label: str  # what is waiting, in Korean ("기한이 지난 민원")
    count: int
    url: str
    urgency: Urgency = Urgency.WAITING
    due_at: datetime | None = None  # the most urgent deadline among them
    note: str = ""


Provider = Callable[[object, datetime], Iterable[WorkItem]]

_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _PROVIDERS[name] = provider


def providers() -> tuple[str, ...]:
    return tuple(_PROVIDERS)


def sort_key(item: WorkItem) -> tuple:
    """Overdue before due soon before waiting; inside each, the earliest deadline first."""
    return (item.urgency, item.due_at is None, item.due_at.timestamp() if item.due_at else 0.0, item.label)


def work_for(user, *, now: datetime) -> list[WorkItem]:
    """Every non-empty group of work waiting for `user`, most urgent first."""
    items = [item for provider in _PROVIDERS.values() for item in provider(user, now) if item.count > 0]
    return sorted(items, key=sort_key)
