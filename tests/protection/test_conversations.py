"""The inbound webhook, the protocol on abusive messages, replies through notify, case and end."""

from __future__ import annotations

import pytest

from chinjeol.contact.conf import number_identity
from chinjeol.contact.models import ChatMessage, Conversation
from chinjeol.notify.models import Message
from chinjeol.protection.models import CallerFlag, Incident, IncidentEvent

pytestmark = pytest.mark.django_db


def test_a_message_is_masked_before_it_is_stored_and_stored_once(inbound):
    first = inbound("여권 재발급 어떻게 해요? 제 번호 010-1234-5678로 알려주세요", "m-1")
    assert first.status_code == 201
    body = first.json()
    assert body["action"] == "none" and body["labels"] == [] and body["duplicate"] is False
    assert "5678" not in body["masked"] and "010-1234-****" in body["masked"]
    again = inbound("여권 재발급 어떻게 해요? 제 번호 010-1234-5678로 알려주세요", "m-1")
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["message"] == body["message"]
    assert ChatMessage.objects.count() == 1
    stored = ChatMessage.objects.get()
    assert "5678" not in stored.text
    conversation = Conversation.objects.get()
    assert conversation.address_masked == "010-2345-****"
    assert conversation.number_hash == number_identity("01023456789")[0]
    # the next message of the same sender joins the open conversation
    inbound("감사합니다", "m-2")
    assert Conversation.objects.count() == 1 and conversation.messages.count() == 2


def test_profanity_is_warned_then_ended_and_becomes_an_incident(inbound, org):
    inbound("안녕하세요 문의드립니다", "m-1", channel="chat", sender="kakao-user-77")
    conversation = Conversation.objects.get()
    conversation.staff = org.clerk.staff
    conversation.save()
    warned = inbound("야 이 씨발놈아 빨리 처리해", "m-2", channel="chat", sender="kakao-user-77").json()
    assert warned["action"] == "warn" and warned["labels"] == ["profanity"]
    assert warned["conversation_status"] == "open"
    notice = Message.objects.get(kind="abuse_warning")
    assert (
        notice.channel == "chat"
        and notice.recipient == "kakao-user-77"
        and "종료될 수 있습니다" in notice.body
    )
    ended = inbound("개새끼야 전화 받아", "m-3", channel="chat", sender="kakao-user-77").json()
    assert ended["action"] == "end" and ended["conversation_status"] == "ended"
    assert Message.objects.filter(kind="abuse_end").count() == 1
    conversation.refresh_from_db()
    assert conversation.end_reason == "abuse" and conversation.offences == 2
    incident = Incident.objects.get()
    assert (incident.category, incident.warnings_given, incident.ended) == ("profanity", 1, True)
    assert incident.staff == org.clerk.staff and incident.conversation == conversation
    kinds = list(incident.events.values_list("kind", flat=True))
    assert kinds == ["message", "warned", "message", "ended"]
    # a new message after the end opens a new conversation
    inbound("다시 문의합니다", "m-4", channel="chat", sender="kakao-user-77")
    assert Conversation.objects.filter(status="open").count() == 1


def test_a_threat_ends_at_once(inbound):
    body = inbound("내가 너희 다 때려죽일 거야", "t-1").json()
    assert body["action"] == "end" and body["labels"] == ["threat"]
    incident = Incident.objects.get()
    assert incident.category == "threat" and incident.ended and incident.warnings_given == 0
    assert IncidentEvent.objects.filter(kind="ended").count() == 1


def test_repeat_offender_is_flagged_by_hash_and_routed_to_the_dedicated_team(inbound, client, org, bearer):
    for i in range(3):  # three conversations, each ended by a threat
        inbound("내가 너희 다 때려죽일 거야", f"r-{i}")
    flag = CallerFlag.objects.get()
    assert flag.incidents == 3 and flag.number_hash == number_identity("010-2345-6789")[0]
    assert "6789" not in str(CallerFlag.objects.values().first())
    call = {"event": "newCall", "callId": "flagged-1", "from": "01023456789", "to": "120", "direction": "in"}
    answer = client.post("/api/v1/cti/events", call, content_type="application/json", **bearer(org.officer))
    routing = answer.json()["routing"]
    assert routing["extension"] == "2900" and routing["team"] == "폭언 대응 전담팀"


def test_inbound_validation_and_roles(inbound, client, org, bearer):
    bad = inbound("", "x-1")
    assert bad.status_code == 422
    wrong = client.post(
        "/api/v1/messages/inbound",
        {"from": "01011112222", "text": "hi", "channel": "fax", "provider_message_id": "x"},
        content_type="application/json",
        **bearer(org.officer),
    )
    assert wrong.status_code == 422
    refused = client.post(
        "/api/v1/messages/inbound",
        {"from": "01011112222", "text": "hi", "channel": "sms", "provider_message_id": "x"},
        content_type="application/json",
        **bearer(org.auditor),
    )
    assert refused.status_code == 403


