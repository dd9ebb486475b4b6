"""The periodic checks: compensation for promises missed without contact, reminders before deadlines."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import F, Min, Q

from chinjeol.charter import queries as charter_queries
from chinjeol.charter.calendar import format_dt_ko
from chinjeol.compensation.services import compensation_record
from chinjeol.notify.models import Message
from chinjeol.notify.services import message_queue

from .. import rules
from ..models import Case, CaseEvent
from .common import _event

Status = Case.Status


def compensation_check(*, now: datetime, limit: int = 5000) -> int:
    """Record a compensation entry for each case whose promised deadline passed with no interim
    contact before it [C11]. Idempotent: a case is never compensated twice."""
    candidates = (
        Case.objects.filter(promise_due_at__lt=now)
        .exclude(status__in=[Status.TRANSFERRED, Status.WITHDRAWN])
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gt=F("promise_due_at")))
        .annotate(first_interim=Min("events__at", filter=Q(events__kind=CaseEvent.Kind.INTERIM)))
        .filter(Q(first_interim__isnull=True) | Q(first_interim__gt=F("promise_due_at")))
        .select_related("assignee", "department")
        .order_by("promise_due_at")[:limit]
    )
    amount = None
    created = 0
    for case in candidates:
        if not rules.compensation_owed(
            status=case.status,
            promise_due_at=case.promise_due_at,
            interim_last_at=case.interim_last_at,
            first_interim_at=case.first_interim,
            closed_at=case.closed_at,
            now=now,
        ):
            continue
        if amount is None:
            amount = charter_queries.compensation_amount(now)
        with transaction.atomic():
            _entry, was_created = compensation_record(
                reason="deadline_missed",
                occurred_at=case.promise_due_at,
                recipient_name=case.customer_name,
                source_type="case",
                source_id=case.pk,
                source_label=f"{case.receipt_no} {case.title}"[:200],
                staff=case.assignee,
                department=case.department,
                amount=amount,
                note="헌장 약속 기한까지 처리·중간연락 없음",
            )
            if was_created:
                _event(
                    case,
                    CaseEvent.Kind.COMPENSATION,
                    by=None,
                    at=now,
                    note=f"보상 {amount:,}원 발생(기한 경과)",
                )
                created += 1
    return created


def reminders_check(*, now: datetime) -> int:
    """Remind handlers of open cases due within 8 working hours (once per case and deadline)."""
    calendar = charter_queries.calendar_for()
    horizon = calendar.add_working_hours(now, 8)
    sent = 0
    cases = Case.objects.due_between(now, horizon).filter(assignee__isnull=False).select_related("assignee")
    for case in cases:
        if not case.assignee.email:
            continue
        subject = f"[처리기한 임박] {case.receipt_no} {case.title}"[:200]
        with transaction.atomic():
            message = message_queue(
                kind="reminder",
                channel=Message.Channel.EMAIL,
                recipient=case.assignee.email,
                subject=subject,
                template="notify/reminder.txt",
                now=now,
                about=case,
                context={"case": case, "handler": case.assignee, "due": format_dt_ko(case.due_at)},
                key=f"reminder:{case.pk}:{case.due_at.timestamp():.0f}",  # once per case and deadline
            )
        sent += not message.was_queued_before
    return sent
