"""The business rules of happy-calls and satisfaction surveys: pure functions, no database, no clock.

Happy-call (C12): the survey SMS goes out on the business day after the result notice at 10:00 (configurable),
its link is valid 14 days and answers once; a call still unanswered 3 days after the SMS goes to the happy-call
team's phone list; a dissatisfied answer (any question at 2 points or less) opens a catch-call for the
department head, due at the end of the 3rd business day after the answer.
Surveys (C9): 5- and 7-point scales, single and multiple choice, text and NPS (0–10) questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_SEND_TIME = time(10, 0)
LINK_VALID = timedelta(days=14)
PHONE_AFTER = timedelta(days=3)
DISSATISFIED_AT = 2  # a score at or below this is dissatisfied
CATCH_CALL_BUSINESS_DAYS = 3
SCORE_RANGE = range(1, 6)
SCORE_LABELS = {5: "매우 만족", 4: "만족", 3: "보통", 2: "불만족", 1: "매우 불만족"}

# The happy-call questions, in order: (field, question).
HAPPY_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("score_result", "처리 결과에 얼마나 만족하십니까?"),
    ("score_kindness", "담당 직원은 친절했습니까?"),
    ("score_speed", "처리 속도에 얼마나 만족하십니까?"),
    ("score", "전반적으로 얼마나 만족하십니까?"),
)


def happy_call_send_at(closed_at: datetime, calendar, send_time: time = DEFAULT_SEND_TIME) -> datetime:
    """The next business day after the day the case was closed (in the agency's time zone), at `send_time`."""
    closed_day = closed_at.astimezone(calendar.tz).date()
    day = calendar.next_business_day(closed_day + timedelta(days=1))
    return datetime.combine(day, send_time, tzinfo=calendar.tz)


def link_expires_at(send_at: datetime) -> datetime:
    return send_at + LINK_VALID


def link_open(*, expires_at: datetime, answered: bool, now: datetime) -> bool:
    """A happy-call link answers once, until it expires."""
    return not answered and now < expires_at


def needs_phone(*, send_at: datetime, answered: bool, now: datetime) -> bool:
    """Unanswered 3 days after the SMS: the happy-call team calls."""
    return not answered and now >= send_at + PHONE_AFTER


def check_score(value, label: str = "만족도") -> int:
    try:
        score = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{label}를 1점부터 5점까지 골라 주세요.") from None
    if score not in SCORE_RANGE:
        raise ValueError(f"{label}는 1점부터 5점까지입니다.")
    return score


def is_dissatisfied(scores: Iterable[int | None]) -> bool:
    """Any answered question at 2 points or less."""
    return any(s is not None and s <= DISSATISFIED_AT for s in scores)


def catch_call_due(answered_at: datetime, calendar) -> datetime:
    """The end of the 3rd business day after the day of the answer."""
    day = answered_at.astimezone(calendar.tz).date() + timedelta(days=1)
    return calendar.end_of_day(calendar.add_business_days(day, CATCH_CALL_BUSINESS_DAYS))


def response_rate(answered: int, sent: int) -> Decimal | None:
    """Answered out of sent, in percent with one decimal; None when nothing was sent."""
    if sent <= 0:
        return None
    if not 0 <= answered <= sent:
        raise ValueError("응답 수는 0 이상, 발송 수 이하여야 합니다.")
    return (Decimal(answered) * 100 / Decimal(sent)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def mean(values: Iterable[int | None]) -> Decimal | None:
    given = [v for v in values if v is not None]
    if not given:
        return None
    return (Decimal(sum(given)) / len(given)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- satisfaction surveys -------------------------------------------------------------------------------

SCALE_POINTS = {"scale5": 5, "scale7": 7}
NPS_RANGE = range(0, 11)
CHOICE_KINDS = frozenset({"single", "multiple"})
NUMBER_KINDS = frozenset({"scale5", "scale7", "nps"})


def nps(scores: Iterable[int]) -> int | None:
    """Net Promoter Score: % promoters (9–10) minus % detractors (0–6), rounded half up; None without answers."""
    given = list(scores)
    if not given:
        return None
    if any(s not in NPS_RANGE for s in given):
        raise ValueError("추천 점수는 0점부터 10점까지입니다.")
    promoters = sum(1 for s in given if s >= 9)
    detractors = sum(1 for s in given if s <= 6)
    value = Decimal(promoters - detractors) * 100 / len(given)
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def value_range(kind: str) -> range:
    if kind == "nps":
        return NPS_RANGE
    return range(1, SCALE_POINTS[kind] + 1)


def check_answer(kind: str, raw: Sequence[str], options: Sequence[str], *, required: bool):
    """The stored value of one answer from the submitted strings, or ValueError with a Korean message.
    Numbers for scales and NPS, a list of option indexes for choices, the text for text questions, None when
    left empty (refused when required)."""
    values = [v.strip() for v in raw if v is not None and v.strip()]
    if not values:
        if required:
            raise ValueError("답해 주세요.")
        return None
    if kind in NUMBER_KINDS:
        try:
            number = int(values[0])
        except ValueError:
            raise ValueError("점수를 골라 주세요.") from None
        if number not in value_range(kind):
            raise ValueError("고를 수 있는 점수가 아닙니다.")
        return number
    if kind in CHOICE_KINDS:
        try:
            picked = sorted({int(v) for v in values})
        except ValueError:
            raise ValueError("보기를 골라 주세요.") from None
        if any(i not in range(len(options)) for i in picked):
            raise ValueError("없는 보기입니다.")
        if kind == "single" and len(picked) > 1:
            raise ValueError("하나만 골라 주세요.")
        return picked
    return values[0][:2000]


def distribution(kind: str, values: Iterable, options: Sequence[str] = ()) -> list[tuple[str, int]]:
    """(label, count) for every possible answer of a closed question, in order."""
    if kind in NUMBER_KINDS:
        counts = dict.fromkeys(value_range(kind), 0)
        for v in values:
            if v in counts:
                counts[v] += 1
        return [(f"{k}점", n) for k, n in counts.items()]
    counts = dict.fromkeys(range(len(options)), 0)
    for v in values:
        for i in v or ():
            if i in counts:
                counts[i] += 1
    return [(options[i], n) for i, n in counts.items()]


def in_period(day: date, start: date, end: date) -> bool:
    return start <= day <= end


# The contact point of the service-quality index a case's channel belongs to (quality.rules.CONTACT_POINTS).
CHANNEL_CONTACT_POINTS = {"phone": "phone", "visit": "visit", "sms": "callcenter", "chat": "callcenter"}


def contact_point_of(channel: str) -> str:
    """전화 → phone, 방문 → visit, 문자·채팅 → callcenter, every written channel (web, 국민신문고, mail …) → web."""
    return CHANNEL_CONTACT_POINTS.get(channel, "web")


def satisfaction_index(mean_score: Decimal) -> Decimal:
    """A mean five-point happy-call score as 0–100 (1 → 0, 3 → 50, 5 → 100) for the service-quality index."""
    return ((mean_score - 1) * 25).quantize(Decimal("0.01"))
