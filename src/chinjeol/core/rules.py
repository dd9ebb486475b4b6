"""Pure rules of the common layer: no ORM, no clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta


def lockout_until(
    failures: Iterable[datetime], *, now: datetime, max_failures: int, window: timedelta
) -> datetime | None:
    """When `max_failures` or more failures fall inside the window before `now`, the account
    is locked until a full window has passed since the latest failure; otherwise None."""
    recent = sorted(at for at in failures if now - window < at <= now)
    if len(recent) < max_failures:
        return None
    return recent[-1] + window


def subtree_ids(root_ids: Iterable[int], parent_of: Mapping[int, int | None]) -> set[int]:
    """All department ids under (and including) the roots, from a child → parent map."""
    children: dict[int, list[int]] = {}
    for child, parent in parent_of.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    result: set[int] = set()
    stack = [r for r in root_ids if r in parent_of]
    while stack:
        node = stack.pop()
        if node in result:
            continue
        result.add(node)
        stack.extend(children.get(node, ()))
    return result


def client_ip(meta: Mapping[str, str], *, trust_forwarded: bool) -> str | None:
    if trust_forwarded:
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip() or None
    return meta.get("REMOTE_ADDR") or None
