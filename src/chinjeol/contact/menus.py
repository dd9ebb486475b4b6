"""The call-centre pages in the navigation (`ContactConfig.ready()` calls `register_menus()`)."""

from __future__ import annotations


def register_menus() -> None:
    return None
