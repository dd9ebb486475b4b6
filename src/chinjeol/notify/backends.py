"""Delivery backends. Which one sends e-mail and which sends SMS is chosen by environment:

CHINJEOL_NOTIFY_EMAIL  file (default) | console | smtp      (smtp uses Django's EMAIL_* settings)
CHINJEOL_NOTIFY_SMS    file (default) | console | nhncloud
CHINJEOL_SMS_URL, CHINJEOL_SMS_APP_KEY, CHINJEOL_SMS_SECRET_KEY, CHINJEOL_SMS_SENDER   (nhncloud)
"""

from __future__ import annotations

import json
import logging
import os
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail

from .models import Message

log = logging.getLogger("chinjeol.notify")


class DeliveryError(Exception):
    pass


class Backend(Protocol):
    name: str

    def send(self, message: Message) -> None: ...


class FileBackend:
    """Writes each message as a text file under CHINJEOL_VAR_DIR/notices (the demo's outbox)."""

    name = "file"

    def __init__(self, directory: Path | None = None):
        self.directory = directory or Path(settings.VAR_DIR) / "notices"

    def send(self, message: Message) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{message.created_at:%Y%m%d-%H%M%S}-{message.pk}-{message.kind}.txt"
        path.write_text(
            f"수단: {message.get_channel_display()}\n받는 곳: {message.recipient}\n제목: {message.subject}\n\n{message.body}\n",
            encoding="utf-8",
        )


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


class SmtpBackend:
    name = "smtp"

    def send(self, message: Message) -> None:
        sender = getattr(settings, "DEFAULT_FROM_EMAIL", "webmaster@localhost")
        try:
            send_mail(message.subject, message.body, sender, [message.recipient], fail_silently=False)
        except Exception as exc:  # smtplib and socket errors alike
            raise DeliveryError(f"메일 발송 실패: {exc}") from exc


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
            "recipientList": [{"recipientNo": re.sub(r"\D", "", message.recipient)}],
        }
        if long:
            payload["title"] = message.subject[:20]
        request = urllib.request.Request(  # noqa: S310 - the provider URL comes from configuration
            f"{self.url}/sms/v3.0/appKeys/{self.app_key}/sender/{kind}",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json;charset=UTF-8", "X-Secret-Key": self.secret_key},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                data = json.loads(response.read().decode() or "{}")
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise DeliveryError(f"문자 발송 요청 실패: {exc}") from exc
        header = data.get("header", {})
        if not header.get("isSuccessful"):
            raise DeliveryError(
                f"문자 발송 거부: {header.get('resultCode')} {header.get('resultMessage', '')}".strip()
            )


def backend_for(channel: str) -> Backend:
    if channel == Message.Channel.SMS:
        choice = os.environ.get("CHINJEOL_NOTIFY_SMS", "file")
        if choice == "nhncloud":
            return NhnCloudSms(
                url=os.environ.get("CHINJEOL_SMS_URL", "https://api-sms.cloud.toast.com"),
                app_key=os.environ.get("CHINJEOL_SMS_APP_KEY", ""),
                secret_key=os.environ.get("CHINJEOL_SMS_SECRET_KEY", ""),
                sender=os.environ.get("CHINJEOL_SMS_SENDER", ""),
            )
    else:
        choice = os.environ.get("CHINJEOL_NOTIFY_EMAIL", "file")
        if choice == "smtp":
            return SmtpBackend()
    if choice == "console":
        return ConsoleBackend()
    return FileBackend()
