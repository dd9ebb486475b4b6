import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from chinjeol.notify import services
from chinjeol.notify.backends import DeliveryError, NhnCloudSms
from chinjeol.notify.models import Message

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def queue(channel="email", recipient="hong@example.com"):
    return services.message_queue(
        kind="result",
        channel=channel,
        recipient=recipient,
        subject="결과 안내",
        template="notify/reminder.txt",
        context={"case": None, "handler": {"name": "김"}, "due": "오늘"},
        now=NOW,
    )


@pytest.mark.django_db
def test_file_backend_writes_outbox(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    message = queue()
    assert message.recipient_masked == "ho**@example.com"
    sent = services.message_send(message_id=message.pk)
    assert sent.status == Message.Status.SENT and sent.backend == "file"
    files = list((tmp_path / "notices").iterdir())
    assert len(files) == 1 and "결과 안내" in files[0].read_text(encoding="utf-8")
    # a second worker never sends it again
    assert services.message_send(message_id=message.pk).attempts == 1


@pytest.mark.django_db
def test_smtp_backend_uses_django_mail(monkeypatch):
    monkeypatch.setenv("CHINJEOL_NOTIFY_EMAIL", "smtp")
    message = queue()
    services.message_send(message_id=message.pk)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["hong@example.com"]


@pytest.mark.django_db
def test_console_backend(monkeypatch, caplog):
    monkeypatch.setenv("CHINJEOL_NOTIFY_SMS", "console")
    message = queue(channel="sms", recipient="010-1234-5678")
    with caplog.at_level("INFO", logger="chinjeol.notify"):
        services.message_send(message_id=message.pk)
    assert "010-1234-****" in caplog.text


class _FakeProvider(BaseHTTPRequestHandler):
    requests: list = []
    lookups: list = []
    fail = False

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _FakeProvider.requests.append((self.path, self.headers["X-Secret-Key"], body))
        self._answer({})

    def do_GET(self):  # noqa: N802 - the send list, searched by grouping key like the real one
        query = parse_qs(urlsplit(self.path).query)
        key = query["senderGroupingKey"][0]
        assert query["startCreateDate"] and query["endCreateDate"]
        kind = urlsplit(self.path).path.rsplit("/", 1)[1]
        count = sum(
            1
            for path, _, body in _FakeProvider.requests
            if path.endswith(kind) and body["senderGroupingKey"] == key
        )
        _FakeProvider.lookups.append(key)
        self._answer({"body": {"totalCount": count, "data": []}})

    def _answer(self, extra):
        answer = {
            "header": {
                "isSuccessful": not self.fail,
                "resultCode": -1 if self.fail else 0,
                "resultMessage": "오류" if self.fail else "SUCCESS",
            },
            **extra,
        }
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider():
    server = HTTPServer(("127.0.0.1", 0), _FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeProvider.requests = []
    _FakeProvider.lookups = []
    _FakeProvider.fail = False
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.django_db
def test_nhn_cloud_sms_adapter_against_local_server(provider, monkeypatch):
    monkeypatch.setenv("CHINJEOL_NOTIFY_SMS", "nhncloud")
    monkeypatch.setenv("CHINJEOL_SMS_URL", provider)
    monkeypatch.setenv("CHINJEOL_SMS_APP_KEY", "app-key")
    monkeypatch.setenv("CHINJEOL_SMS_SECRET_KEY", "secret")
    monkeypatch.setenv("CHINJEOL_SMS_SENDER", "02-120")
    message = queue(channel="sms", recipient="010-1234-5678")
    sent = services.message_send(message_id=message.pk)
    assert sent.status == Message.Status.SENT and sent.backend == "nhncloud"
    path, secret, body = _FakeProvider.requests[0]
    assert path.startswith("/sms/v3.0/appKeys/app-key/sender/") and secret == "secret"
    key = message.delivery_key
    assert body["recipientList"] == [{"recipientNo": "01012345678", "recipientGroupingKey": key}]
    assert body["sendNo"] == "02120" and body["senderGroupingKey"] == key


@pytest.mark.django_db
def test_provider_refusal_is_recorded_and_retried(provider, monkeypatch):
    monkeypatch.setenv("CHINJEOL_NOTIFY_SMS", "nhncloud")
    monkeypatch.setenv("CHINJEOL_SMS_URL", provider)
    monkeypatch.setenv("CHINJEOL_SMS_APP_KEY", "k")
    monkeypatch.setenv("CHINJEOL_SMS_SECRET_KEY", "s")
    monkeypatch.setenv("CHINJEOL_SMS_SENDER", "021234")
    _FakeProvider.fail = True
    message = queue(channel="sms", recipient="010-1234-5678")
    first = services.message_send(message_id=message.pk, now=NOW)
    assert first.status == Message.Status.QUEUED and first.attempts == 1 and "거부" in first.error
    assert first.next_attempt_at == NOW + services.RETRY_AFTER[0]
    # the sender leaves it alone until the next attempt is due, then tries twice more
    assert services.messages_send_due(now=NOW + timedelta(seconds=30)) == 0
    assert services.messages_send_due(now=NOW + timedelta(minutes=1)) == 1
    assert Message.objects.get().next_attempt_at == NOW + timedelta(minutes=1) + services.RETRY_AFTER[1]
    assert services.messages_send_due(now=NOW + timedelta(minutes=12)) == 1
    message = Message.objects.get()
    assert (
        message.status == Message.Status.FAILED and message.attempts == 3 and message.next_attempt_at is None
    )
    assert services.messages_send_due(now=NOW + timedelta(days=1)) == 0
    assert len(_FakeProvider.requests) == 3


def test_sms_adapter_needs_configuration():
    with pytest.raises(DeliveryError, match="설정"):
        NhnCloudSms(url="http://127.0.0.1", app_key="", secret_key="", sender="")


@pytest.mark.django_db
def test_with_the_database_task_backend_the_sender_sends_what_was_committed(settings, tmp_path):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    settings.VAR_DIR = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():
        queue()
        transaction.set_rollback(True)  # the case's transaction failed: its notice is gone with it
    kept = queue()
    assert not DBTaskResult.objects.exists()  # the message row is the job
    assert services.messages_send_due(now=NOW - timedelta(seconds=1)) == 0  # not due before it was written
    assert services.messages_send_due(now=NOW) == 1
    assert Message.objects.get().status == Message.Status.SENT and Message.objects.get().pk == kept.pk
    assert services.messages_send_due(now=NOW + timedelta(hours=1)) == 0


@pytest.mark.django_db
def test_a_claimed_message_is_not_claimed_again_until_its_lease_ends(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    message = queue()
    Message.objects.filter(pk=message.pk).update(
        attempts=1, next_attempt_at=NOW + services.LEASE
    )  # being sent
    assert services.message_send(message_id=message.pk, now=NOW + timedelta(minutes=1)).status == "queued"
    assert Message.objects.get().attempts == 1
    # the sender that claimed it died: once the lease ends another one sends it
    assert services.messages_send_due(now=NOW + services.LEASE) == 1
    assert Message.objects.get().status == Message.Status.SENT


def _sms_via(provider, monkeypatch):
    monkeypatch.setenv("CHINJEOL_NOTIFY_SMS", "nhncloud")
    monkeypatch.setenv("CHINJEOL_SMS_URL", provider)
    monkeypatch.setenv("CHINJEOL_SMS_APP_KEY", "k")
    monkeypatch.setenv("CHINJEOL_SMS_SECRET_KEY", "s")
    monkeypatch.setenv("CHINJEOL_SMS_SENDER", "021234")


def _die_mid_batch(delivered: int) -> list[Message]:
    """A sender claims every due message, delivers the first `delivered` of them and is killed before it
    records anything."""
    from django.db import transaction

    from chinjeol.notify.backends import backend_for

    with transaction.atomic():
        claimed = services._claim(Message.objects.due(NOW), NOW)
    messages = list(Message.objects.filter(pk__in=claimed).order_by("id"))
    for message in messages[:delivered]:
        backend_for(message.channel).send(message)
    return messages


@pytest.mark.django_db
def test_sms_claimed_by_a_killed_sender_are_delivered_once_after_the_lease(provider, monkeypatch):
    _sms_via(provider, monkeypatch)
    for phone in ("010-1111-0001", "010-1111-0002", "010-1111-0003"):
        queue(channel="sms", recipient=phone)
    messages = _die_mid_batch(delivered=2)
    assert len(_FakeProvider.requests) == 2
    assert services.messages_send_due(now=NOW + timedelta(minutes=1)) == 0  # still leased
    assert services.messages_send_due(now=NOW + services.LEASE) == 3
    keys = [body["senderGroupingKey"] for _, _, body in _FakeProvider.requests]
    assert sorted(keys) == sorted(m.delivery_key for m in messages)  # each key sent exactly once
    assert set(_FakeProvider.lookups) == set(keys)  # the provider was asked about each one in doubt
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
    assert not Message.objects.exclude(delivery_started_at=None).exists()


@pytest.mark.django_db
def test_a_failed_attempt_is_not_in_doubt_and_a_lookup_failure_sends_nothing(provider, monkeypatch):
    _sms_via(provider, monkeypatch)
    _FakeProvider.fail = True
    message = queue(channel="sms", recipient="010-1234-5678")
    services.message_send(message_id=message.pk, now=NOW)  # refused and recorded: not in doubt
    _FakeProvider.fail = False
    services.messages_send_due(now=NOW + services.RETRY_AFTER[0])
    assert _FakeProvider.lookups == [] and Message.objects.get().status == Message.Status.SENT
    # in doubt, and the provider cannot be asked: nothing is sent, it is tried again later
    second = queue(channel="sms", recipient="010-2222-3333")
    Message.objects.filter(pk=second.pk).update(attempts=1, delivery_started_at=NOW)
    _FakeProvider.fail = True
    sent_before = len(_FakeProvider.requests)
    services.messages_send_due(now=NOW + services.LEASE)
    assert len(_FakeProvider.requests) == sent_before
    assert Message.objects.get(pk=second.pk).status == Message.Status.QUEUED


@pytest.mark.django_db
def test_outbox_file_of_a_killed_sender_is_not_written_twice(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    first, second = queue(), queue(recipient="kim@example.com")
    _die_mid_batch(delivered=1)
    written = (tmp_path / "notices" / f"{first.delivery_key}-result.txt").stat().st_mtime_ns
    assert services.messages_send_due(now=NOW + services.LEASE) == 2
    assert (tmp_path / "notices" / f"{first.delivery_key}-result.txt").stat().st_mtime_ns == written
    assert len(list((tmp_path / "notices").iterdir())) == 2 and second.delivery_key != first.delivery_key


@pytest.mark.django_db
def test_email_carries_the_same_message_id_on_every_attempt(monkeypatch):
    monkeypatch.setenv("CHINJEOL_NOTIFY_EMAIL", "smtp")
    message = queue()
    _die_mid_batch(delivered=1)
    services.messages_send_due(now=NOW + services.LEASE)
    ids = {m.extra_headers["Message-ID"] for m in mail.outbox}
    assert len(mail.outbox) == 2 and ids == {f"<{message.delivery_key}@localhost>"}


@pytest.mark.django_db
def test_a_keyed_notice_is_queued_once(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    first = services.message_queue(
        kind="reminder",
        channel="email",
        recipient="kim@example.com",
        subject="기한 임박",
        template="notify/reminder.txt",
        context={"case": None, "handler": {"name": "김"}, "due": "오늘"},
        now=NOW,
        key="reminder:1:1",
    )
    again = services.message_queue(
        kind="reminder",
        channel="email",
        recipient="kim@example.com",
        subject="기한 임박(문구 변경)",
        template="notify/reminder.txt",
        context={"case": None, "handler": {"name": "김"}, "due": "내일"},
        now=NOW + timedelta(minutes=10),
        key="reminder:1:1",
    )
    assert again.pk == first.pk and again.was_queued_before and not first.was_queued_before
    assert Message.objects.count() == 1


@pytest.mark.django_db
def test_mail_is_marked_sent_the_moment_it_went_out(monkeypatch):
    """SMTP cannot be asked afterwards, so no mail waits for the end of its batch to be marked."""
    from chinjeol.notify.backends import SmtpBackend

    monkeypatch.setenv("CHINJEOL_NOTIFY_EMAIL", "smtp")
    first, _second = queue(), queue(recipient="kim@example.com")
    seen = []
    real_send = SmtpBackend.send

    def send(self, message):
        seen.append(Message.objects.get(pk=first.pk).status)
        real_send(self, message)

    monkeypatch.setattr(SmtpBackend, "send", send)
    assert services.messages_send_due(now=NOW) == 2
    assert seen == [Message.Status.QUEUED, Message.Status.SENT]  # the first was marked before the second went
