"""The KakaoTalk 상담톡-style chat gateway adapter against a local fake gateway, like the SMS one."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from chinjeol.notify import services
from chinjeol.notify.backends import DeliveryError, KakaoCounselTalk
from chinjeol.notify.models import Message

NOW = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)


class _FakeGateway(BaseHTTPRequestHandler):
    sent: dict = {}
    auth: list = []
    refuse = False

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _FakeGateway.auth.append((self.path, self.headers["Authorization"]))
        if self.refuse:
            return self._answer(400, {"code": "3018", "message": "메시지를 전송할 수 없음"})
        _FakeGateway.sent[body["serial_number"]] = body
        return self._answer(200, {"code": "0000", "message": "성공"})

    def do_GET(self):  # noqa: N802 - delivery lookup by serial number
        serial = self.path.rsplit("/", 1)[1]
        if serial in _FakeGateway.sent:
            return self._answer(200, {"code": "0000", "message": "성공"})
        return self._answer(404, {"code": "4040", "message": "없음"})

    def _answer(self, status, answer):
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway(monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), _FakeGateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeGateway.sent, _FakeGateway.auth, _FakeGateway.refuse = {}, [], False
    monkeypatch.setenv("CHINJEOL_NOTIFY_CHAT", "kakao")
    monkeypatch.setenv("CHINJEOL_CHAT_URL", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.setenv("CHINJEOL_CHAT_SENDER_KEY", "sender-1")
    monkeypatch.setenv("CHINJEOL_CHAT_SECRET", "secret")
    yield _FakeGateway
    server.shutdown()


def queue_chat(text="확인해 드리겠습니다.", now=NOW):
    return services.message_queue(kind="chat_reply", channel="chat", recipient="kakao-user-77", subject="상담 답변",
                                  template="contact/chat_reply.txt", context={"text": text}, now=now)  # fmt: skip


@pytest.mark.django_db
def test_a_reply_goes_to_the_gateway_once(gateway):
    message = queue_chat()
    assert message.recipient_masked == "kaka****"
    sent = services.message_send(message_id=message.pk, now=NOW)
    assert sent.status == Message.Status.SENT and sent.backend == "kakao"
    body = gateway.sent[message.delivery_key]
    assert body == {"user_key": "kakao-user-77", "serial_number": message.delivery_key, "message_type": "TX",
                    "message": "확인해 드리겠습니다."}  # fmt: skip
    assert gateway.auth == [("/v1/sender-1/messages", "Bearer secret")]


@pytest.mark.django_db
def test_a_refusal_is_recorded_and_retried(gateway):
    gateway.refuse = True
    message = queue_chat()
    first = services.message_send(message_id=message.pk, now=NOW)
    assert first.status == Message.Status.QUEUED and "거부" in first.error and "3018" in first.error


@pytest.mark.django_db
def test_a_message_in_doubt_is_not_sent_twice(gateway):
    message = queue_chat()
    KakaoCounselTalk(url=gateway_url(), sender_key="sender-1", secret="secret").send(
        message
    )  # sent, then died
    Message.objects.filter(pk=message.pk).update(attempts=1, delivery_started_at=NOW)
    services.messages_send_due(now=NOW + services.LEASE)
    assert len(gateway.auth) == 1  # asked, not sent again
    assert Message.objects.get().status == Message.Status.SENT


def gateway_url():
    import os

    return os.environ["CHINJEOL_CHAT_URL"]


def test_the_adapter_needs_configuration():
    with pytest.raises(DeliveryError, match="설정"):
        KakaoCounselTalk(url="", sender_key="", secret="")
