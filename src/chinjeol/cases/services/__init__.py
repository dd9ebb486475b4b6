"""Writes to cases: each service is one transaction that appends its event and queues its notice."""

from .checks import compensation_check, reminders_check
from .common import handler_of
from .intake import CaseIntake, case_register
from .steps import (
    case_assign,
    case_close,
    case_extend,
    case_interim_notice,
    case_start,
    case_transfer,
    case_withdraw,
)

__all__ = [
    "CaseIntake",
    "case_assign",
    "case_close",
    "case_extend",
    "case_interim_notice",
    "case_register",
    "case_start",
    "case_transfer",
    "case_withdraw",
    "compensation_check",
    "handler_of",
    "reminders_check",
]