def test_console_reply_case_and_end(inbound, client_for, org):
    inbound("주차 위반 과태료 이의신청은 어떻게 하나요", "c-1")
    conversation = Conversation.objects.get()
    client = client_for(org.clerk)
    page = client.get(f"/callcenter/conversations/{conversation.pk}/")
    assert page.status_code == 200 and "010-2345-****" in page.content.decode()
    r = client.post(
        f"/callcenter/conversations/{conversation.pk}/", {"action": "reply", "text": "확인해 드리겠습니다."}
    )
    assert r.status_code == 302
    reply = Message.objects.get(kind="chat_reply")
    assert (
        reply.channel == "sms" and reply.recipient == "010-2345-6789" and reply.body == "확인해 드리겠습니다."
    )
    conversation.refresh_from_db()
    assert conversation.staff == org.clerk.staff
    client.post(
        f"/callcenter/conversations/{conversation.pk}/", {"action": "case", "title": "", "customer_name": ""}
    )
    conversation.refresh_from_db()
    assert conversation.case is not None and conversation.case.channel == "sms"
    assert "이의신청" in conversation.case.body and conversation.case.customer_phone
    client.post(f"/callcenter/conversations/{conversation.pk}/", {"action": "end"})
    conversation.refresh_from_db()
    assert conversation.status == "ended" and conversation.end_reason == "done"
    # an ended conversation takes no reply
    client.post(f"/callcenter/conversations/{conversation.pk}/", {"action": "reply", "text": "또"})
    assert Message.objects.filter(kind="chat_reply").count() == 1


def test_conversations_of_another_department_are_hidden(inbound, client_for, org):
    inbound("문의", "h-1")
    conversation = Conversation.objects.get()
    conversation.staff = org.clerk.staff
    conversation.save()
    assert client_for(org.outsider).get(f"/callcenter/conversations/{conversation.pk}/").status_code == 404
    assert client_for(org.head).get(f"/callcenter/conversations/{conversation.pk}/").status_code == 200
    listing = client_for(org.outsider).get("/callcenter/conversations/").content.decode()
    assert "010-2345-****" not in listing


def test_the_pure_caller_hash_is_the_call_centres_number_hash(settings):
    import hashlib

    from chinjeol.protection.rules import caller_hash

    key = hashlib.sha256(("contact-number:" + settings.SECRET_KEY).encode()).digest()
    for number in ("010-2345-6789", "+82 10 2345 6789", "0212345678"):
        assert caller_hash(number, key) == number_identity(number)[0]


def test_reply_phrases_are_the_officers_to_keep_and_name_the_agency(inbound, client_for, org):
    from chinjeol.contact.models import ReplyTemplate
    from chinjeol.organization.models import Agency

    Agency.objects.create(name="새봄시청")
    inbound("문의드립니다", "t-1")
    conversation = Conversation.objects.get()
    page = client_for(org.clerk).get(f"/callcenter/conversations/{conversation.pk}/").content.decode()
    assert 'data-template="안녕하세요, 새봄시청 민원콜센터입니다.' in page and "{기관명}" not in page
    assert ">마무리</button>" in page
    ReplyTemplate.objects.filter(title="마무리").update(is_active=False)
    officer = client_for(org.officer)
    added = officer.post(
        "/admin/contact/replytemplate/add/",
        {
            "title": "서류 안내",
            "body": "신분증을 지참해 {기관명} 민원실로 오세요.",
            "order": "9",
            "is_active": "on",
        },
    )
    assert added.status_code == 302
    page = client_for(org.clerk).get(f"/callcenter/conversations/{conversation.pk}/").content.decode()
    assert ">마무리</button>" not in page
    assert 'data-template="신분증을 지참해 새봄시청 민원실로 오세요."' in page
    assert client_for(org.clerk).get("/admin/contact/replytemplate/").status_code in (302, 403)


def test_no_phrase_group_is_shown_when_none_is_in_use(inbound, client_for, org):
    from chinjeol.contact.models import ReplyTemplate

    inbound("문의드립니다", "t-2")
    conversation = Conversation.objects.get()
    ReplyTemplate.objects.update(is_active=False)
    page = client_for(org.clerk).get(f"/callcenter/conversations/{conversation.pk}/").content.decode()
    assert page.count("자주 쓰는 문구") == 0 and "data-template" not in page
