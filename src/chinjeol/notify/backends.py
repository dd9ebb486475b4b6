"""Delivery backends. Which one sends e-mail and which sends SMS is chosen by environment:

CHINJEOL_NOTIFY_EMAIL  file (default) | console | smtp      (smtp uses Django's EMAIL_* settings)
CHINJEOL_NOTIFY_SMS    file (default) | console | nhncloud
CHINJEOL_SMS_URL, CHINJEOL_SMS_APP_KEY, CHINJEOL_SMS_SECRET_KEY, CHINJEOL_SMS_SENDER   (nhncloud)
CHINJEOL_NOTIFY_CHAT   file (default) | console | kakao
CHINJEOL_CHAT_URL, CHINJEOL_CHAT_SENDER_KEY, CHINJEOL_CHAT_SECRET                    (kakao: 상담톡-style gateway)
"""

from __future__ import annotations

import json
import logging
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage

from .models import Message

log = logging.getLogger("chinjeol.notify")


class DeliveryError(Exception):
    pass


class Backend(Protocol):
    """`send` passes `message.delivery_key` to the provider. `already_delivered` is asked before a message whose
    earlier attempt has no recorded outcome goes out again: True when the provider has it already."""

    name: str

    def send(self, message: Message) -> None: ...

    def already_delivered(self, message: Message) -> bool: ...


class FileBackend:
    """Writes each message as a text file under CHINJEOL_VAR_DIR/notices (the demo's outbox)."""

    name = "file"

    def __init__(self, directory: Path | None = None):
        self.directory = directory or Path(settings.VAR_DIR) / "notices"

    def path_of(self, message: Message) -> Path:
        return self.directory / f"{message.delivery_key}-{message.kind}.txt"

    def send(self, message: Message) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.path_of(message)
        partial = path.with_suffix(".part")  # a file appears whole or not at all
        partial.write_text(
            f"수단: {message.get_channel_display()}\n받는 곳: {message.recipient}\n제목: {message.subject}\n"
            f"발송 키: {message.delivery_key}\n\n{message.body}\n",
            encoding="utf-8",
        )
        partial.replace(path)

    def already_delivered(self, message: Message) -> bool:
        return self.path_of(message).exists()


class ConsoleBackend:
    name = "console"

    def send(self, message: Message) -> None:
        log.info(
            "[%s → %s] %s\n%s",
            message.get_channel_display(),
            message.recipient_masked,
            message.subject,
            message.body,
        )

    def already_delivered(self, message: Message) -> bool:
        return False


class SmtpBackend:
    """Every attempt carries the same Message-ID, derived from the message: a mail server or mail client that
    already has it treats a repeated delivery as the same mail."""

    name = "smtp"

    def send(self, message: Message) -> None:
        sender = getattr(settings, "DEFAULT_FROM_EMAIL", "webmaster@localhost")
        mail = EmailMessage(
            message.subject,
            message.body,
            sender,
            [message.recipient],
            headers={"Message-ID": message_id_of(message, sender)},
        )
        try:
            mail.send(fail_silently=False)
        except Exception as exc:  # smtplib and socket errors alike
            raise DeliveryError(f"메일 발송 실패: {exc}") from exc

    def already_delivered(self, message: Message) -> bool:
        return False  # SMTP cannot be asked; the stable Message-ID is the guard


def message_id_of(message: Message, sender: str) -> str:
    domain = sender.rpartition("@")[2].strip(" >") or "chinjeol.local"
    return f"<{message.delivery_key}@{domain}>"


class SmsGateway(Protocol):
    name: str

    def send(self, message: Message) -> None: ...


