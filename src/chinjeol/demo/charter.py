"""Demo data for charter."""


def build() -> None:
    """Filled in with the charter capability."""
