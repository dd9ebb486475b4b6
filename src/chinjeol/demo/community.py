"""Demo data for community."""


def build(scale: float = 1.0) -> None:
    """Filled in with the community capability."""