class NhnCloudSms:
    """NHN Cloud SMS API v3.0: POST {url}/sms/v3.0/appKeys/{appKey}/sender/sms (X-Secret-Key)."""

    name = "nhncloud"

    def __init__(self, *, url: str, app_key: str, secret_key: str, sender: str, timeout: float = 10):
        if not (app_key and secret_key and sender):
            raise DeliveryError("문자 발송 설정(앱키, 비밀키, 발신번호)이 없습니다.")
        self.url = url.rstrip("/")
        self.app_key = app_key
        self.secret_key = secret_key
        self.sender = re.sub(r"\D", "", sender)
        self.timeout = timeout

    def send(self, message: Message) -> None:
        # LMS for long messages, SMS otherwise (90 bytes in EUC-KR).
        long = len(message.body.encode("cp949", errors="replace")) > 90
        kind = "mms" if long else "sms"
        payload = {
            "body": message.body,
            "sendNo": self.sender,
            "senderGroupingKey": message.delivery_key,
            "recipientList": [
                {
                    "recipientNo": re.sub(r"\D", "", message.recipient),
                    "recipientGroupingKey": message.delivery_key,
                }
            ],
        }
        if long:
            payload["title"] = message.subject[:20]
        data = self._call(f"sender/{kind}", method="POST", payload=payload)
        header = data.get("header", {})
        if not header.get("isSuccessful"):
            raise DeliveryError(
                f"문자 발송 거부: {header.get('resultCode')} {header.get('resultMessage', '')}".strip()
            )

    def already_delivered(self, message: Message) -> bool:
        """Ask the provider's send list for this message's grouping key (since shortly before it was written)."""
        seoul = ZoneInfo("Asia/Seoul")
        start = (message.created_at - timedelta(minutes=1)).astimezone(seoul)
        end = datetime.now(seoul) + timedelta(minutes=1)
        for kind in ("sms", "mms"):  # the message went as one of the two, by its length
            query = urllib.parse.urlencode(
                {
                    "senderGroupingKey": message.delivery_key,
                    "startCreateDate": f"{start:%Y-%m-%d %H:%M:%S}",
                    "endCreateDate": f"{end:%Y-%m-%d %H:%M:%S}",
                    "pageSize": 1,
                }
            )
            data = self._call(f"sender/{kind}?{query}", method="GET")
            if not data.get("header", {}).get("isSuccessful"):
                raise DeliveryError("문자 발송 목록을 확인하지 못했습니다. 나중에 다시 시도합니다.")
            if int((data.get("body") or {}).get("totalCount") or 0):
                return True
        return False

    def _call(self, path: str, *, method: str, payload: dict | None = None) -> dict:
        request = urllib.request.Request(  # noqa: S310 - the provider URL comes from configuration
            f"{self.url}/sms/v3.0/appKeys/{self.app_key}/{path}",
            data=json.dumps(payload).encode() if payload is not None else None,
            headers={"Content-Type": "application/json;charset=UTF-8", "X-Secret-Key": self.secret_key},
            method=method,
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                return json.loads(response.read().decode() or "{}")
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise DeliveryError(f"문자 발송 요청 실패: {exc}") from exc


class KakaoCounselTalk:
    """A KakaoTalk 상담톡-style chat gateway (the partner relays between the agency's channel and the citizen):
    POST {url}/v1/{sender_key}/messages {"user_key", "serial_number", "message_type": "TX", "message"} with
    `Authorization: Bearer {secret}`; answers {"code": "0000"} on success. GET
    {url}/v1/{sender_key}/messages/{serial_number} answers {"code": "0000"} when the gateway has it already.
    The serial number is the message's delivery key, so a repeated delivery is recognised as the same one."""

    name = "kakao"

    def __init__(self, *, url: str, sender_key: str, secret: str, timeout: float = 10):
        if not (url and sender_key and secret):
            raise DeliveryError("채팅 발송 설정(주소, 발신 프로필 키, 비밀키)이 없습니다.")
        self.url = url.rstrip("/")
        self.sender_key = sender_key
        self.secret = secret
        self.timeout = timeout

    def send(self, message: Message) -> None:
        payload = {
            "user_key": message.recipient,
            "serial_number": message.delivery_key,
            "message_type": "TX",
            "message": message.body,
        }
        data = self._call("messages", method="POST", payload=payload)
        if data.get("code") != "0000":
            raise DeliveryError(f"채팅 발송 거부: {data.get('code')} {data.get('message', '')}".strip())

    def already_delivered(self, message: Message) -> bool:
        data = self._call(f"messages/{urllib.parse.quote(message.delivery_key)}", method="GET")
        code = data.get("code")
        if code == "0000":
            return True
        if code == "4040":
            return False
        raise DeliveryError("채팅 발송 여부를 확인하지 못했습니다. 나중에 다시 시도합니다.")

    def _call(self, path: str, *, method: str, payload: dict | None = None) -> dict:
        request = urllib.request.Request(  # noqa: S310 - the gateway URL comes from configuration
            f"{self.url}/v1/{urllib.parse.quote(self.sender_key)}/{path}",
            data=json.dumps(payload).encode() if payload is not None else None,
            headers={
                "Content-Type": "application/json;charset=UTF-8",
                "Authorization": f"Bearer {self.secret}",
            },
            method=method,
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                return json.loads(response.read().decode() or "{}")
        except urllib.error.HTTPError as exc:
            try:
                return json.loads(exc.read().decode() or "{}")
            except ValueError:
                raise DeliveryError(f"채팅 발송 요청 실패: {exc}") from exc
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise DeliveryError(f"채팅 발송 요청 실패: {exc}") from exc


def backend_for(channel: str) -> Backend:
    if channel == Message.Channel.CHAT:
        choice = os.environ.get("CHINJEOL_NOTIFY_CHAT", "file")
        if choice == "kakao":
            return KakaoCounselTalk(
                url=os.environ.get("CHINJEOL_CHAT_URL", ""),
                sender_key=os.environ.get("CHINJEOL_CHAT_SENDER_KEY", ""),
                secret=os.environ.get("CHINJEOL_CHAT_SECRET", ""),
            )
    elif channel == Message.Channel.SMS:
        choice = os.environ.get("CHINJEOL_NOTIFY_SMS", "file")
        if choice == "nhncloud":
            return NhnCloudSms(
                url=os.environ.get("CHINJEOL_SMS_URL", "https://api-sms.cloud.toast.com"),
                app_key=os.environ.get("CHINJEOL_SMS_APP_KEY", ""),
                secret_key=os.environ.get("CHINJEOL_SMS_SECRET_KEY", ""),
                sender=os.environ.get("CHINJEOL_SMS_SENDER", ""),
            )
    elif channel == Message.Channel.LETTER:
        choice = "file"  # a letter is printed from the outbox, never mailed to the customer's name
    else:
        choice = os.environ.get("CHINJEOL_NOTIFY_EMAIL", "file")
        if choice == "smtp":
            return SmtpBackend()
    if choice == "console":
        return ConsoleBackend()
    return FileBackend()
