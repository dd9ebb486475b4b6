"""Settings of the call centre, from `settings.CHINJEOL_CONTACT` (all optional)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings

from chinjeol.korean.pii import mask_phone

from . import rules


@dataclass(frozen=True)
class ContactSettings:
    tz: ZoneInfo
    cadence_s: int
    service_level_t: int
    extension_max_len: int
    opening: time
    closing: time
    talk_limit_s: int


def contact_settings() -> ContactSettings:
    raw = getattr(settings, "CHINJEOL_CONTACT", {}) or {}
    opening, closing = raw.get("OPERATING_HOURS", rules.DEFAULT_OPERATING_HOURS)
    return ContactSettings(
        tz=ZoneInfo(raw.get("PBX_TIMEZONE", "Asia/Seoul")),
        cadence_s=int(raw.get("RING_CADENCE_S", rules.DEFAULT_CADENCE_S)),
        service_level_t=int(raw.get("SERVICE_LEVEL_T", rules.DEFAULT_SERVICE_LEVEL_T)),
        extension_max_len=int(raw.get("EXTENSION_MAX_LEN", 5)),
        opening=opening,
        closing=closing,
        talk_limit_s=int(raw.get("TALK_LIMIT_S", rules.OVER_TALK_S)),
    )


_NON_DIGITS = re.compile(r"\D")


def normalize_number(raw: str) -> str:
    digits = raw if raw.isdigit() else _NON_DIGITS.sub("", raw or "")
    if digits.startswith("82") and len(digits) > 9:
        digits = "0" + digits[2:]
    return digits


@lru_cache(maxsize=1)
def _hash_key() -> bytes:
    return hashlib.sha256(("contact-number:" + settings.SECRET_KEY).encode()).digest()


@lru_cache(maxsize=200_000)
def number_identity(raw: str) -> tuple[str, str]:
    """(keyed hash, masked form) of an outside number; the number itself is never stored."""
    digits = normalize_number(raw)
    if not digits:
        return "", ""
    digest = hashlib.blake2b(digits.encode(), key=_hash_key(), digest_size=16).hexdigest()
    if len(digits) == 11 and digits.startswith(
        "010"
    ):  # mask_phone's answer for a mobile, without its parsing
        return digest, f"010-{digits[3:7]}-****"
    return digest, mask_phone(digits)[:24]
