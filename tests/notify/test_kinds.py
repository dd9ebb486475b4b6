"""Notices are about any registered object, of registered kinds, and can wait for a later moment."""

from datetime import UTC, datetime, timedelta

import pytest

from chinjeol.notify import kinds, services
from chinjeol.notify.models import Message
from tests import factories

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _queue(**extra):
    return services.message_queue(
        channel="sms",
        recipient="010-1234-5678",
        subject="안내",
        template="notify/reminder.txt",
        context={"case": None, "handler": {"name": "김"}, "due": "오늘"},
        now=NOW,
        **{"kind": "result", **extra},
    )


def test_a_kind_keeps_its_first_name():
    kinds.register_kind("result", "결과 통지")  # the same name again: fine
    with pytest.raises(ValueError, match="다른 이름"):
        kinds.register_kind("result", "다른 이름")
    assert kinds.kind_label("result") == "결과 통지"
    assert kinds.kind_label("nobody-registered-this") == "기타 안내"


@pytest.mark.django_db
def test_an_unregistered_kind_is_refused():
    with pytest.raises(ValueError, match="등록되지 않은 통지 종류"):
        _queue(kind="no_such_kind")
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_a_notice_about_an_unregistered_model_is_refused():
    department = factories.make_department("민원과")
    with pytest.raises(ValueError, match="통지 대상으로 등록되지 않은"):
        _queue(about=department)
    assert not Message.objects.exists()


def test_a_notice_about_a_case_names_and_links_it(make_case):
    case = make_case()
    message = _queue(about=case)
    assert (message.about_type, message.about_id) == ("cases.case", case.pk)
    assert message.about_text == f"민원 {case.receipt_no}"
    assert message.about_url == f"/cases/{case.pk}/"
    assert message in Message.objects.about(case)  # beside the case's own 접수 안내


@pytest.mark.django_db
def test_a_message_held_for_later_is_scheduled_until_then(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    later = NOW + timedelta(days=1)
    message = _queue(send_at=later)
    assert message.is_scheduled(NOW) and message.notice_status(NOW) == "scheduled"
    assert services.messages_send_due(now=NOW) == 0
    assert services.messages_send_due(now=later) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and message.notice_status(later) == "sent"


@pytest.mark.django_db
def test_a_send_at_in_the_past_sends_now():
    message = _queue(send_at=NOW - timedelta(hours=1))
    assert message.next_attempt_at == NOW and not message.is_scheduled(NOW)
