"""Writes of the training app (courses, learning and completion, assignments and their notices)."""

from .assignments import assign, assign_one, gaps_chase, reminders_send
from .courses import course_create, material_add, question_add
from .learning import (
    attendance_record,
    completion_record,
    completions_bulk,
    cycle_of,
    material_viewed,
    quiz_submit,
    session_create,
)
from .statements import as_xapi, statement_record

__all__ = [
    "as_xapi",
    "assign",
    "assign_one",
    "attendance_record",
    "completion_record",
    "completions_bulk",
    "course_create",
    "cycle_of",
    "gaps_chase",
    "material_add",
    "material_viewed",
    "question_add",
    "quiz_submit",
    "reminders_send",
    "session_create",
    "statement_record",
]
