"""Logging helpers."""

from __future__ import annotations

import logging


class OneLine(logging.Filter):
    """Drops the traceback of a record: its message alone says what was refused (e.g. a host not in
    ALLOWED_HOSTS), and a client can provoke it at will, so a traceback per request only floods the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
