"""Writes of the surveys app: each service is one transaction."""

from .happy import (
    catch_call_done,
    happy_call_answer,
    happy_call_schedule,
    happy_call_unreachable,
)
from .surveys import (
    question_add,
    question_remove,
    survey_create,
    survey_invite,
    survey_publish,
    survey_set_status,
    survey_submit,
)

__all__ = [
    "catch_call_done",
    "happy_call_answer",
    "happy_call_schedule",
    "happy_call_unreachable",
    "question_add",
    "question_remove",
    "survey_create",
    "survey_invite",
    "survey_publish",
    "survey_set_status",
    "survey_submit",
]
