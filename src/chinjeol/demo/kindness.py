"""Demo data for kindness."""


def build(scale: float = 1.0) -> None:
    """Filled in with the kindness capability."""
