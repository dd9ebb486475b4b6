"""Writes of counsellor protection: incidents from the chat protocol and from the console's 폭언 신고 button,
support given to the counsellor, and the flags of repeat callers."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction

from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.korean.pii import mask_pii

from . import conf, rules
from .models import CallerFlag, Incident, IncidentEvent, SupportRecord
from .permissions import can_approve

EXCERPT_MAX = 2000


def _excerpt(previous: str, text: str) -> str:
    line = mask_pii(text.strip()).text
    joined = f"{previous}\n{line}" if previous else line
    return joined[-EXCERPT_MAX:]


@transaction.atomic
def incident_from_message(*, conversation, text: str, decision: rules.Decision, now: datetime) -> Incident:
    """An abusive inbound message of a conversation: the conversation's incident (one per conversation) gets
    the excerpt, the warning or the end, and the number's flag is refreshed."""
    incident = Incident.objects.select_for_update().filter(conversation=conversation).first()
    staff = conversation.staff
    if incident is None:
        incident = Incident.objects.create(
            channel=conversation.channel,
            category=decision.category,
            staff=staff,
            department_id=staff.department_id if staff else None,
            conversation=conversation,
            number_hash=conversation.number_hash,
            number_masked=conversation.address_masked,
            occurred_at=now,
        )
    if rules.LABELS.index(decision.category) < rules.LABELS.index(incident.category):
        incident.category = decision.category  # the most serious label so far
    if incident.staff_id is None and staff is not None:
        incident.staff, incident.department_id = staff, staff.department_id
    incident.excerpt = _excerpt(incident.excerpt, text)
    IncidentEvent.record(incident, IncidentEvent.Kind.MESSAGE, by=None, at=now,
                         note=f"[{decision.category_name}] {text.strip()[:500]}")  # fmt: skip
    if decision.action == "warn":
        incident.warnings_given += 1
        IncidentEvent.record(incident, IncidentEvent.Kind.WARNED, by=None, at=now, note=decision.notice)
    elif decision.action == "end":
        incident.ended = True
        IncidentEvent.record(incident, IncidentEvent.Kind.ENDED, by=None, at=now, note=decision.notice)
    incident.save()
    flag_refresh(number_hash=incident.number_hash, now=now)
    return incident


@transaction.atomic
def incident_report_call(
    *, call_key: str, number_hash: str, number_masked: str, staff, category: str, note: str, now: datetime
) -> Incident:
    """The console's 폭언 신고 button: an incident on a call (one per call and counsellor; a second press adds
    to its timeline)."""
    if category not in Incident.Category.values:
        raise DomainError("invalid", "폭언 분류를 고르세요.", field="category")
    if not call_key:
        raise DomainError("invalid", "신고할 통화가 없습니다.", field="call")
    incident = Incident.objects.select_for_update().filter(call_key=call_key, staff=staff).first()
    if incident is None:
        incident = Incident.objects.create(
            channel=Incident.Channel.VOICE,
            category=category,
            staff=staff,
            department_id=staff.department_id if staff else None,
            call_key=call_key,
            number_hash=number_hash,
            number_masked=number_masked,
            occurred_at=now,
            reported_by=staff,
        )
    elif rules.LABELS.index(category) < rules.LABELS.index(incident.category):
        incident.category = category
    if note.strip():
        incident.excerpt = _excerpt(incident.excerpt, note)
    incident.save()
    label = rules.LABEL_NAMES[category]
    IncidentEvent.record(incident, IncidentEvent.Kind.REPORTED, by=getattr(staff, "user", None), at=now,
                         note=f"[{label}] {note.strip()[:500]}".strip())  # fmt: skip
    flag_refresh(number_hash=number_hash, now=now)
    return incident


@transaction.atomic
def support_record(
    *, incident: Incident, kind: str, by_user, minutes: int | None, note: str, now: datetime
) -> SupportRecord:
    """Rest (minutes), a counselling referral or legal support, approved by the counsellor's supervisor."""
    if not can_approve(by_user, incident):
        raise PermissionDenied("상담사의 관리자(부서장) 또는 고객만족 담당관만 승인할 수 있습니다.")
    if kind not in SupportRecord.Kind.values:
        raise DomainError("invalid", "지원 구분을 고르세요.", field="kind")
    if kind == SupportRecord.Kind.REST and not (minutes and 1 <= minutes <= 480):
        raise DomainError("invalid", "휴식 시간은 1–480분으로 입력하세요.", field="minutes")
    record = SupportRecord.objects.create(
        incident=incident,
        kind=kind,
        minutes=minutes if kind == SupportRecord.Kind.REST else None,
        note=note.strip()[:500],
        approved_by=by_user.staff,
        at=now,
    )
    event = {"rest": IncidentEvent.Kind.REST, "counselling": IncidentEvent.Kind.REFERRAL,
             "legal": IncidentEvent.Kind.LEGAL}[kind]  # fmt: skip
    summary = f"휴식 {minutes}분 승인" if kind == SupportRecord.Kind.REST else record.get_kind_display()
    IncidentEvent.record(incident, event, by=by_user, at=now, note=summary)
    return record


@transaction.atomic
def incident_close(*, incident: Incident, by_user, now: datetime) -> Incident:
    if not can_approve(by_user, incident):
        raise PermissionDenied("상담사의 관리자(부서장) 또는 고객만족 담당관만 조치를 마칠 수 있습니다.")
    if incident.status == Incident.Status.CLOSED:
        raise DomainError("conflict", "이미 조치를 마친 사건입니다.", status=409)
    incident.status = Incident.Status.CLOSED
    incident.save(update_fields=["status"])
    IncidentEvent.record(
        incident, IncidentEvent.Kind.CLOSED, by=by_user, at=now, before="open", after="closed"
    )
    return incident


def flag_refresh(*, number_hash: str, now: datetime) -> CallerFlag | None:
    """Flag the number once its incidents in the window reach the threshold (rules.is_repeat_caller)."""
    if not number_hash:
        return None
    policy = conf.policy()
    since = now - timedelta(days=policy.repeat_window_days)
    times = list(
        Incident.objects.filter(number_hash=number_hash, occurred_at__gte=since).values_list(
            "occurred_at", flat=True
        )
    )
    flag = CallerFlag.objects.filter(number_hash=number_hash).first()
    if not rules.is_repeat_caller(times, now=now, policy=policy):
        return flag
    if flag is None:
        return CallerFlag.objects.create(
            number_hash=number_hash, incidents=len(times), first_at=now, last_incident_at=max(times)
        )
    flag.incidents, flag.last_incident_at, flag.active = len(times), max(times), True
    flag.save(update_fields=["incidents", "last_incident_at", "active"])
    return flag
