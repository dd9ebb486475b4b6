from __future__ import annotations

import pytest

from chinjeol.core.models import ApiToken


@pytest.fixture
def bearer():
    def make(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}

    return make


@pytest.fixture
def inbound(client, org, bearer, settings, tmp_path):
    """inbound(text, id, sender=…, channel=…) posts one message to the webhook as the gateway (CS officer token)."""
    settings.VAR_DIR = tmp_path
    headers = bearer(org.officer)

    def send(text, message_id, sender="010-2345-6789", channel="sms", provider="nhncloud"):
        body = {"from": sender, "to": "120", "text": text, "channel": channel, "provider": provider,
                "provider_message_id": message_id}  # fmt: skip
        return client.post("/api/v1/messages/inbound", body, content_type="application/json", **headers)

    return send
