"""Writes of the visits app, by what they know: the counter, field visits, the expert room, meetings."""

from .counter import visit_cancel, visit_guide, visit_log
from .experts import (
    booking_cancel,
    booking_record,
    booking_request,
    reminders_send,
    slot_allocate,
    slot_open,
    slots_allocate_due,
)
from .field import (
    field_visit_called,
    field_visit_cancel,
    field_visit_follow_up_done,
    field_visit_notices_send,
    field_visit_record,
    field_visit_schedule,
)
from .meetings import meeting_log

__all__ = [
    "booking_cancel",
    "booking_record",
    "booking_request",
    "field_visit_called",
    "field_visit_cancel",
    "field_visit_follow_up_done",
    "field_visit_notices_send",
    "field_visit_record",
    "field_visit_schedule",
    "meeting_log",
    "reminders_send",
    "slot_open",
    "slot_allocate",
    "slots_allocate_due",
    "visit_cancel",
    "visit_guide",
    "visit_log",
]
