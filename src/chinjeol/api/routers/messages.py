"""SMS and chat: the provider-neutral inbound webhook. Every message is masked and checked before it is stored;
an abusive one is answered by the protection protocol (warning, end, incident)."""

from __future__ import annotations

from typing import Literal

from django.utils import timezone
from ninja import Field, Router, Schema, Status

from chinjeol.api.idempotency import idempotent
from chinjeol.contact.services import conversations
from chinjeol.core.access import has_role
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.roles import Role

router = Router(tags=["문자·채팅"])
# Like the CTI webhook: the gateway's integration account (a token of a CS officer or staff account).
INBOUND_ROLES = (Role.CS_OFFICER, Role.STAFF)


class InboundIn(Schema):
    from_: str = Field(
        ..., alias="from", min_length=1, max_length=100, description="보낸 사람: 전화번호 또는 채팅 사용자 키"
    )
    to: str = Field("", max_length=60, description="받은 번호 또는 채널 (예: 120, @한빛구청)")
    text: str = Field(..., min_length=1, max_length=conversations.MAX_TEXT, description="메시지 내용")
    channel: Literal["sms", "chat"] = Field(..., description="sms(문자) 또는 chat(채팅)")
    provider: str = Field("", max_length=40, description="게이트웨이 이름 (예: kakao, nhncloud)")
    provider_message_id: str = Field(
        ..., min_length=1, max_length=100, description="게이트웨이의 메시지 ID: 같은 ID는 한 번만 저장합니다"
    )


class InboundOut(Schema):
    conversation: int = Field(..., description="상담 ID")
    message: int = Field(..., description="저장한 메시지 ID")
    duplicate: bool = Field(..., description="이미 받은 메시지였는지")
    masked: str = Field(..., description="저장한 글 (개인정보 가림)")
    labels: list[Literal["profanity", "threat", "sexual"]] = Field(..., description="찾은 폭언 분류")
    action: Literal["none", "warn", "end"] = Field(
        ..., description="응대 절차: none, warn(경고 발송), end(상담 종료)"
    )
    conversation_status: Literal["open", "ended"]


@router.post(
    "/inbound",
    response={200: InboundOut, 201: InboundOut},
    summary="문자·채팅 메시지 받기 (게이트웨이 웹훅)",
    description="문자·채팅 게이트웨이가 시민이 보낸 메시지를 넘깁니다. 저장하기 전에 개인정보를 가리고 욕설·위협·"
    "성희롱을 검사합니다. 폭언이면 시민에게 경고를 보내고, 응대 절차(위협·성희롱은 한 번 안내 후 종료, 욕설은 두 번째에 "
    "종료)에 따라 상담을 끝내며 폭언 사건으로 기록합니다. 같은 (provider, provider_message_id)는 한 번만 저장하고 "
    "다시 보내면 200과 duplicate=true로 답합니다. CTI 웹훅처럼 연계 계정의 토큰으로 인증합니다.",
)
@idempotent
def inbound(request, payload: InboundIn):
    if not has_role(request.auth, *INBOUND_ROLES):
        raise PermissionDenied("문자·채팅 메시지를 넘길 권한이 없습니다.")
    got = conversations.message_receive(
        channel=payload.channel,
        sender=payload.from_,
        to=payload.to,
        text=payload.text,
        provider=payload.provider,
        provider_message_id=payload.provider_message_id,
        now=timezone.now(),
    )
    body = {
        "conversation": got.conversation.pk,
        "message": got.message.pk,
        "duplicate": got.duplicate,
        "masked": got.message.text,
        "labels": got.message.labels,
        "action": got.message.action or "none",
        "conversation_status": got.conversation.status,
    }
    return Status(200 if got.duplicate else 201, body)
