"""Demo data for kindness."""


def build() -> None:
    """Filled in with the kindness capability."""
