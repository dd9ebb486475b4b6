from .boards import BestCase, BroadcastRequest, PostStatus, PraisePost
from .initiatives import Initiative, InitiativeProgress
from .relay import Recommendation, SmileSelection
from .reports import Evidence, PreventionMeasure, Report, ReportCounter, ReportEvent, ReportOfficial
from .tasks import Task

__all__ = [
    "BestCase",
    "BroadcastRequest",
    "Evidence",
    "Initiative",
    "InitiativeProgress",
    "PostStatus",
    "PraisePost",
    "PreventionMeasure",
    "Recommendation",
    "Report",
    "ReportCounter",
    "ReportEvent",
    "ReportOfficial",
    "SmileSelection",
    "Task",
]
