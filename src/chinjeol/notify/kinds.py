"""What a notice is and what it is about, as registries filled by the apps that send notices.

A notice kind ("received", "happy_call", "field_visit" …) is registered once with its Korean name by the app
that sends it (`register_kind` in its `AppConfig.ready()`); `message_queue` refuses a kind nobody registered.
A notice is about any object (a case, a call-back, a survey answer, a visit appointment, an evaluation): the
model is registered with `register_about` with its Korean name and how to name and link one of its objects, so
the notice log can show and link it without notify knowing the apps above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

KINDS: dict[str, str] = {}


def register_kind(code: str, label: str) -> None:
    if KINDS.get(code, label) != label:
        raise ValueError(f"통지 종류 {code!r}가 다른 이름으로 이미 등록되어 있습니다: {KINDS[code]}")
    KINDS[code] = label


def kind_label(code: str) -> str:
    return KINDS.get(code, "기타 안내")


def kind_choices() -> list[tuple[str, str]]:
    """The registered kinds as model-field choices (a callable, so the migration does not list them)."""
    return list(KINDS.items())


@dataclass(frozen=True)
class About:
    model: str  # "cases.case": app label and model name, lower case
    label: str  # "민원"
    describe: Callable[
        [object], str
    ]  # one object → a short Korean name without personal data ("2026-000123")
    url: Callable[[int], str] | None = None  # object id → its page in the back office


ABOUTS: dict[str, About] = {}


def register_about(about: About) -> None:
    ABOUTS[about.model] = about


def about_key(obj) -> str:
    return obj._meta.label_lower


def about_for(model: str) -> About | None:
    return ABOUTS.get(model)
