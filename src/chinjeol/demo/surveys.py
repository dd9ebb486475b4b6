"""A year of happy-calls on the demo cases and the annual satisfaction survey with about 1,000 answers.

Every closed case with a phone number got its happy-call SMS on the next business day at 10:00; most answered
by the link, some on the phone to the happy-call team, a few could not be reached, the last days' still wait.
Dissatisfied answers got their head's catch-call (the last ones still wait, some in 민원여권과 for `head`).
The annual survey of last year is closed and published with its improvement actions; a walk-in survey is open.
"""

from __future__ import annotations

import random
import secrets
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from chinjeol.cases.models import Case
from chinjeol.charter.queries import calendar_for
from chinjeol.core.models import User
from chinjeol.surveys import rules
from chinjeol.surveys.models import Answer, HappyCall, Question, Response, Survey

SEED = 13
COMMENTS_GOOD = [
    "친절하게 설명해 주셔서 고맙습니다.",
    "생각보다 빨리 처리되어 좋았습니다.",
    "담당 주무관님이 끝까지 챙겨 주셨어요.",
    "전화로 진행 상황을 알려 주셔서 안심했습니다.",
]
COMMENTS_BAD = [
    "답변이 너무 늦었습니다.",
    "같은 말을 여러 번 해야 했습니다.",
    "처리 결과가 요청한 내용과 다릅니다.",
    "담당자와 통화하기가 어려웠습니다.",
]
CATCH_NOTES = [
    "부서장이 전화로 사과드리고 재처리 일정을 안내함.",
    "불편 사항을 듣고 담당자 응대 교육을 약속함.",
    "추가 설명 후 민원인이 이해하심.",
]


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    now = timezone.now()
    _happy_calls(rng, now)
    _annual_survey(rng, now, scale)


def _scores(rng: random.Random, late: bool) -> list[int]:
    base = rng.choices([5, 4, 3, 2, 1], [46, 30, 13, 7, 4] if not late else [20, 25, 25, 18, 12])[0]
    return [min(5, max(1, base + rng.choice([-1, 0, 0, 0, 1]))) for _ in range(3)] + [base]


def _happy_calls(rng: random.Random, now: datetime) -> None:
    calendar = calendar_for([now.year - 1, now.year, now.year + 1])
    phone_team = User.objects.get(username="csadmin")
    head = User.objects.get(username="head")
    cases = (
        Case.objects.filter(status=Case.Status.CLOSED, closed_at__gte=now - timedelta(days=365))
        .exclude(customer_phone="")
        .only("id", "closed_at", "due_at", "department_id")
        .order_by("closed_at")
    )
    calls = []
    for case in cases.iterator(chunk_size=2000):
        send_at = rules.happy_call_send_at(case.closed_at, calendar)
        call = HappyCall(
            case_id=case.pk,
            token=secrets.token_urlsafe(18),
            send_at=send_at,
            expires_at=rules.link_expires_at(send_at),
        )
        calls.append(call)
        if send_at > now:
            continue
        roll = rng.random()
        by_phone = roll >= 0.62
        answered_at = send_at + (
            timedelta(days=rng.uniform(3.1, 6)) if by_phone else timedelta(minutes=rng.uniform(5, 60 * 30))
        )
        if roll >= 0.9 and send_at + rules.PHONE_AFTER < now:
            call.status, call.entered_by = HappyCall.Status.UNREACHABLE, phone_team
            continue
        if answered_at > now:
            continue  # still waiting (by link, then on the phone list)
        (
            call.score_result,
            call.score_kindness,
            call.score_speed,
            call.score,
        ) = _scores(rng, case.closed_at > case.due_at)
        call.status, call.answered_at = HappyCall.Status.ANSWERED, answered_at
        call.answered_via = HappyCall.Via.PHONE if by_phone else HappyCall.Via.LINK
        call.entered_by = phone_team if by_phone else None
        call.dissatisfied = rules.is_dissatisfied(call.scores)
        if call.dissatisfied or rng.random() < 0.25:
            call.comment = rng.choice(COMMENTS_BAD if call.dissatisfied else COMMENTS_GOOD)
        if call.dissatisfied:
            call.catch_due_at = rules.catch_call_due(answered_at, calendar)
            if call.catch_due_at < now - timedelta(days=2) or rng.random() < 0.3:
                call.catch_done_at = min(now, calendar.add_working_hours(answered_at, rng.uniform(1, 20)))
                call.catch_note, call.catch_by = rng.choice(CATCH_NOTES), head
    HappyCall.objects.bulk_create(calls, batch_size=2000)
    _head_story(now, calendar, head)


def _head_story(now: datetime, calendar, head: User) -> None:
    """`head` finds one dissatisfied answer of their department waiting for a catch-call."""
    call = (
        HappyCall.objects.filter(
            status=HappyCall.Status.ANSWERED, case__department__name="민원여권과", answered_at__lte=now
        )
        .order_by("-answered_at")
        .first()
    )
    if call is None or (call.dissatisfied and call.catch_done_at is None):
        return
    call.score_result, call.score_kindness, call.score_speed, call.score = 2, 3, 2, 2
    call.comment = "처리 결과가 요청한 내용과 다릅니다."
    call.dissatisfied, call.catch_done_at, call.catch_note, call.catch_by = True, None, "", None
    call.catch_due_at = rules.catch_call_due(call.answered_at, calendar)
    call.save()


