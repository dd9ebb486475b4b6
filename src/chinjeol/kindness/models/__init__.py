"""Kindness evaluation data: items and score settings with their history, the mileage ledger, department
deductions and published period snapshots."""

from .items import EvaluationItem, EvaluationItemVersion, ScoreSettings
from .ledger import DepartmentDeduction, MileageEntry, Signal
from .snapshots import PeriodSnapshot, SnapshotAction, SnapshotDepartment, SnapshotStaff

__all__ = [
    "DepartmentDeduction",
    "EvaluationItem",
    "EvaluationItemVersion",
    "MileageEntry",
    "PeriodSnapshot",
    "ScoreSettings",
    "Signal",
    "SnapshotAction",
    "SnapshotDepartment",
    "SnapshotStaff",
]
