"""Pure rules of the common layer: no ORM, no clock."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping, Sequence


def lockout_count(counts: Sequence[int], limits: Sequence[int], limit: int) -> int:
    """Failures measured against one `limit` when each lockout group has a limit of its own (e.g. 5 for one
    name from one address, 20 for one address whatever the name): each group's count is scaled so that it
    reaches `limit` exactly when it reaches its own limit. The result reaches `limit` if and only if some
    group reached its own."""
    return max((count * limit // own for count, own in zip(counts, limits, strict=True)), default=0)


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
