from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from chinjeol.core.errors import DomainError
from chinjeol.kindness.models import MileageEntry
from chinjeol.notify.models import Message
from chinjeol.surveys import inbox, queries, services
from chinjeol.surveys.models import HappyCall
from tests.factories import at

pytestmark = pytest.mark.django_db
GOOD = {"score_result": 5, "score_kindness": 4, "score_speed": 4, "score": 5}
BAD = {"score_result": 2, "score_kindness": 3, "score_speed": 1, "score": 2}


def test_closing_schedules_the_sms_next_business_day_at_ten(closed_case, settings):
    settings.SITE_URL = "https://minwon.example.go.kr"
    case = closed_case()
    call = HappyCall.objects.get(case=case)
    assert call.status == "waiting" and call.send_at == at(2026, 11, 25, 10)
    assert call.expires_at == at(2026, 12, 9, 10)
    message = Message.objects.get(kind="happy_call")
    assert (
        message.about_type == "cases.case" and message.about_id == case.pk and call.message_id == message.pk
    )
    assert message.notice_status(at(2026, 11, 24, 16)) == "scheduled"
    assert message.next_attempt_at == call.send_at  # held until then
    assert f"https://minwon.example.go.kr/surveys/h/{call.token}/" in message.body  # a link a phone can open


def test_send_time_is_configurable(closed_case, settings):
    settings.CHINJEOL_SURVEYS = {"HAPPY_CALL_TIME": "14:00"}
    assert HappyCall.objects.get(case=closed_case()).send_at == at(2026, 11, 25, 14)


def test_no_happy_call_without_a_way_to_reach(closed_case):
    closed_case(customer_phone="", customer_email="")
    assert not HappyCall.objects.exists()


def test_answer_by_link_feeds_mileage_once(closed_case, org):
    call = HappyCall.objects.get(case=closed_case())
    services.happy_call_answer(
        call_id=call.pk,
        token=call.token,
        scores=GOOD,
        comment="친절했어요 010-9999-8888",
        via="link",
        now=at(2026, 11, 25, 12),
    )
    call.refresh_from_db()
    assert call.status == "answered" and not call.dissatisfied and call.catch_due_at is None
    assert "9999-8888" not in call.comment
    entry = MileageEntry.objects.get(source_type="happy_call")
    assert entry.source_id == str(call.pk) and entry.staff == org.clerk.staff and entry.points == Decimal("1")
    with pytest.raises(DomainError, match="이미"):
        services.happy_call_answer(
            call_id=call.pk, token=call.token, scores=GOOD, comment="", via="link", now=at(2026, 11, 25, 13)
        )
    assert call.case.events.filter(kind="happy_call").count() == 1


def test_link_refused_after_14_days_and_with_a_wrong_token(closed_case):
    call = HappyCall.objects.get(case=closed_case())
    with pytest.raises(DomainError, match="14일"):
        services.happy_call_answer(
            call_id=call.pk, token=call.token, scores=GOOD, comment="", via="link", now=at(2026, 12, 9, 10)
        )
    with pytest.raises(DomainError):
        services.happy_call_answer(
            call_id=call.pk, token="nope", scores=GOOD, comment="", via="link", now=at(2026, 11, 26)
        )


def test_every_question_is_required(closed_case):
    call = HappyCall.objects.get(case=closed_case())
    with pytest.raises(DomainError) as caught:
        services.happy_call_answer(
            call_id=call.pk, scores={**GOOD, "score_speed": 7}, comment="", via="link", now=at(2026, 11, 26)
        )
    assert caught.value.field == "score_speed"


def test_dissatisfied_answer_puts_a_catch_call_on_the_heads_inbox(closed_case, org):
    call = HappyCall.objects.get(case=closed_case())
    services.happy_call_answer(
        call_id=call.pk, scores=BAD, comment="늦었어요", via="link", now=at(2026, 11, 26, 15)
    )
    call.refresh_from_db()
    assert call.dissatisfied and call.catch_due_at == at(2026, 12, 1, 18)
    items = inbox.work_for(org.head, at(2026, 11, 27))
    assert [(i.label, i.count) for i in items] == [("불만족 해피콜 — 부서장 불만 해소 전화", 1)]
    assert inbox.work_for(org.head, at(2026, 12, 2))[0].urgency.name == "OVERDUE"
    assert not [i for i in inbox.work_for(org.outsider, at(2026, 11, 27)) if i.count]
    assert list(queries.catch_calls_for(org.head)) == [call]
    assert not queries.catch_calls_for(org.clerk).exists()
    with pytest.raises(DomainError, match="5자"):
        services.catch_call_done(call_id=call.pk, note="네", by=org.head, now=at(2026, 11, 27))
    services.catch_call_done(
        call_id=call.pk, note="사과드리고 재처리 일정을 안내함", by=org.head, now=at(2026, 11, 27)
    )
    assert inbox.work_for(org.head, at(2026, 11, 27))[0].count == 0


def test_phone_list_after_three_days_and_phone_entry(closed_case, org):
    call = HappyCall.objects.get(case=closed_case())
    assert not queries.phone_list(at(2026, 11, 28, 9, 59)).exists()
    assert list(queries.phone_list(at(2026, 11, 28, 10))) == [call]
    services.happy_call_answer(
        call_id=call.pk, scores=GOOD, comment="", via="phone", by=org.officer, now=at(2026, 12, 10)
    )
    call.refresh_from_db()
    assert (
        call.answered_via == "phone" and call.entered_by == org.officer
    )  # the phone team may answer after 14 days
    assert not queries.phone_list(at(2026, 12, 10)).exists()


def test_unreachable_leaves_the_phone_list(closed_case, org):
    call = HappyCall.objects.get(case=closed_case())
    services.happy_call_unreachable(call_id=call.pk, by=org.officer, now=at(2026, 11, 29))
    assert not queries.phone_list(at(2026, 11, 29)).exists()


def test_results_by_group_with_response_rate(closed_case, org, make_case):
    first = HappyCall.objects.get(case=closed_case())
    closed_case(kind="grievance", channel="phone")
    services.happy_call_answer(
        call_id=first.pk, scores=BAD, comment="느려요", via="link", now=at(2026, 11, 26)
    )
    now = at(2026, 11, 30)
    rows, total = queries.happy_results(org.officer, date(2026, 11, 1), date(2026, 11, 30), "department", now)
    assert (
        total.sent == 2 and total.answered == 1 and total.rate == Decimal("50.0") and total.dissatisfied == 1
    )
    assert rows[0].label == "민원팀" and rows[0].means[3] == Decimal("2.00")
    rows, _ = queries.happy_results(org.officer, date(2026, 11, 1), date(2026, 11, 30), "channel", now)
    assert {r.label for r in rows} == {"홈페이지", "전화"}
    rows, _ = queries.happy_results(org.officer, date(2026, 11, 1), date(2026, 11, 30), "person", now)
    assert [r.label for r in rows] == ["김민원"]
    # a head outside the department sees nothing; nothing is counted before its SMS goes out
    assert (
        queries.happy_results(org.outsider, date(2026, 11, 1), date(2026, 11, 30), "kind", now)[1].sent == 0
    )
    assert (
        queries.happy_results(
            org.officer, date(2026, 11, 1), date(2026, 11, 30), "kind", at(2026, 11, 24, 16)
        )[1].sent
        == 0
    )
    assert list(queries.happy_comments(org.head, date(2026, 11, 1), date(2026, 11, 30), now)) == [first]
    assert timedelta(0) < first.expires_at - first.send_at
