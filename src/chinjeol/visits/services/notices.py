"""The visits' messages to citizens, through notify (one row per message, sent by the worker)."""

from __future__ import annotations

from datetime import datetime

from chinjeol.notify.models import Message
from chinjeol.notify.services import message_queue

KINDS = {
    "field_visit_notice": "현장 방문 사전 안내",
    "field_visit_outcome": "현장 방문 후속 처리 결과",
    "expert_booking": "전문가 상담 예약 안내",
    "expert_reminder": "전문가 상담 전날 알림",
}


def sms(
    *,
    kind: str,
    phone: str,
    subject: str,
    template: str,
    context: dict,
    now: datetime,
    key: str | None = None,
    about=None,
):
    return message_queue(
        kind=kind,
        channel=Message.Channel.SMS,
        recipient=phone,
        subject=subject,
        template=template,
        context=context,
        now=now,
        key=key,
        about=about,
    )
