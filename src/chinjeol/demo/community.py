"""Demo data for community."""


def build() -> None:
    """Filled in with the community capability."""
