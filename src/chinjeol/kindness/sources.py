"""Where mileage comes from: each app that feeds the ledger registers its sources here, from its
`AppConfig.ready()`, with a Korean name and a way to link an entry to the event that caused it.
`mileage_record` refuses a source nobody registered, so every point stays traceable."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# entries of one source type, the user who looks → {entry id: url}
Linker = Callable[[list, object], dict[int, str]]


@dataclass(frozen=True)
class MileageSource:
    source_type: str
    label: str
    links: Linker | None = None


_SOURCES: dict[str, MileageSource] = {}


def register(source: MileageSource) -> None:
    if not source.source_type or len(source.source_type) > 30:
        raise ValueError(f"source type must be 1–30 characters: {source.source_type!r}")
    _SOURCES[source.source_type] = source


def is_registered(source_type: str) -> bool:
    return source_type in _SOURCES


def registered() -> tuple[MileageSource, ...]:
    return tuple(_SOURCES.values())


def source_name(source_type: str) -> str:
    source = _SOURCES.get(source_type)
    return source.label if source else source_type


def source_links(entries: Iterable, user) -> dict[int, str]:
    """entry id → a page showing its source, for the entries whose source the user may open."""
    by_type: dict[str, list] = defaultdict(list)
    for entry in entries:
        by_type[entry.source_type].append(entry)
    links: dict[int, str] = {}
    for source_type, group in by_type.items():
        source = _SOURCES.get(source_type)
        if source is not None and source.links is not None:
            links.update(source.links(group, user))
    return links


def register_own_sources() -> None:
    """The sources of the kindness app itself (called from KindnessConfig.ready())."""

    def reversal_links(entries: list, user) -> dict[int, str]:
        return {e.pk: f"#entry-{e.reverses_id}" for e in entries if e.reverses_id}

    for source in (
        MileageSource("inspection", "점검 결과 등록"),
        MileageSource("upload", "파일 일괄 등록"),
        MileageSource("api", "연계 등록(API)"),
        MileageSource("reversal", "정정 기록", reversal_links),
        MileageSource("demo", "시연 자료"),
    ):
        register(source)
