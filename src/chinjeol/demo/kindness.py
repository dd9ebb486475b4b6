"""A year of kindness mileage for the demo 구청 (the twelve months up to this one): external phone
inspections, mystery shopping and training, praise put forward by CS leaders, a few unkind cases found in
internal checks, and the happy-call answers of the demo cases. The last finished half-year is published
with an award, encouragement and a penalty recorded on it.

The demo `staff` (세무과) slips in the second half (phone lapses, a failed mystery-shopping visit) and is
working it back; the demo `counsellor` (민원콜센터) is one of the best. Smile selections, praise and unkind reports of
the report centre are added by the community step, through the real services."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from chinjeol.core.models import RoleAssignment, User
from chinjeol.core.roles import Role
from chinjeol.kindness import queries, rules, services
from chinjeol.kindness.models import EvaluationItem, MileageEntry, SnapshotAction
from chinjeol.organization.models import Staff
from chinjeol.surveys.models import HappyCall

SEED = 2028


class Tier:
    def __init__(
        self, name, share, phone, phone_good, praise, training_per_half, mystery_pass, unkind_h1, unkind_h2
    ):
        self.name, self.share = name, share
        self.phone, self.phone_good = phone, phone_good  # inspections a month, share that go well
        self.praise = praise  # chance a month of a praise case put forward by the CS leader
        self.training_per_half = training_per_half
        self.mystery_pass = mystery_pass  # chance a mystery-shopping visit goes well
        self.unkind_h1, self.unkind_h2 = unkind_h1, unkind_h2  # chance of an unkind case in each half


TIERS = [
    Tier("excellent", 0.22, 1.0, 0.97, 0.22, 2, 0.95, 0.0, 0.0),
    Tier("good", 0.38, 0.75, 0.88, 0.07, 1, 0.85, 0.0, 0.0),
    Tier("average", 0.27, 0.45, 0.62, 0.02, 0.5, 0.6, 0.03, 0.0),
    Tier("slipping", 0.08, 0.55, 0.7, 0.0, 0.5, 0.5, 0.2, 1.0),
    Tier("poor", 0.05, 0.5, 0.2, 0.0, 0, 0.2, 0.6, 1.6),
]
PHONE_GOOD = [
    "첫인사와 소속·이름 안내 정확, 끝인사 뒤 3초 기다렸다 종료",
    "세 번 울리기 전에 받고 문의 내용을 다시 확인해 안내",
    "담당자 부재 전화를 대신 받아 용건을 메모하고 1시간 안에 회신",
]
PHONE_BAD = ["소속·이름 안내 누락", "세 번 넘게 울린 뒤 받음", "고객보다 먼저 전화를 끊음", "퉁명스러운 말투"]
COURSES = [
    "친절 교육 1단계(전화응대 기본)",
    "민원 응대와 결과 설명",
    "감정노동·불만 고객 응대",
    "고객 응대 매뉴얼",
]


def _moment(rng: random.Random, day: date, now: datetime) -> datetime:
    moment = timezone.make_aware(datetime.combine(day, time(rng.randint(9, 17), rng.randint(0, 59))))
    return min(moment, now - timedelta(hours=2))


def _day(rng: random.Random, month: rules.Period, today: date) -> date:
    last = (month.end - timedelta(days=1)).day
    if month.year == today.year and month.number == today.month:
        last = max(1, today.day - 1)
    return date(month.year, month.number, rng.randint(1, last))


class _Ledger:
    def __init__(self, now: datetime):
        self.now = now
        self.items = {i.code: i for i in EvaluationItem.objects.all()}
        self.rows: list[MileageEntry] = []

    def add(self, person: Staff, code: str, moment: datetime, points, source_type, label, by, note=""):
        self.rows.append(
            MileageEntry(
                staff=person,
                item=self.items[code],
                points=Decimal(str(points)),
                occurred_at=moment,
                source_type=source_type,
                source_id=f"demo-{len(self.rows) + 1}",
                source_label=label,
                registered_by=by,
                note=note,
                **services.period_fields(moment),
            )
        )


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    now = timezone.now()
    today = timezone.localtime(now).date()
    months = [rules.Period.containing(today, rules.MONTH)]
    while len(months) < 12:
        months.insert(0, months[0].previous())
    officer = User.objects.get(username="csadmin")
    evaluator = User.objects.get(username="evaluator")
    leaders = {
        a.department_id: a.user
        for a in RoleAssignment.objects.filter(role=Role.CS_LEADER).select_related("user", "user__staff")
    }
    people = list(Staff.objects.active().select_related("department").order_by("employee_no"))
    named = dict(
        User.objects.filter(username__in=["staff", "counsellor"]).values_list("staff_id", "username")
    )
    ledger = _Ledger(now)
    volume = max(scale, 0.05)

    for person in people:
        tier = _tier(rng, named.get(person.pk))
        leader = leaders.get(person.department_id) or leaders.get(person.department.parent_id) or officer
        if named.get(person.pk) == "staff":
            _staff_story(rng, ledger, person, months, today, evaluator, officer)
            continue
        for month in months:
            if rng.random() > volume:
                continue
            inspections = int(tier.phone) + (rng.random() < tier.phone % 1)
            for _ in range(inspections):
                good = rng.random() < tier.phone_good
                ledger.add(
                    person,
                    "phone",
                    _moment(rng, _day(rng, month, today), now),
                    2 if good else -1,
                    "inspection",
                    "전화친절도 점검 (한국서비스품질평가원)",
                    evaluator,
                    rng.choice(PHONE_GOOD if good else PHONE_BAD),
                )
            if rng.random() < tier.praise:
                ledger.add(
                    person,
                    "praise",
                    _moment(rng, _day(rng, month, today), now),
                    3,
                    "inspection",
                    f"친절 사례 (부서 CS리더 추천, {person.department.name})",
                    leader,
                    "민원인이 전화로 고마움을 전해 옴",
                )
            if rng.random() < 0.08:  # mystery shopping visits a few counters each month
                passed = rng.random() < tier.mystery_pass
                ledger.add(
                    person,
                    "training",
                    _moment(rng, _day(rng, month, today), now),
                    2 if passed else -1,
                    "mystery",
                    "암행 평가 (창구 응대)",
                    evaluator,
                    "대기 고객 안내와 설명이 친절함" if passed else "대기 안내 없이 자리를 비움",
                )
        for half_months in (months[:7], months[7:]):
            count = int(tier.training_per_half) + (rng.random() < tier.training_per_half % 1)
            for _ in range(count if rng.random() <= volume * 4 else 0):
                month = rng.choice(half_months)
                ledger.add(
                    person,
                    "training",
                    _moment(rng, _day(rng, month, today), now),
                    2,
                    "training",
                    f"{rng.choice(COURSES)} 과정 이수",
                    officer,
                )
        for chance, half_months in ((tier.unkind_h1, months[1:7]), (tier.unkind_h2, months[7:])):
            cases = int(chance) + (rng.random() < chance % 1)
            for _ in range(cases):
                ledger.add(
                    person,
                    "unkind",
                    _moment(rng, _day(rng, rng.choice(half_months), today), now),
                    -10,
                    "inspection",
                    "불친절 사례 (민원 응대 내부 점검)",
                    officer,
                    rng.choice(["민원인의 말을 끊고 퉁명스럽게 응대", "문의에 답하지 않고 다른 부서로 미룸"]),
                )
    _happy_calls(ledger)
    MileageEntry.objects.bulk_create(ledger.rows, batch_size=2000)
    services.ledger_changed()
    _publish_last_half(now, officer)


def _tier(rng: random.Random, username: str | None) -> Tier:
    roll = rng.random()
    if username == "counsellor":
        return TIERS[0]
    for tier in TIERS:
        roll -= tier.share
        if roll < 0:
            return tier
    return TIERS[-1]


def _staff_story(rng, ledger: _Ledger, person: Staff, months, today, evaluator, officer) -> None:
    """Steady in the first half; in the second two phone lapses and a failed mystery-shopping visit (the
    report centre adds an unkind report), then training and a good inspection to work it back."""
    now = ledger.now
    for month in months[:7]:
        ledger.add(
            person,
            "phone",
            _moment(rng, _day(rng, month, today), now),
            2,
            "inspection",
            "전화친절도 점검 (한국서비스품질평가원)",
            evaluator,
            PHONE_GOOD[0],
        )
    ledger.add(
        person,
        "training",
        _moment(rng, date(months[3].year, months[3].number, 14), now),
        2,
        "training",
        "친절 교육 1단계(전화응대 기본) 과정 이수",
        officer,
    )
    script = [
        (
            8,
            "phone",
            -1,
            "inspection",
            "전화친절도 점검 (한국서비스품질평가원)",
            evaluator,
            "소속·이름 안내 누락",
        ),
        (
            9,
            "training",
            -1,
            "mystery",
            "암행 평가 (창구 응대)",
            evaluator,
            "대기 고객에게 안내 없이 자리를 비움",
        ),
        (
            10,
            "phone",
            -1,
            "inspection",
            "전화친절도 점검 (한국서비스품질평가원)",
            evaluator,
            "세 번 넘게 울린 뒤 받음",
        ),
        (11, "training", 2, "training", "감정노동·불만 고객 응대 과정 이수", officer, ""),
        (11, "phone", 2, "inspection", "전화친절도 점검 (한국서비스품질평가원)", evaluator, PHONE_GOOD[1]),
    ]
    for month_index, code, points, source, label, by, note in script:
        month = months[month_index]
        ledger.add(person, code, _moment(rng, _day(rng, month, today), now), points, source, label, by, note)


def _happy_calls(ledger: _Ledger) -> None:
    """Each happy-call answer of the demo cases reaches its handler's 고객만족도 조사 mileage."""
    answers = (
        HappyCall.objects.filter(
            status=HappyCall.Status.ANSWERED, case__assignee__isnull=False, answered_at__lte=ledger.now
        )
        .select_related("case", "case__assignee")
        .order_by("pk")
    )
    for answer in answers:
        ledger.rows.append(
            MileageEntry(
                staff=answer.case.assignee,
                item=ledger.items["survey"],
                points=rules.happy_call_points(answer.score),
                occurred_at=answer.answered_at,
                source_type="happy_call",
                source_id=str(answer.pk),
                source_label=f"해피콜 만족도 {answer.score}점 ({answer.case.receipt_no})",
                **services.period_fields(answer.answered_at),
            )
        )


