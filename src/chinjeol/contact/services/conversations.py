"""SMS and chat conversations: inbound messages (masked and checked before they are stored, then the
protection protocol: warning, end, incident), replies through the notify layer, a case from a conversation,
and the end of a conversation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction

from chinjeol.core.errors import DomainError
from chinjeol.korean.abuse.textcheck import check_text
from chinjeol.korean.pii import mask_phone
from chinjeol.notify.models import Message
from chinjeol.notify.services import message_queue
from chinjeol.protection import conf as protection_conf
from chinjeol.protection import rules as protection_rules
from chinjeol.protection import services as protection

from ..conf import number_identity
from ..models import ChatMessage, Conversation

MAX_TEXT = 2000


@dataclass
class Received:
    conversation: Conversation
    message: ChatMessage
    duplicate: bool
    decision: protection_rules.Decision


def _mask_address(channel: str, address: str) -> str:
    if channel == Conversation.Channel.SMS:
        return (mask_phone(address) or address)[:40]
    return (address[:4] + "****")[:40]


def message_receive(
    *, channel: str, sender: str, to: str, text: str, provider: str, provider_message_id: str, now: datetime
) -> Received:
    """One inbound message, once per (provider, provider message id). The text is masked and checked first;
    only the masked text is stored."""
    if channel not in Conversation.Channel.values:
        raise DomainError("invalid", "경로는 sms 또는 chat이어야 합니다.", field="channel")
    sender = sender.strip()
    if not sender:
        raise DomainError("required", "보낸 사람(from)이 없습니다.", field="from")
    if not text.strip():
        raise DomainError("required", "내용(text)이 없습니다.", field="text")
    existing = _existing(provider, provider_message_id)
    if existing is not None:
        return existing
    check = check_text(text[:MAX_TEXT])  # masked and checked before anything is stored
    try:
        with transaction.atomic():
            return _store(channel, sender, to, check, provider, provider_message_id, now)
    except IntegrityError:
        found = _existing(provider, provider_message_id)
        if found is None:
            raise
        return found


def _existing(provider: str, provider_message_id: str) -> Received | None:
    message = (
        ChatMessage.objects.select_related("conversation")
        .filter(provider=provider, provider_message_id=provider_message_id)
        .first()
    )
    if message is None:
        return None
    decision = protection_rules.Decision(
        message.action or "none", protection_rules.main_category(message.labels), 0
    )
    return Received(message.conversation, message, True, decision)


def _store(channel, sender, to, check, provider, provider_message_id, now) -> Received:
    conversation = (
        Conversation.objects.select_for_update()
        .filter(channel=channel, address=sender, status=Conversation.Status.OPEN)
        .order_by("-last_at")
        .first()
    )
    if conversation is None:
        number_hash = number_identity(sender)[0] if channel == Conversation.Channel.SMS else ""
        conversation = Conversation.objects.create(
            channel=channel, provider=provider, address=sender[:100], address_masked=_mask_address(channel, sender),
            number_hash=number_hash, service_address=to[:60], started_at=now, last_at=now,
        )  # fmt: skip
    labels = check.abuse.labels
    decision = protection_rules.protocol_decision(
        labels, offences_before=conversation.offences, policy=protection_conf.policy()
    )
    message = ChatMessage.objects.create(
        conversation=conversation,
        direction=ChatMessage.Direction.INBOUND,
        author=ChatMessage.Author.CITIZEN,
        text=check.masked,
        provider=provider,
        provider_message_id=provider_message_id or None,
        abuse_labels=",".join(labels),
        severity=check.abuse.severity if labels else "",
        action="" if decision.action == "none" else decision.action,
        at=now,
    )
    conversation.last_at = now
    fields = ["last_at"]
    if decision.action != "none":
        conversation.offences += 1
        conversation.alert_action, conversation.alert_category = decision.action, decision.category
        fields += ["offences", "alert_action", "alert_category"]
        _notice(conversation, decision, now)
        if decision.action == "end":
            conversation.status, conversation.ended_at = Conversation.Status.ENDED, now
            conversation.end_reason = Conversation.EndReason.ABUSE
            fields += ["status", "ended_at", "end_reason"]
    conversation.save(update_fields=fields)
    if decision.action != "none":
        protection.incident_from_message(
            conversation=conversation, text=check.masked, decision=decision, now=now
        )
    return Received(conversation, message, False, decision)


def _notice(conversation: Conversation, decision, now: datetime) -> None:
    """The automatic warning (or end) message to the citizen, through the notify layer."""
    kind = "abuse_end" if decision.action == "end" else "abuse_warning"
    notice = message_queue(
        kind=kind,
        channel=conversation.channel,
        recipient=conversation.address,
        subject="상담 종료 안내" if decision.action == "end" else "폭언 경고",
        template="contact/chat_reply.txt",
        context={"text": decision.notice},
        now=now,
        about=conversation,
        key=f"{kind}:{conversation.pk}:{conversation.offences}",
    )
    ChatMessage.objects.create(
        conversation=conversation, direction=ChatMessage.Direction.OUTBOUND, author=ChatMessage.Author.SYSTEM,
        text=decision.notice, notice=notice, action=decision.action, at=now,
    )  # fmt: skip


def _open(conversation_id: int) -> Conversation:
    conversation = Conversation.objects.select_for_update().filter(pk=conversation_id).first()
    if conversation is None:
        raise DomainError("not_found", "상담을 찾을 수 없습니다.", status=404)
    return conversation


@transaction.atomic
def conversation_reply(*, conversation_id: int, staff, text: str, now: datetime) -> ChatMessage:
    conversation = _open(conversation_id)
    if conversation.status != Conversation.Status.OPEN:
        raise DomainError("conflict", "끝난 상담에는 답할 수 없습니다.", status=409)
    text = text.strip()
    if not text:
        raise DomainError("required", "보낼 내용을 입력하세요.", field="text")
    if len(text) > MAX_TEXT:
        raise DomainError("too_long", f"답변은 {MAX_TEXT:,}자 이하로 입력하세요.", field="text")
    notice = message_queue(
        kind="chat_reply", channel=conversation.channel, recipient=conversation.address, subject="상담 답변",
        template="contact/chat_reply.txt", context={"text": text}, now=now, about=conversation,
    )  # fmt: skip
    if conversation.staff_id is None and staff is not None:
        conversation.staff = staff
    conversation.last_at = now
    conversation.save(update_fields=["staff", "last_at"])
    return ChatMessage.objects.create(
        conversation=conversation, direction=ChatMessage.Direction.OUTBOUND,
        author=ChatMessage.Author.COUNSELLOR, text=notice.body, staff=staff, notice=notice, at=now,
    )  # fmt: skip


@transaction.atomic
def conversation_take(*, conversation_id: int, staff) -> Conversation:
    conversation = _open(conversation_id)
    if conversation.staff_id is None and staff is not None:
        conversation.staff = staff
        conversation.save(update_fields=["staff"])
    return conversation


@transaction.atomic
def conversation_end(*, conversation_id: int, staff, now: datetime) -> Conversation:
    conversation = _open(conversation_id)
    if conversation.status != Conversation.Status.OPEN:
        raise DomainError("conflict", "이미 끝난 상담입니다.", status=409)
    conversation.status, conversation.ended_at = Conversation.Status.ENDED, now
    conversation.end_reason = Conversation.EndReason.DONE
    if conversation.staff_id is None and staff is not None:
        conversation.staff = staff
    conversation.save(update_fields=["status", "ended_at", "end_reason", "staff"])
    return conversation


@transaction.atomic
def conversation_to_case(*, conversation_id: int, staff, title: str, customer_name: str, now: datetime):
    """Register a case from the conversation (its masked inbound messages are the body) and link it."""
    from chinjeol.cases.services import CaseIntake, case_register

    conversation = _open(conversation_id)
    if conversation.case_id:
        raise DomainError("conflict", "이미 민원으로 접수한 상담입니다.", status=409)
    lines = [m.text for m in conversation.messages.filter(direction=ChatMessage.Direction.INBOUND)]
    body = "\n".join(lines) or "(내용 없음)"
    intake = CaseIntake(
        channel=conversation.channel,
        kind="inquiry",
        title=(title.strip() or lines[0][:60] if lines else title.strip())[:200],
        body=f"[{conversation.get_channel_display()} 상담 #{conversation.pk}]\n{body}",
        customer_name=customer_name.strip() or "문자·채팅 민원인",
        customer_phone=conversation.address if conversation.channel == Message.Channel.SMS else "",
        received_at=now,
    )
    case = case_register(intake=intake, by=staff.user if staff else None, now=now)
    conversation.case = case
    if conversation.staff_id is None and staff is not None:
        conversation.staff = staff
    conversation.save(update_fields=["case", "staff"])
    return case
