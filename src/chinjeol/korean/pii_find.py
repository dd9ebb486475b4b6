"""Where the personal identifiers are in a normalized text (see `pii_text.normalize`).

Each finder yields `(kind, start, end, masked)`: the span in the view and the positions (view indices)
whose characters are replaced by the mask. Finders run in order and the first one to claim a span wins.

What is kept on purpose: 국민신문고 application numbers (1AA-YYMM-NNNNNNN), numbers labelled
처리번호·접수번호·신청번호·민원번호·사건번호 even when shaped like a registration number, dates, times,
amounts, public hotlines (120, 110, 15xx/16xx/18xx-xxxx, 02-120), 080 toll-free numbers, road addresses,
bus and stop numbers, postal codes and business registration numbers (사업자등록번호 NNN-NN-NNNNN, which
the law requires businesses to publish).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[str, int, int, tuple[int, ...]]

_B = r"(?<![0-9A-Za-z*@])(?<![0-9*][.\-/])"  # a number starts here, not inside a longer one
_A = r"(?![0-9*]|[.\-/][0-9*])"  # and ends here
# Between groups of digits: nothing, one or two spaces, or one separator with spaces around it.
_SEP = r"(?:[ \t]{0,2}[\-./·/][ \t]{0,2}|[ \t]{1,2})?"
_NOT_A_COUNT = r"(?!\s?(?:원|명|건|개|년|월|일|분|초|시|층|%))"  # 1000건, 2000원: a count
_BIRTH = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"

_RRN = re.compile(_B + rf"(?P<birth>{_BIRTH}){_SEP}(?P<back>\d{{7}})" + _A)
_RECEIPT_LABEL = re.compile(
    r"(?:처리|접수|신청|민원|사건|문서|주문|예약|관리|송장|운송장|증명서?|발급|등기|고지|납부|청구|영수증|법인(?:등록)?)\s*번호"
)
_PERSON_LABEL = re.compile(r"주민|외국인|등록번호|생년월일|앞자리|뒷자리|뒷번호")
# An RRN said in two parts: the birth date, some words, then the seven digits.
_RRN_SPLIT = re.compile(
    _B + rf"(?P<birth>{_BIRTH})(?![0-9*])(?P<gap>(?:[^0-9*\n]|\d자리){{1,25}}?)(?P<back>\d{{7}})" + _A
)
_SPLIT_WORDS = re.compile(r"뒤|뒷|나머지|다음|주민|외국인|앞자리")
_BACK_ALONE = re.compile(
    r"(?:뒷자리|뒷번호|뒤\s*(?:자리|번호)?)(?:는|은|가|이)?\s*[:：]?\s*(?P<back>\d{7})" + _A
)

_PHONE = re.compile(
    r"(?<![0-9A-Za-z*+@])(?<![0-9*][.\-/])"
    r"(?:(?P<intl>(?:\+|00)82[ \-.]?(?:\(0\)[ ]?|0)?)(?:10|1[16789]|2|[3-6][1-5]|70|50[2-8])"
    r"|\(?(?:01[016789]|02|0[3-6][1-5]|070|050[2-8])\)?)"
    rf"(?P<s1>{_SEP})(?P<mid>\d{{3,4}})(?P<s2>{_SEP})(?P<last>\d{{4}})" + _A + _NOT_A_COUNT
)
# An organisation's published number: 대표전화 02-2133-0000, 팩스 02-123-4567.
_OFFICE_LABEL = re.compile(
    r"(?:대표\s*(?:전화|번호)|팩스|FAX|Fax|fax|콜센터|고객센터)\s*(?:번호)?\s*[:：]?\s*$"
)
_CARD = re.compile(
    _B
    + r"(?!0)"
    + rf"(?:(?P<g16>\d{{4}}(?P<s>{_SEP})\d{{4}}(?P=s)\d{{4}}(?P=s)\d{{4}})|(?P<g88>\d{{8}}[ \-]\d{{8}})"
    + rf"|(?P<amex>3\d{{3}}(?P<t>{_SEP})\d{{6}}(?P=t)\d{{5}})"
    + r"|(?P<g15>\d{4}(?P<u>[ \-])\d{4}(?P=u)\d{4}(?P=u)\d{3}))"
    + _A
)
_DATE8 = re.compile(r"(?:^|\D)(?:1[89]|2[01])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\D|$)")
_BANKS = (
    r"계좌|통장|입금|송금|이체|환불|예금주|은행|뱅크|농협|신협|수협|우체국|새마을금고|증권|"
    r"국민(?!신문고|권익|연금|건강|\s*여러)|KB|신한|우리|하나|기업|IBK|SC제일|씨티|카카오|케이뱅크|토스"
)
_ACCOUNT_LABEL = re.compile(_BANKS)
_ACCOUNT_ANY = re.compile(r"(?<![0-9A-Za-z*\-])(?:\d{10,16}|\d{2,6}(?:[\- ]\d{1,8}){1,4})" + _A)
# Formats banks print, found without a label: 국민 6-2-6, 신한 3-3-6, 우리 4-3-6, 하나 3-6-5, 농협 3-4-4-2
# and 6-2-6, 기업 3-6-2-3, 카카오뱅크 3333-NN-NNNNNNN, SC제일 3-2-6, 우체국 6-2-7.
_ACCOUNT_FORMAT = re.compile(
    r"(?<![0-9A-Za-z*\-])(?:\d{6}-\d{2}-\d{6,7}|\d{3}-\d{3}-\d{6}|\d{4}-\d{3}-\d{6}|\d{3}-\d{6}-\d{5}"
    r"|\d{3}-\d{4}-\d{4}-\d{2}|\d{3}-\d{6}-\d{2}-\d{3}|(?:3333|7979)-\d{2}-\d{7}|\d{3}-\d{2}-\d{6})"
    r"(?![0-9*\-])"
)
_BUSINESS_LABEL = re.compile(r"사업자")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*)"
    r"(?P<at>[ \t]*@[ \t]*|[ \t]+at[ \t]+|[ \t]*[(\[{<]at[)\]}>][ \t]*|[ \t]*골뱅이[ \t]*)"
    r"(?P<domain>[A-Za-z0-9\-]+(?:(?:\.|[ \t]+dot[ \t]+|[ \t]*[(\[]dot[)\]][ \t]*|[ \t]*(?:닷|쩜|점)[ \t]*)"
    r"[A-Za-z0-9\-]+)*(?:\.|[ \t]+dot[ \t]+|[ \t]*[(\[]dot[)\]][ \t]*|[ \t]*(?:닷|쩜|점)[ \t]*)"
    r"(?:[A-Za-z]{2,})"
    r"|[A-Za-z0-9\-]+[ \t]*(?:닷컴|닷넷|쩜컴|점컴)"
    r"|네이버|지메일|다음|한메일|네이트|카카오|핫메일|야후)"
)
_PASSPORT = re.compile(r"(?<![0-9A-Za-z*])(?P<num>[MSROD](?:\d{8}|\d{3}[A-Z]\d{4}))(?![0-9A-Za-z])")
_PASSPORT_LABEL = re.compile(r"여권|passport", re.IGNORECASE)
_PASSPORT_ANY = re.compile(r"(?<![0-9A-Za-z*\-])(?P<num>[A-Z]{0,2}\d{6,9}|[A-Z0-9]{6,10})(?![0-9A-Za-z*\-])")
_REGIONS = "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
_LICENCE = re.compile(
    rf"(?<![0-9A-Za-z*])(?P<head>(?:{_REGIONS})[ \t]?|(?:1[1-9]|2[0-8])[ \t]?-[ \t]?)"
    r"(?P<year>\d{2})[ \t]?-[ \t]?(?P<serial>\d{6})[ \t]?-[ \t]?(?P<check>\d{2})" + _A
)
_LICENCE_BARE = re.compile(r"(?<![0-9A-Za-z*])(?:1[1-9]|2[0-8])\d{10}" + _A)
_LICENCE_LABEL = re.compile(r"면허")
# 호 is left out: "101동 1203호" is an address far more often than a rental car.
_PLATE_HANGUL = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허"
_CAR_PLATE = re.compile(
    rf"(?<![0-9가-힣*])(?:(?:{_REGIONS})[ \t]?)?\d{{2,3}}[ \t]?[{_PLATE_HANGUL}][ \t]?(?P<tail>\d{{4}})"
    + _A
    + _NOT_A_COUNT
)


def _digits(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i].isdigit()]


def _label_before(text: str, start: int, width: int = 20) -> str:
    return text[max(0, start - width) : start]


def _is_receipt(text: str, start: int) -> bool:
    """A number labelled as a receipt or processing number, with no personal label after that label."""
    window = _label_before(text, start)
    receipt = [m.end() for m in _RECEIPT_LABEL.finditer(window)]
    if not receipt:
        return False
    person = [m.end() for m in _PERSON_LABEL.finditer(window)]
    return not person or max(receipt) >= max(person)


def rrn(text: str) -> Iterator[Span]:
    for m in _RRN.finditer(text):
        if _is_receipt(text, m.start()):
            continue
        yield "rrn", m.start(), m.end(), tuple(_digits(text, m.start("back") + 1, m.end("back")))
    split = _SPLIT_WORDS.search(text) or _PERSON_LABEL.search(text)
    for m in _RRN_SPLIT.finditer(text) if split else ():
        gap = m.group("gap")
        if not (_SPLIT_WORDS.search(gap) or _PERSON_LABEL.search(_label_before(text, m.start(), 12))):
            continue
        if _is_receipt(text, m.start()):
            continue
        yield "rrn", m.start(), m.end(), tuple(range(m.start("back") + 1, m.end("back")))
    for m in _BACK_ALONE.finditer(text) if split else ():
        yield "rrn", m.start("back"), m.end("back"), tuple(range(m.start("back") + 1, m.end("back")))


def phone(text: str) -> Iterator[Span]:
    for m in _PHONE.finditer(text):
        if _OFFICE_LABEL.search(_label_before(text, m.start(), 10)):
            continue
        plain_landline = not m.group("intl") and not m.group(0).startswith(("(", "01"))
        if plain_landline and m.group("mid").startswith("1") and m.group("s1") != m.group("s2"):
            continue  # no exchange starts with 1: "02-120 1000" is the hotline and another number
        if plain_landline and m.group("mid").startswith("0"):
            continue  # nor with 0: "우편번호 02000 1000번 버스" is a postcode and a bus
        yield "phone", m.start(), m.end(), tuple(range(m.start("last"), m.end("last")))


def card(text: str) -> Iterator[Span]:
    for m in _CARD.finditer(text):
        digits = _digits(text, m.start(), m.end())
        if _is_receipt(text, m.start()) or (m.group("g88") and _DATE8.search(m.group("g88"))):
            continue
        yield "card", m.start(), m.end(), tuple(digits[6:-4])


def _account_mask(text: str, start: int, end: int) -> tuple[int, ...]:
    digits = _digits(text, start, end)
    return tuple(digits[3:-2])


def account(text: str) -> Iterator[Span]:
    for m in _ACCOUNT_ANY.finditer(text) if _ACCOUNT_LABEL.search(text) else ():
        digits = _digits(text, m.start(), m.end())
        if not 10 <= len(digits) <= 16:
            continue
        window = _label_before(text, m.start(), 15)
        after = text[m.end() : m.end() + 10]  # 12345678901234 (국민은행)
        if (
            not (_ACCOUNT_LABEL.search(window) or _ACCOUNT_LABEL.search(after))
            or _BUSINESS_LABEL.search(window)
            or _is_receipt(text, m.start())
        ):
            continue
        yield "account", m.start(), m.end(), _account_mask(text, m.start(), m.end())
    for m in _ACCOUNT_FORMAT.finditer(text):
        window = _label_before(text, m.start(), 15)
        if _BUSINESS_LABEL.search(window) or _is_receipt(text, m.start()):
            continue
        yield "account", m.start(), m.end(), _account_mask(text, m.start(), m.end())


def email(text: str) -> Iterator[Span]:
    for m in _EMAIL.finditer(text):
        if m.group("at").strip() == "at" and "." not in m.group("domain") and "dot" not in m.group("domain"):
            continue  # "meet at home": an English word, not an address
        local_start, local_end = m.span("local")
        keep = 2 if local_end - local_start > 2 else 1
        yield "email", m.start(), m.end(), tuple(range(local_start + keep, local_end))


def passport(text: str) -> Iterator[Span]:
    for m in _PASSPORT.finditer(text):
        yield "passport", m.start(), m.end(), tuple(range(m.start() + 2, m.end()))
    for m in _PASSPORT_ANY.finditer(text) if _PASSPORT_LABEL.search(text) else ():
        label = _PASSPORT_LABEL.search(_label_before(text, m.start(), 12))
        if not label or re.search(r"[0-9*]", _label_before(text, m.start(), 12)[label.end() :]):
            continue
        if len(_digits(text, m.start(), m.end())) < 5:
            continue
        yield "passport", m.start(), m.end(), tuple(range(m.start() + 2, m.end()))


def licence(text: str) -> Iterator[Span]:
    for m in _LICENCE.finditer(text):
        yield "licence", m.start(), m.end(), tuple(_digits(text, m.start("serial"), m.end("check")))
    for m in _LICENCE_BARE.finditer(text) if _LICENCE_LABEL.search(text) else ():
        if _LICENCE_LABEL.search(_label_before(text, m.start(), 15)):
            yield "licence", m.start(), m.end(), tuple(range(m.start() + 4, m.end()))


def car_plate(text: str) -> Iterator[Span]:
    for m in _CAR_PLATE.finditer(text):
        yield "car_plate", m.start(), m.end(), tuple(range(m.start("tail"), m.end("tail")))


_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염"
    "여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부"
)
# A name given with its label: 성명: 홍길동, 이름은 김철수이고, 예금주 남궁민수. The name is masked as
# a name field is (홍*동); without a label a name cannot be told from an ordinary word.
_NAME = re.compile(
    r"(?:성명|이름|고객명|예금주|수령인|받는\s?분)(?:\s*[:：]\s*|(?:은|는)\s*|(?P<bare>\s+))"
    rf"(?P<name>(?:남궁|황보|제갈|선우|독고|사공|서문|[{_SURNAMES}])[가-힣]{{1,3}}?)"
    r"(?=$|[\s,.)\]·/(]|씨|님|입니다|이고|이며|이라|이요|으로|[0-9])"
)
_COMPOUND_SURNAMES = frozenset(["남궁", "황보", "제갈", "선우", "독고", "사공", "서문"])
_NOT_A_NAME = frozenset(
    [
        "이름",
        "성명",
        "본인",
        "전화",
        "정보",
        "동의",
        "미상",
        "모름",
        "없음",
        "확인",
        "비공개",
        "익명",
        "생략",
        "주소",
        "연락처",
        "번호",
        "명의",
        "대리인",
        "가족",
        "남편",
        "아내",
        "부모",
        "자녀",
        "어머니",
        "아버지",
        "배우자",
        "직접",
        "대신",
        "이씨",
        "김씨",
        "박씨",
        "정도",
        "제가",
        "저는",
        "우리",
        "이분",
        "그분",
        "선생님",
    ]
)


def name(text: str) -> Iterator[Span]:
    for m in _NAME.finditer(text):
        value = m.group("name")
        if len(value) < 2 or value in _NOT_A_NAME or value[-1] in "다요음함됨임":
            continue
        if m.group("bare") and len(value) != (4 if value[:2] in _COMPOUND_SURNAMES else 3):
            continue  # "이름 변경 요청": without a colon or 은/는, only a full name of three syllables
            continue
        start, end = m.span("name")
        masked = range(start + 1, end - 1) if end - start > 2 else range(start + 1, end)
        yield "name", start, end, tuple(masked)


FINDERS = (rrn, licence, card, phone, account, email, passport, car_plate, name)
