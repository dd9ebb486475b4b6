"""The one place the surveys hand a message to notify: the happy-call SMS of a case and a survey invitation."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse

from chinjeol.notify.models import Message
from chinjeol.notify.services import message_queue
from chinjeol.organization.models import Agency


def _agency() -> str:
    agency = Agency.objects.first()
    return agency.name if agency else "기관"


def _site(path: str) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}{path}"


def queue_happy_call(call, *, now: datetime) -> Message | None:
    """The happy-call SMS (or e-mail without a mobile number), held until `call.send_at`."""
    case = call.case
    if case.customer_phone:
        channel, recipient = Message.Channel.SMS, case.customer_phone
    elif case.customer_email:
        channel, recipient = Message.Channel.EMAIL, case.customer_email
    else:
        return None
    return message_queue(
        kind="happy_call",
        channel=channel,
        recipient=recipient,
        subject=f"[{_agency()}] 민원 처리 만족도 조사 ({case.receipt_no})",
        template="surveys/happy_call_sms.txt",
        context={
            "agency": _agency(),
            "case": case,
            "url": _site(reverse("surveys:happy_answer", args=[call.token])),
            "expires_at": call.expires_at,
        },
        now=now,
        about=case,
        send_at=call.send_at,
        key=f"happy-call-{case.pk}",
    )


def queue_survey_invitation(survey, *, phone: str, now: datetime) -> Message:
    return message_queue(
        kind="survey",
        channel=Message.Channel.SMS,
        recipient=phone,
        subject=f"[{_agency()}] {survey.title}",
        template="surveys/invitation_sms.txt",
        context={
            "agency": _agency(),
            "survey": survey,
            "url": _site(reverse("surveys:answer", args=[survey.token]) + "?via=sms"),
        },
        now=now,
        about=survey,
    )
