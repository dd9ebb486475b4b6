"""What other apps do when something happens to a case (e.g. the happy-call survey after the result notice).

The cases app knows none of them: an app registers a callable in its `AppConfig.ready()`; the cases services
call every registered one inside the transaction of the step, so what they write commits or rolls back with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

ClosedHook = Callable[[object, datetime], None]  # (case, now)

_ON_CLOSED: dict[str, ClosedHook] = {}


def on_closed(name: str, hook: ClosedHook) -> None:
    """Call `hook(case, now)` whenever a case is closed with its result notice."""
    _ON_CLOSED[name] = hook


def case_closed(case, now: datetime) -> None:
    for hook in _ON_CLOSED.values():
        hook(case, now)