QUESTIONS = [
    ("scale5", "민원 처리 결과에 전반적으로 만족하십니까?", []),
    ("scale5", "직원들은 친절했습니까?", []),
    ("scale7", "처리 기간은 적절했습니까? (1 = 매우 길었다, 7 = 매우 빨랐다)", []),
    (
        "single",
        "주로 어떤 방법으로 민원을 내셨습니까?",
        ["방문", "전화", "누리집", "국민신문고", "우편·팩스"],
    ),
    (
        "multiple",
        "개선이 가장 필요한 점을 모두 골라 주세요.",
        ["대기 시간", "안내 표지", "주차", "전화 연결", "처리 기간", "설명의 친절함"],
    ),
    ("single", "나이대", ["20대 이하", "30대", "40대", "50대", "60대 이상"]),
    ("nps", "우리 구청의 민원 서비스를 주변에 추천하시겠습니까?", []),
    ("text", "하고 싶은 말씀이 있으면 적어 주세요.", []),
]
TEXTS = [
    "주차 공간이 부족합니다.",
    "번호표 대기 시간이 길어요.",
    "직원분들이 친절해서 좋았습니다.",
    "전화 연결이 잘 안 됩니다.",
    "안내 표지를 크게 해 주세요.",
]
ACTIONS = """민원실 번호표 대기 현황을 구청 누리집과 카카오톡 채널에서 실시간으로 보여 줌 (2026. 3.)
점심시간 민원실 교대 근무로 대기 시간 단축 (2026. 2.)
민원콜센터 상담 인력 3명 증원, 전화 연결률 목표 90% (2026. 4.)
청사 안내 표지 전면 교체와 큰 글씨 안내판 설치 (2026. 5.)"""


def _annual_survey(rng: random.Random, now: datetime, scale: float) -> None:
    officer = User.objects.get(username="csadmin")
    year = timezone.localtime(now).year - 1
    survey = Survey.objects.create(
        title=f"{year}년 고객만족도 조사",
        intro="구청 민원 서비스를 이용하신 분들께 여쭙습니다. 익명이며 3분이면 됩니다.",
        is_annual=True,
        status=Survey.Status.CLOSED,
        token=secrets.token_urlsafe(9),
        opens_on=date(year, 11, 1),
        closes_on=date(year, 11, 30),
        findings=(
            "응답자의 전반 만족도는 5점 만점에 평균 4점 안팎으로 높았으나, 대기 시간과 전화 연결에 대한 "
            "불만이 가장 많았습니다."
        ),
        actions=ACTIONS,
        published_at=timezone.make_aware(datetime.combine(date(year + 1, 1, 15), time(10))),
        created_by=officer,
    )
    questions = [
        Question.objects.create(survey=survey, order=i, kind=k, text=t, options=o, required=k != "text")
        for i, (k, t, o) in enumerate(QUESTIONS, start=1)
    ]
    n = max(50, round(1000 * min(scale, 1.0)))
    start = datetime.combine(survey.opens_on, time(9), tzinfo=timezone.get_current_timezone())
    responses = Response.objects.bulk_create(
        [
            Response(
                survey=survey,
                channel=rng.choices(["link", "qr", "sms"], [30, 45, 25])[0],
                submitted_at=start + timedelta(minutes=rng.randint(0, 29 * 24 * 60)),
            )
            for _ in range(n)
        ]
    )
    answers = []
    for response in responses:
        mood = rng.choices([5, 4, 3, 2, 1], [38, 36, 16, 7, 3])[0]
        for q in questions:
            answers.append(_answer(rng, response, q, mood))
    Answer.objects.bulk_create([a for a in answers if a is not None], batch_size=5000)
    walk_in = Survey.objects.create(
        title="민원실 방문 고객 만족도 (상시)",
        intro="오늘 민원실 이용은 어떠셨나요? 민원실 곳곳의 QR 코드로 참여할 수 있습니다.",
        status=Survey.Status.OPEN,
        token=secrets.token_urlsafe(9),
        opens_on=timezone.localtime(now).date() - timedelta(days=30),
        created_by=officer,
    )
    for i, (k, t, o) in enumerate(QUESTIONS[:2] + QUESTIONS[6:], start=1):
        Question.objects.create(survey=walk_in, order=i, kind=k, text=t, options=o, required=k != "text")


def _answer(rng: random.Random, response: Response, q: Question, mood: int) -> Answer | None:
    if q.kind == "scale5":
        return Answer(response=response, question=q, number=min(5, max(1, mood + rng.choice([-1, 0, 0, 1]))))
    if q.kind == "scale7":
        return Answer(
            response=response, question=q, number=min(7, max(1, mood + 1 + rng.choice([-2, -1, 0, 1])))
        )
    if q.kind == "nps":
        return Answer(
            response=response, question=q, number=min(10, max(0, mood * 2 + rng.choice([-2, -1, 0, 0])))
        )
    if q.kind == "single":
        weights = [30, 25, 25, 12, 8] if len(q.options) == 5 else None
        return Answer(response=response, question=q, choices=[rng.choices(range(len(q.options)), weights)[0]])
    if q.kind == "multiple":
        picked = sorted(set(rng.choices(range(len(q.options)), [30, 12, 22, 20, 10, 6], k=rng.randint(1, 3))))
        return Answer(response=response, question=q, choices=picked)
    if rng.random() < 0.2:
        return Answer(response=response, question=q, text=rng.choice(TEXTS))
    return None
