"""Charter compliance from calls."""

from __future__ import annotations


def register_compliance() -> None:
    return None
