"""Writes of the quality programmes (by what each part knows)."""

from .calibration import calibration_create
from .evaluations import (
    EVALUATE_ROLES,
    dispute_open,
    dispute_review,
    evaluable_staff,
    evaluation_record,
    sheet_specs,
)
from .mystery import action_create, action_update, meeting_record, plan_create

__all__ = [
    "EVALUATE_ROLES",
    "action_create",
    "action_update",
    "calibration_create",
    "dispute_open",
    "dispute_review",
    "evaluable_staff",
    "evaluation_record",
    "meeting_record",
    "plan_create",
    "sheet_specs",
]
