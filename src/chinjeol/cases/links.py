"""What other apps have to say on a case's page (e.g. the report centre for praise and unkind cases).

The cases app knows none of them: an app registers a provider in its `AppConfig.ready()`, and the page
shows whatever the providers return for the case and the person looking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class CaseNote:
    message: str
    link_text: str
    url: str
    is_action: bool = False  # a button that starts something, rather than a link to something


Provider = Callable[[object, object], CaseNote | None]  # (case, user) → note

_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _PROVIDERS[name] = provider


def notes_for(case, user) -> list[CaseNote]:
    return [note for provider in _PROVIDERS.values() if (note := provider(case, user)) is not None]


# What other apps offer the customer on the public status page, once they have proved who they are with the
# receipt number and the last digits of their phone (e.g. the happy-call survey of a closed case).
CitizenProvider = Callable[[object], CaseNote | None]  # case → note

_CITIZEN_PROVIDERS: dict[str, CitizenProvider] = {}


def register_citizen(name: str, provider: CitizenProvider) -> None:
    _CITIZEN_PROVIDERS[name] = provider


def citizen_notes_for(case) -> list[CaseNote]:
    return [note for provider in _CITIZEN_PROVIDERS.values() if (note := provider(case)) is not None]
