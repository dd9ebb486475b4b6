"""What to do about a weak or unkind result, filled by the apps that offer it (from their `AppConfig.ready()`):

- suggestions: for a person's weakest item, what to take up (the training app offers the course that covers it),
  shown on *내 친절* under the item's advice;
- after a finding: when a report of unkindness against an official is substantiated, what follows for them
  (the training app assigns the kindness course, as the charter's 친절서비스 보증 promises).

The kindness app and the report centre call these without knowing who answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Suggestion:
    label: str  # "‘전화응대 기본’ 과정 듣기"
    url: str
    note: str = ""  # "기한 2026. 12. 15." or "이수함"


# (staff, item code — "" when no item trails —, user) → suggestions
Suggester = Callable[[object, str, object], list[Suggestion]]
# (staff, what: a short Korean label of the finding, source: "kindness_report:12", by, now) → None
FindingHandler = Callable[..., None]

_SUGGESTERS: dict[str, Suggester] = {}
_UNKIND_HANDLERS: dict[str, FindingHandler] = {}


def register_suggester(name: str, suggester: Suggester) -> None:
    _SUGGESTERS[name] = suggester


def register_unkind_handler(name: str, handler: FindingHandler) -> None:
    _UNKIND_HANDLERS[name] = handler


def suggestions_for(staff, item_code: str, user) -> list[Suggestion]:
    return [s for suggester in _SUGGESTERS.values() for s in suggester(staff, item_code, user)]


def unkind_substantiated(*, staff, what: str, source: str, by, now: datetime) -> None:
    """Called in the transaction that substantiates an unkind report, once per official."""
    for handler in _UNKIND_HANDLERS.values():
        handler(staff=staff, what=what, source=source, by=by, now=now)
