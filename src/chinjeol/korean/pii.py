"""Masking personal data (개인정보) in free text before it is stored, and contact-field helpers.

Masking keeps the length and the separators of what it masks, so a masked text reads like the
original: ``900101-1234567`` → ``900101-1******``, ``010-1234-5678`` → ``010-1234-****``,
``hong@example.com`` → ``ho**@example.com``. Numbers that are not personal data — receipt numbers,
dates, times, amounts and public hotlines (120, 1588-xxxx …) — are left alone. What counts as personal
data and what is kept is listed in `pii_find`; how typed and transcribed forms (full-width digits,
Korean digit words, zero-width spaces) are read is in `pii_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pii_find import FINDERS
from .pii_text import normalize

MASK = "*"


@dataclass(frozen=True)
class Finding:
    kind: str  # rrn, phone, email, card, account, passport, licence, car_plate
    start: int
    end: int


@dataclass(frozen=True)
class MaskResult:
    text: str
    found: tuple[Finding, ...]


def _claim(text: str) -> list[tuple[int, int, str, tuple[int, ...]]]:
    view = normalize(text)
    taken: list[tuple[int, int, str, tuple[int, ...]]] = []
    for finder in FINDERS:
        for kind, start, end, masked in finder(view.text):
            if not masked or any(start < e and s < end for s, e, _k, _m in taken):
                continue
            taken.append((start, end, kind, masked))
    origin = view.origin
    return sorted(
        (origin[start], origin[end - 1] + 1, kind, tuple(origin[i] for i in masked))
        for start, end, kind, masked in taken
    )


# Texts this process has just produced: masking is idempotent, so a service that masks a text and the
# field that masks it again on save (and once more when the value is prepared) do the work once.
_RECENT: dict[str, None] = {}
_RECENT_MAX = 1024


def _remember(masked: str) -> None:
    if len(_RECENT) >= _RECENT_MAX:
        _RECENT.clear()
    _RECENT[masked] = None


def mask_pii(text: str) -> MaskResult:
    """Mask every personal identifier found in `text`. Pure and idempotent; keeps the length."""
    if not text:
        return MaskResult(text or "", ())
    taken = _claim(text)
    if not taken:
        _remember(text)
        return MaskResult(text, ())
    chars = list(text)
    for _start, _end, _kind, masked in taken:
        for index in masked:
            chars[index] = MASK
    result = MaskResult("".join(chars), tuple(Finding(kind, start, end) for start, end, kind, _m in taken))
    _remember(result.text)
    return result


def mask_text(text: str) -> str:
    """The masked text alone: what is stored, shown and sent."""
    if not text or text in _RECENT:
        return text or ""
    return mask_pii(text).text


HANDLER_LINE = "담당: "


def mask_notice(text: str) -> str:
    """A notice masked line by line, except the line naming the handler and the handler's office contact
    (시행령 제31조; `templates/notify/_handler.txt`), which the citizen must be able to call."""
    if not text:
        return text or ""
    return "\n".join(line if line.startswith(HANDLER_LINE) else mask_text(line) for line in text.split("\n"))


_PHONE_DIGITS = re.compile(r"^(?:\+?82|0082)?0?(\d+)$")


def normalize_phone(raw: str) -> str:
    """A Korean phone number with canonical hyphens: 01012345678 → 010-1234-5678, 0212345678 →
    02-1234-5678, +82 10 1234 5678 → 010-1234-5678. Raises ValueError for anything else."""
    cleaned = re.sub(r"[\s.\-()]", "", raw or "")
    if cleaned.startswith("+82") or cleaned.startswith("0082"):
        cleaned = "0" + cleaned[cleaned.index("82") + 2 :].lstrip("0")
    if not cleaned.isdigit():
        raise ValueError("전화번호 형식이 올바르지 않습니다")
    for lead in ("010", "011", "016", "017", "018", "019", "070", "02"):
        if cleaned.startswith(lead):
            rest = cleaned[len(lead) :]
            break
    else:
        match = re.match(r"^(0[3-6][1-5]|050\d?)(\d+)$", cleaned)
        if not match:
            raise ValueError("전화번호 형식이 올바르지 않습니다")
        lead, rest = match.group(1), match.group(2)
    if len(rest) not in (7, 8) or (lead == "010" and len(rest) != 8):
        raise ValueError("전화번호 형식이 올바르지 않습니다")
    return f"{lead}-{rest[:-4]}-{rest[-4:]}"


def mask_phone(phone: str) -> str:
    """010-1234-5678 → 010-1234-**** (input in any common format), the same part free text masks."""
    if not phone:
        return ""
    try:
        lead, middle, last = normalize_phone(phone).split("-")
    except ValueError:
        digits = re.sub(r"\D", "", phone)
        return digits[:-4] + MASK * min(len(digits), 4)
    return f"{lead}-{middle}-{MASK * len(last)}"


def phone_last4(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:]


def mask_email(email: str) -> str:
    """hong.gildong@example.com → ho**********@example.com."""
    if not email or "@" not in email:
        return email or ""
    local, domain = email.split("@", 1)
    keep = local[:2] if len(local) > 2 else local[:1]
    return keep + MASK * (len(local) - len(keep)) + "@" + domain


def mask_name(name: str) -> str:
    """홍길동 → 홍*동, 김철 → 김*, 남궁민수 → 남**수."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + MASK
    return name[0] + MASK * (len(name) - 2) + name[-1]
