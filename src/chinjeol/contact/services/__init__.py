"""Services of the call centre (they write; `queries` reads)."""

from .callbacks import callback_create, callback_done, callbacks_match
from .imports import ImportResult, cdr_import, queue_log_import
from .records import call_link_case, call_mark_resolved, extensions_remap

__all__ = [
    "ImportResult",
    "call_link_case",
    "call_mark_resolved",
    "callback_create",
    "callback_done",
    "callbacks_match",
    "cdr_import",
    "extensions_remap",
    "queue_log_import",
]
