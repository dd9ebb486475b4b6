from .exports import volumes
from .pages import (
    callbacks,
    console,
    console_live,
    dashboard_333,
    extensions,
    wallboard,
    wallboard_live,
)

__all__ = [
    "callbacks",
    "console",
    "console_live",
    "dashboard_333",
    "extensions",
    "volumes",
    "wallboard",
    "wallboard_live",
]
