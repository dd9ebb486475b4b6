"""Writes of the community app. Views, the API and the demo call these only."""

from .boards import (
    PraiseIntake,
    best_case_from_report,
    best_case_moderate,
    best_case_submit,
    broadcast_decide,
    broadcast_request,
    praise_post_approve,
    praise_post_hide,
    praise_post_submit,
)
from .initiatives import initiative_progress_add, initiative_report, initiative_save
from .relay import relay_recommend, smile_select
from .reports import (
    PreventionInput,
    ReportIntake,
    report_evidence_add,
    report_from_case,
    report_investigate,
    report_official_add,
    report_official_remove,
    report_receive,
    report_substantiate,
    report_unsubstantiate,
)
from .tasks import encouragement_check, task_complete

__all__ = [
    "PraiseIntake",
    "PreventionInput",
    "ReportIntake",
    "best_case_from_report",
    "best_case_moderate",
    "best_case_submit",
    "broadcast_decide",
    "broadcast_request",
    "encouragement_check",
    "initiative_progress_add",
    "initiative_report",
    "initiative_save",
    "praise_post_approve",
    "praise_post_hide",
    "praise_post_submit",
    "relay_recommend",
    "report_evidence_add",
    "report_from_case",
    "report_investigate",
    "report_official_add",
    "report_official_remove",
    "report_receive",
    "report_substantiate",
    "report_unsubstantiate",
    "smile_select",
    "task_complete",
]