def _publish_last_half(now: datetime, officer: User) -> None:
    """Publish the last finished half-year early in the next one, with what was done about it."""
    half = rules.Period.containing(timezone.localtime(now).date(), rules.HALF).previous()
    published_at = timezone.make_aware(datetime.combine(half.end + timedelta(days=2), time(10, 0)))
    snapshot = services.period_publish(
        period=half,
        by=officer,
        now=min(published_at, now),
        note=f"{half.label_ko} 친절 평가 결과 공표 (부서장 회의 보고)",
    )
    results = queries.compute_period(half, now=published_at)
    best = next((d for d in results.departments if d.rank == 1), None)
    at = published_at + timedelta(days=7)
    if best is not None:
        services.snapshot_action_record(
            snapshot_id=snapshot.pk,
            kind=SnapshotAction.Kind.AWARD,
            department_id=best.id,
            by=officer,
            now=at,
            note=f"{half.label_ko} 친절 우수 부서 구청장 표창과 부서 포상금",
        )
    for staff_id in results.ranked_staff[:3]:
        services.snapshot_action_record(
            snapshot_id=snapshot.pk,
            kind=SnapshotAction.Kind.ENCOURAGEMENT,
            staff_id=staff_id,
            by=officer,
            now=at,
            note="친절 우수 직원 구청장 격려와 자기계발 휴가 1일",
        )
    worst = results.ranked_staff[-1] if results.ranked_staff else None
    if worst is not None and results.staff[worst].signal == rules.Signal.RED:
        services.snapshot_action_record(
            snapshot_id=snapshot.pk,
            kind=SnapshotAction.Kind.PENALTY,
            staff_id=worst,
            by=officer,
            now=at,
            note="친절 교육 재이수 지시, 다음 반기 전화응대 집중 점검 대상",
        )
