"""Demo data for cases."""


def build() -> None:
    """Filled in with the cases capability."""
