"""Small per-process caches for data that changes rarely and is read on every request.

Each web process keeps its own copy for a few seconds; nothing that another process needs lives only
here, so several web processes stay consistent within the time-to-live."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import wraps


def ttl_cached(seconds: float) -> Callable:
    """Cache a function's result per argument tuple for `seconds`; `fn.cache_clear()` empties it."""

    def decorator(fn):
        store: dict = {}
        lock = threading.Lock()

        @wraps(fn)
        def wrapper(*args):
            now = time.monotonic()
            hit = store.get(args)
            if hit is not None and now - hit[0] < seconds:
                return hit[1]
            value = fn(*args)
            with lock:
                store[args] = (now, value)
                if len(store) > 10_000:
                    store.clear()
            return value

        def cache_clear():
            with lock:
                store.clear()

        wrapper.cache_clear = cache_clear
        return wrapper

    return decorator


_clearers: list[Callable[[], None]] = []


def register_clear(fn: Callable[[], None]) -> None:
    _clearers.append(fn)


def clear_all() -> None:
    for fn in _clearers:
        fn()
