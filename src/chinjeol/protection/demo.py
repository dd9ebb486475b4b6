"""Demo: SMS and chat conversations through the inbound service (so every message is masked and checked, and
the abusive ones are warned, ended and recorded), the counsellors' replies, voice incidents from the console's
button on answered calls, support approved by the 민원여권과장, and one repeat number flagged."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

SEED = 1207

QUESTIONS = (
    "여권 재발급하려면 뭐 가져가야 돼요?",
    "주차딱지 떼였는데 이의신청 어떻게 해요",
    "대형폐기물 스티커 어디서 사요?",
    "전입신고 온라인으로도 되나요",
    "쓰레기버리는날 언제에요",
    "등본 떼려면 어디로 가야하나요 제 번호 010-3456-7788로 문자 주세요",
    "지방세 납부 기한이 언제까지인가요",
    "불법 주정차 신고하고 싶어요",
    "아이 출생신고 서류 알려주세요",
    "가로등이 꺼져있어요 ○○동 12번지 앞",
)
PROFANE = ("야 이 씨발놈아 빨리 처리해", "개새끼야 말귀를 못 알아듣네", "이 병신아 일 똑바로 해")
THREATS = ("내가 너희 다 때려죽일 거야", "구청에 불 질러 버린다")
SEXUAL = ("아가씨 목소리 섹시하네 만나자",)
REPLIES = (
    "안녕하세요, 한빛구청 민원콜센터입니다. 확인해 드리겠습니다.",
    "관련 안내를 문자로 보내 드렸습니다. 더 궁금하신 점이 있으시면 말씀해 주세요.",
    "해당 업무는 담당 부서에서 처리합니다. 민원으로 접수해 드릴까요?",
)


def build(scale: float = 1.0) -> None:
    from chinjeol.contact.models import CallRecord
    from chinjeol.contact.services import conversations as chat
    from chinjeol.core.roles import Role
    from chinjeol.organization.models import Department, Staff

    from . import services
    from .models import Incident, SupportRecord

    rng = random.Random(SEED)
    now = timezone.now().replace(microsecond=0)
    centre = Department.objects.get(name="민원콜센터")
    counsellors = sorted(
        Staff.objects.filter(department=centre, is_active=True).select_related("user").order_by("pk"),
        key=lambda s: getattr(getattr(s, "user", None), "username", "") != "counsellor",
    )  # the demo's counsellor account first: its console has conversations and incidents of its own
    head = Staff.objects.filter(
        user__role_assignments__role=Role.DEPT_HEAD, user__role_assignments__department=centre.parent
    ).select_related("user").first()  # fmt: skip
    seq = 0

    def receive(channel, sender, text, at):
        nonlocal seq
        seq += 1
        provider = "kakao" if channel == "chat" else "nhncloud"
        return chat.message_receive(channel=channel, sender=sender, to="120", text=text, provider=provider,
                                    provider_message_id=f"demo-{seq}", now=at)  # fmt: skip

    # Ordinary conversations over the last weeks, most of them ended; a few open today.
    for i in range(24):
        channel = "chat" if i % 3 else "sms"
        sender = (
            f"kakao-{rng.randint(100000, 999999)}"
            if channel == "chat"
            else f"010{rng.randint(20000000, 99999999)}"
        )
        start = now - timedelta(days=rng.randint(0, 40) if i >= 4 else 0, minutes=rng.randint(5, 300))
        got = receive(channel, sender, rng.choice(QUESTIONS), start)
        staff = counsellors[i % len(counsellors)]
        chat.conversation_reply(conversation_id=got.conversation.pk, staff=staff, text=rng.choice(REPLIES),
                                now=start + timedelta(minutes=2))  # fmt: skip
        if i >= 4:
            chat.conversation_end(
                conversation_id=got.conversation.pk, staff=staff, now=start + timedelta(minutes=9)
            )

    # Abusive conversations: warned, then ended by protocol (profanity), or ended at once (threat, sexual).
    repeat_sender = "010-7777-1234"
    for i in range(9):
        channel = "chat" if i % 2 else "sms"
        sender = repeat_sender if i < 3 else (f"kakao-{rng.randint(100000, 999999)}" if channel == "chat"
                                               else f"010{rng.randint(20000000, 99999999)}")  # fmt: skip
        if i < 3:
            channel = "sms"
        start = now - timedelta(days=rng.randint(1, 80), minutes=rng.randint(5, 300))
        staff = counsellors[(i * 5) % len(counsellors)]
        got = receive(channel, sender, rng.choice(QUESTIONS), start)
        chat.conversation_take(conversation_id=got.conversation.pk, staff=staff)
        kind = i % 3
        if kind == 0:
            receive(channel, sender, rng.choice(THREATS), start + timedelta(minutes=3))
        elif kind == 1:
            receive(channel, sender, rng.choice(PROFANE), start + timedelta(minutes=3))
            receive(channel, sender, rng.choice(PROFANE), start + timedelta(minutes=5))
        else:
            receive(channel, sender, rng.choice(SEXUAL), start + timedelta(minutes=3))

    # Voice incidents from the console's button, on answered calls of the centre over the year.
    calls = list(
        CallRecord.objects.filter(staff__department=centre, answered_at__isnull=False, billsec__gte=120)
        .order_by("-started_at")
        .values_list("key", "number_hash", "number_masked", "staff_id", "answered_at")[
            : max(40, int(2000 * scale))
        ]
    )
    staff_by_id = {s.pk: s for s in counsellors}
    notes = ("욕설을 반복함", "찾아가겠다고 위협함", "성적인 농담을 함", "고함과 인격 모독")
    categories = ("profanity", "threat", "sexual", "profanity")
    for key, number_hash, masked, staff_id, answered_at in rng.sample(calls, min(len(calls), 30)):
        k = rng.randrange(4)
        services.incident_report_call(call_key=key, number_hash=number_hash, number_masked=masked,
                                      staff=staff_by_id[staff_id], category=categories[k], note=notes[k],
                                      now=answered_at + timedelta(minutes=rng.randint(1, 8)))  # fmt: skip

    # Support approved by the head of 민원여권과 on some of them.
    if head is not None:
        for incident in Incident.objects.order_by("pk")[:8]:
            services.support_record(incident=incident, kind=SupportRecord.Kind.REST, by_user=head.user,
                                    minutes=rng.choice((15, 30, 60)), note="", now=incident.occurred_at + timedelta(minutes=20))  # fmt: skip
        for incident in Incident.objects.filter(category__in=("threat", "sexual")).order_by("pk")[:2]:
            services.support_record(incident=incident, kind=SupportRecord.Kind.LEGAL, by_user=head.user,
                                    minutes=None, note="증거 자료 전달, 고소 지원", now=incident.occurred_at + timedelta(hours=2))  # fmt: skip
