"""Masking personal data (개인정보) in free text before it is stored, and contact-field helpers.

Masking keeps the length and the separators of what it masks, so a masked text reads like the
original: ``900101-1234567`` → ``900101-1******``, ``010-1234-5678`` → ``010-****-5678``,
``hong@example.com`` → ``ho**@example.com``. Numbers that are not personal data — receipt numbers,
dates, times, amounts and public hotlines (120, 1588-xxxx …) — are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MASK = "*"


@dataclass(frozen=True)
class Finding:
    kind: str  # rrn, phone, email, card, account, passport, car_plate
    start: int
    end: int


@dataclass(frozen=True)
class MaskResult:
    text: str
    found: tuple[Finding, ...]


_NOT_DIGIT_BEFORE = r"(?<![0-9A-Za-z*])"
_NOT_DIGIT_AFTER = r"(?![0-9*])"

# 주민등록번호·외국인등록번호: YYMMDD-GNNNNNN (G 1–8, or 9/0 for the 1800s); the checksum is never
# checked because numbers issued since 2020-10 have random last digits.
_RRN = re.compile(
    _NOT_DIGIT_BEFORE
    + r"(?P<birth>\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?P<sep>\s?-\s?|\s)?(?P<g>[0-9])(?P<rest>\d{6})"
    + _NOT_DIGIT_AFTER
)
_CARD = re.compile(_NOT_DIGIT_BEFORE + r"(\d{4})([ -]?)(\d{4})\2(\d{4})\2(\d{4})" + _NOT_DIGIT_AFTER)
_MOBILE = r"01[016789]"
_AREA = r"02|0[3-6][1-5]|070|050[2-9]?"
_PHONE = re.compile(
    r"(?<![0-9A-Za-z*+])"
    r"(?:(?P<intl>\+82[ -.]?|0082[ -.]?)(?P<ilead>10|1[16789]|2|[3-6][1-5]|70)"
    rf"|(?P<lead>{_MOBILE}|{_AREA}))"
    r"(?P<s1>[ .\-)]{0,2})(?P<mid>\d{3,4})(?P<s2>[ .\-]{0,2})(?P<last>\d{4})" + _NOT_DIGIT_AFTER
)
_EMAIL = re.compile(r"(?<![\w.+-])(?P<local>[A-Za-z0-9._%+-]+)@(?P<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_ACCOUNT_CONTEXT = re.compile(
    r"(계좌|통장|입금|송금|이체|은행|농협|국민|신한|우리|하나|기업|카카오뱅크|케이뱅크|토스|우체국|새마을|신협|수협|SC제일|씨티)"
)
_ACCOUNT = re.compile(_NOT_DIGIT_BEFORE + r"\d{2,6}(?:-\d{2,8}){1,3}" + _NOT_DIGIT_AFTER)
_ACCOUNT_PLAIN = re.compile(_NOT_DIGIT_BEFORE + r"\d{10,14}" + _NOT_DIGIT_AFTER)
_PASSPORT = re.compile(r"(?<![0-9A-Za-z*])(?P<head>[MSROD])(?P<body>\d{3}[A-Z]\d{4}|\d{8})(?![0-9A-Za-z])")
_PASSPORT_CONTEXT = re.compile(r"여권")
_REGIONS = "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
_PLATE_HANGUL = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호"
_CAR_PLATE = re.compile(
    rf"(?<![0-9가-힣*])(?P<head>(?:(?:{_REGIONS})\s?)?\d{{2,3}}\s?[{_PLATE_HANGUL}])\s?(?P<tail>\d{{4}})(?![0-9])"
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _star_digits(text: str) -> str:
    return "".join(MASK if c.isdigit() else c for c in text)


def _rrn_spans(text: str):
    for m in _RRN.finditer(text):
        sep = m.group("sep") or ""
        if sep.strip() == "" and sep:  # a lone space between two numbers: too weak without a hyphen
            continue
        yield "rrn", m.start(), m.end(), m.group("birth") + sep + m.group("g") + MASK * 6


def _card_spans(text: str):
    for m in _CARD.finditer(text):
        digits = "".join(m.group(i) for i in (1, 3, 4, 5))
        if not m.group(2) and not _luhn_ok(digits):
            continue
        sep = m.group(2)
        masked = digits[:6] + MASK * 6 + digits[12:]
        if sep:
            masked = sep.join(masked[i : i + 4] for i in range(0, 16, 4))
        yield "card", m.start(), m.end(), masked


def _phone_spans(text: str):
    for m in _PHONE.finditer(text):
        s1, s2 = m.group("s1"), m.group("s2")
        bare_landline = not m.group("intl") and not s1 and not s2 and not m.group("lead").startswith("01")
        if bare_landline and len(m.group(0)) not in (9, 10, 11):  # 0212345678: exact landline lengths only
            continue
        prefix = m.group(0)[: m.start("mid") - m.start()]
        masked = prefix + MASK * len(m.group("mid")) + s2 + m.group("last")
        yield "phone", m.start(), m.end(), masked


def _email_spans(text: str):
    for m in _EMAIL.finditer(text):
        local = m.group("local")
        keep = local[:2] if len(local) > 2 else local[:1]
        yield "email", m.start(), m.end(), keep + MASK * (len(local) - len(keep)) + "@" + m.group("domain")


def _account_spans(text: str):
    for pattern in (_ACCOUNT, _ACCOUNT_PLAIN):
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 15) : m.start()]
            if not _ACCOUNT_CONTEXT.search(before):
                continue
            value = m.group(0)
            digits = [i for i, c in enumerate(value) if c.isdigit()]
            if len(digits) < 10:
                continue
            keep_tail = set(digits[-2:])
            keep_head = set(digits[:3])
            masked = "".join(
                c if (not c.isdigit() or i in keep_tail or i in keep_head) else MASK
                for i, c in enumerate(value)
            )
            yield "account", m.start(), m.end(), masked


def _passport_spans(text: str):
    for m in _PASSPORT.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if m.group("head") != "M" and not _PASSPORT_CONTEXT.search(before):
            continue
        body = m.group("body")
        yield "passport", m.start(), m.end(), m.group("head") + body[:1] + MASK * (len(body) - 1)


def _plate_spans(text: str):
    for m in _CAR_PLATE.finditer(text):
        masked = text[m.start() : m.start("tail")] + MASK * 4
        yield "car_plate", m.start(), m.end(), masked


_FINDERS = (
    _rrn_spans,
    _card_spans,
    _account_spans,
    _email_spans,
    _passport_spans,
    _phone_spans,
    _plate_spans,
)


def mask_pii(text: str) -> MaskResult:
    """Mask every personal identifier found in `text`. Idempotent."""
    if not text:
        return MaskResult(text or "", ())
    taken: list[tuple[int, int, str, str]] = []
    for finder in _FINDERS:
        for kind, start, end, replacement in finder(text):
            if any(start < e and s < end for s, e, _k, _r in taken):
                continue
            taken.append((start, end, kind, replacement))
    if not taken:
        return MaskResult(text, ())
    taken.sort()
    out: list[str] = []
    cursor = 0
    for start, end, _kind, replacement in taken:
        out.append(text[cursor:start])
        out.append(replacement)
        cursor = end
    out.append(text[cursor:])
    return MaskResult("".join(out), tuple(Finding(kind, start, end) for start, end, kind, _r in taken))


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
    """010-1234-5678 → 010-****-5678 (input in any common format)."""
    if not phone:
        return ""
    try:
        lead, middle, last = normalize_phone(phone).split("-")
    except ValueError:
        digits = re.sub(r"\D", "", phone)
        return MASK * max(len(digits) - 4, 0) + digits[-4:]
    return f"{lead}-{MASK * len(middle)}-{last}"


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
