"""Pure rules of the common layer: no ORM, no clock."""

from __future__ import annotations

import ipaddress
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


def client_ip(meta: Mapping[str, str], *, proxy_hops: int) -> str | None:
    """The client's address when `proxy_hops` proxies of our own stand in front of the application.

    Each proxy appends the address it received the request from to X-Forwarded-For, and the last proxy is
    the peer (REMOTE_ADDR). Only the entries our proxies wrote can be believed: counting from the right,
    the chain `X-Forwarded-For + [REMOTE_ADDR]` holds the client at position `proxy_hops`. Whatever a client
    writes into the header itself sits further left and is never read. With 0 hops the header is ignored.
    A chain shorter than the hop count gives its leftmost entry (every entry came from our proxies); an entry
    that is not an IP address gives the peer."""
    remote = _ip_or_none(meta.get("REMOTE_ADDR", ""))
    if proxy_hops <= 0:
        return remote
    chain = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain.append(meta.get("REMOTE_ADDR", ""))
    candidate = chain[max(len(chain) - 1 - proxy_hops, 0)]
    return _ip_or_none(candidate) or remote


def _ip_or_none(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None
