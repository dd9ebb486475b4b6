"""The demo agency's counter, field visits, expert room and meetings: visitors at the 민원여권과 counter on
every working day of the past months (most brought within 5 minutes, some not), a few waiting right now,
field visits announced the day before (some arranged too late), weekly expert consultations with the
vulnerable groups first, and the year's stakeholder meetings. Visits are written with `bulk_create`."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from chinjeol.visits import rules

SEED = 314
PER_DAY = 24
PURPOSES = {
    "민원여권과": ["여권 발급", "여권 재발급", "가족관계증명서 발급", "인감증명 발급", "민원 서류 문의"],
    "세무과": ["지방세 납부 상담", "재산세 이의 신청", "자동차세 문의"],
    "복지정책과": ["기초연금 신청", "복지 서비스 상담"],
    "생활보장과": ["긴급 복지 상담", "기초생활보장 신청"],
    "건축과": ["건축 허가 상담", "불법 건축물 민원"],
    "주차관리과": ["주차 과태료 이의 신청", "거주자 우선 주차 신청"],
    "청소행정과": ["대형 폐기물 신고"],
    "교통행정과": ["자동차 등록 상담"],
}
WEIGHTS = {"민원여권과": 9, "세무과": 3, "복지정책과": 2, "생활보장과": 2, "건축과": 2, "주차관리과": 2}


def build(scale: float = 1.0) -> None:
    from chinjeol.organization.models import Department

    if not Department.objects.filter(name="민원여권과").exists():
        return
    rng = random.Random(SEED)
    now = timezone.now()
    _counter(rng, now, scale)
    _field_visits(rng, now, scale)
    _experts(rng, now, scale)
    _meetings(now)
    _delivered(now)


def _delivered(now) -> None:
    """The history's messages went out when they were written; only today's wait for the worker."""
    from django.db.models import F

    from chinjeol.notify.models import Message
    from chinjeol.visits.services.notices import KINDS

    Message.objects.filter(
        kind__in=list(KINDS), status=Message.Status.QUEUED, created_at__lt=now - timedelta(hours=12)
    ).update(status=Message.Status.SENT, sent_at=F("created_at"), backend="demo")


def _version(code: str, moment):
    from chinjeol.charter.models import ServiceStandard

    standard = ServiceStandard.objects.filter(code=code).first()
    return standard.version_at(moment) if standard else None


def _aware(day: date, clock: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock))


def _counter(rng: random.Random, now, scale: float) -> None:
    from chinjeol.charter.queries import calendar_for
    from chinjeol.core.models import User
    from chinjeol.organization.models import Department, Staff
    from chinjeol.visits.models import DayCounter, Visit

    cal = calendar_for()
    names = [n for n in PURPOSES if n in set(Department.objects.values_list("name", flat=True))]
    departments = {d.name: d for d in Department.objects.filter(name__in=names)}
    staff = {
        name: list(Staff.objects.filter(department=d, is_active=True).values_list("pk", flat=True)[:12])
        for name, d in departments.items()
    }
    clerk = User.objects.filter(username="cslead").first()
    version = _version("VISIT_GUIDE", now)
    limit = int(version.target) * 60 if version else 300
    today = timezone.localtime(now).date()
    days = max(5, int(120 * scale))
    rows = []
    day = today
    for _ in range(days):
        day -= timedelta(days=1)
        while not cal.is_business_day(day):
            day -= timedelta(days=1)
        count = PER_DAY + rng.randint(-8, 8)
        arrivals = sorted(rng.randint(9 * 3600, 17 * 3600 + 1800) for _ in range(count))
        for number, seconds in enumerate(arrivals, start=1):
            name = (
                rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
                if rng.random() < 0.9
                else rng.choice(names)
            )
            arrived = _aware(day, time(seconds // 3600, seconds // 60 % 60, seconds % 60))
            busy = 12 <= seconds // 3600 < 13 or seconds // 3600 >= 17
            roll = rng.random()
            if roll < (0.14 if busy else 0.05):
                waited = rng.randint(limit + 1, limit + 420)  # missed
            elif roll < 0.08:
                waited = limit  # exactly on the line: 5:00 is kept
            else:
                waited = int(rng.triangular(25, limit - 1, 110))
            cancelled = rng.random() < 0.015
            rows.append(
                Visit(
                    number=number,
                    local_date=day,
                    department=departments[name],
                    purpose=rng.choice(PURPOSES[name]),
                    arrived_at=arrived,
                    guided_at=None if cancelled else arrived + timedelta(seconds=waited),
                    cancelled_at=arrived + timedelta(seconds=90) if cancelled else None,
                    deadline=rules.guide_deadline(arrived, limit / 60),
                    guided_to_id=None if cancelled or not staff[name] else rng.choice(staff[name]),
                    status=Visit.Status.CANCELLED if cancelled else Visit.Status.GUIDED,
                    version=version,
                    logged_by=clerk,
                )
            )
    # right now at the counter: three visitors waiting (one past the promise) and this morning's guided ones
    moment = rules.to_second(now)
    for number, (ago, name) in enumerate(((440, "세무과"), (170, "민원여권과"), (40, "건축과")), start=1):
        arrived = moment - timedelta(seconds=ago)
        rows.append(
            Visit(
                number=number,
                local_date=timezone.localtime(arrived).date(),
                department=departments[name],
                purpose=rng.choice(PURPOSES[name]),
                arrived_at=arrived,
                deadline=rules.guide_deadline(arrived, limit / 60),
                version=version,
                logged_by=clerk,
            )
        )
    Visit.objects.bulk_create(rows, batch_size=2000)
    DayCounter.objects.update_or_create(key=int(today.strftime("%Y%m%d")), defaults={"last": 3})


def _field_visits(rng: random.Random, now, scale: float) -> None:
    from chinjeol.core.models import User
    from chinjeol.notify.models import Message
    from chinjeol.organization.models import Staff
    from chinjeol.visits.services.field import (
        Appointment,
        field_visit_notice_queue,
        field_visit_record,
        field_visit_schedule,
    )

    people = []
    for name in ("건축과", "청소행정과", "세무과", "생활보장과", "민원팀", "주차관리과"):
        staff = Staff.objects.filter(department__name=name, is_active=True).select_related("department")
        people += list(staff.order_by("pk")[:2])
    people = people[0::2] + people[1::2]  # one department after another
    users = {u.staff_id: u for u in User.objects.filter(staff__in=people)}
    creator = User.objects.filter(username="cslead").first()
    purposes = [
        (
            "불법 건축물 현장 확인",
            "한빛로 23 주택",
            "증축 부분을 확인하고 자진 정비 기한을 안내했습니다.",
            "철거 비용 지원 여부를 확인해 알려 드리기로 함",
        ),
        ("무단 투기 현장 조사", "새솔길 8 골목", "투기 지점을 확인하고 단속 카메라 설치를 검토했습니다.", ""),
        (
            "긴급 복지 가정 방문",
            "누리아파트 103동",
            "생활 실태를 확인하고 긴급 생계비를 신청했습니다.",
            "의료비 지원 대상 여부 확인",
        ),
        ("주차장 설치 현장 확인", "푸른상가 앞", "설치 위치를 확인했습니다.", ""),
    ]
    count = max(6, int(60 * scale))
    for index in range(count):
        official = people[index % len(people)]
        purpose, place, result, follow_up = purposes[index % len(purposes)]
        days_ago = int((index + 1) * 150 / count)
        visit_day = timezone.localtime(now).date() - timedelta(days=days_ago)
        scheduled = _aware(visit_day, time(rng.choice([10, 11, 14, 15, 16]), 0))
        late = rng.random() < 0.08
        arranged = (
            scheduled - timedelta(hours=rng.randint(3, 6))
            if late
            else scheduled - timedelta(days=rng.randint(3, 9))
        )
        if scheduled.weekday() >= 5:
            continue
        visit = field_visit_schedule(
            appointment=Appointment(
                official_id=official.pk, citizen_name=_citizen(rng), citizen_phone=_phone(rng), place=place,
                purpose=purpose, scheduled_at=scheduled,
            ),
            by=creator, now=arranged,
        )  # fmt: skip
        if visit.notice_message_id is None:
            field_visit_notice_queue(visit=visit, now=visit.notice_send_at)
        Message.objects.filter(pk=visit.notice_message_id).update(
            status=Message.Status.SENT, sent_at=visit.notice_send_at + timedelta(seconds=rng.randint(2, 40))
        )
        by = users.get(official.pk) or creator
        field_visit_record(
            visit=visit, visited_at=scheduled + timedelta(minutes=rng.randint(-5, 10)), result=result,
            follow_up=follow_up if index % 3 == 0 else "", by=by, now=scheduled + timedelta(hours=2),
        )  # fmt: skip
    # the coming days: announced automatically by the worker the business day before
    for index in range(6):
        official = people[index % len(people)]
        purpose, place, _r, _f = purposes[index % len(purposes)]
        day = timezone.localtime(now).date() + timedelta(days=index + 1)
        if day.weekday() >= 5:
            day += timedelta(days=2)
        field_visit_schedule(
            appointment=Appointment(
                official_id=official.pk, citizen_name=_citizen(rng), citizen_phone=_phone(rng), place=place,
                purpose=purpose, scheduled_at=_aware(day, time(14, 0)),
            ),
            by=creator, now=now,
        )  # fmt: skip


def _citizen(rng: random.Random) -> str:
    from .names import korean_name

    return korean_name(rng)


def _phone(rng: random.Random) -> str:
    return f"010-{rng.randint(2000, 9999)}-{rng.randint(1000, 9999)}"


def _experts(rng: random.Random, now, scale: float) -> None:
    from chinjeol.charter.queries import calendar_for
    from chinjeol.visits.models import Booking, Expert, ExpertSlot, PriorityGroup
    from chinjeol.visits.services.experts import BookingIntake, booking_record, booking_request, slot_allocate

    groups = [
        PriorityGroup.objects.create(name=name, rank=rank)
        for name, rank in (
            ("기초생활수급자", 1),
            ("차상위계층", 1),
            ("장애인", 2),
            ("한부모가족", 2),
            ("65세 이상 어르신", 3),
        )
    ]
    experts = [
        Expert.objects.create(name="한정의", field=Expert.Field.LAW, affiliation="한빛구 마을변호사"),
        Expert.objects.create(name="오세준", field=Expert.Field.TAX, affiliation="한빛세무회계"),
        Expert.objects.create(name="민노을", field=Expert.Field.LABOUR, affiliation="노무법인 새길"),
        Expert.objects.create(name="서평가", field=Expert.Field.PROPERTY, affiliation="한빛감정평가"),
    ]
    cal = calendar_for()
    topics = [
        "전세 보증금을 돌려받지 못하고 있습니다.",
        "종합소득세 신고 방법을 알고 싶습니다.",
        "퇴직금을 받지 못했습니다.",
        "상속받은 주택의 재산세가 궁금합니다.",
        "임금 체불 진정 절차를 알고 싶습니다.",
    ]
    today = timezone.localtime(now).date()
    weeks = max(2, int(10 * scale))
    for week in range(-weeks, 4):
        day = today + timedelta(weeks=week)
        day = day - timedelta(days=day.weekday()) + timedelta(days=2)  # Wednesday
        if not cal.is_business_day(day):
            continue
        for hour, expert in zip((14, 15, 14, 16), experts, strict=True):
            starts = _aware(day, time(hour, 0))
            slot = ExpertSlot.objects.create(expert=expert, starts_at=starts, seats=2)
            past = starts <= now
            asked = rng.randint(1, 4) if past or week < 2 else rng.randint(0, 2)
            for n in range(asked):
                requested = (starts if past else now) - timedelta(days=rng.randint(3, 10), minutes=n)
                booking = booking_request(
                    intake=BookingIntake(
                        slot_id=slot.pk, citizen_name=_citizen(rng), citizen_phone=_phone(rng),
                        topic=rng.choice(topics), group_id=rng.choice(groups).pk if rng.random() < 0.45 else None,
                        channel=Booking.Channel.WEB if rng.random() < 0.6 else Booking.Channel.PHONE,
                    ),
                    by=None, now=min(requested, starts - timedelta(days=3)),
                )  # fmt: skip
            moment = rules.allocation_moment(starts, cal)
            if moment <= now:
                slot_allocate(slot=slot, now=moment)
            if past:
                for booking in Booking.objects.filter(slot=slot, status=Booking.Status.CONFIRMED):
                    came = rng.random() < 0.9
                    booking_record(
                        booking=booking, attended=came,
                        record="관련 법령과 절차를 설명하고 필요한 서류를 안내했습니다." if came else "",
                        satisfaction=rng.choices([5, 4, 3, 2], weights=[6, 3, 1, 0.3])[0] if came else None,
                        now=starts + timedelta(hours=1),
                    )  # fmt: skip


def _meetings(now) -> None:
    from chinjeol.core.models import User
    from chinjeol.organization.models import Department
    from chinjeol.visits.models import Meeting

    officer = User.objects.filter(username="csadmin").first()
    civil = Department.objects.get(name="민원여권과")
    year = timezone.localtime(now).year
    rows = [
        (
            date(year - 1, 3, 18),
            "사회적경제 유관단체",
            "민원 서비스 개선 간담회",
            14,
            "민원실 안내 표지판을 크게 바꿈",
        ),
        (date(year - 1, 6, 24), "장애인 단체 협의회", "민원실 접근성 간담회", 9, "경사로와 낮은 창구 설치"),
        (
            date(year - 1, 11, 5),
            "주민자치위원회",
            "하반기 서비스 헌장 점검",
            18,
            "전문가 상담실 토요일 운영 검토",
        ),
        (
            date(year, 4, 9),
            "사회적경제 유관단체",
            "상반기 고객 의견 청취",
            12,
            "현장 방문 전날 문자 안내 도입",
        ),
        (date(year, 9, 17), "어르신 복지 단체", "어르신 민원 응대 간담회", 11, "어르신 전용 대기석 마련"),
    ]
    for held_on, group, title, attendees, opinions in rows:
        if held_on > timezone.localtime(now).date():
            continue
        Meeting.objects.create(
            held_on=held_on, group=group, title=title, attendees=attendees,
            minutes=f"{group} 대표 등 {attendees}명이 참석하여 민원 서비스에 대한 의견을 나누었습니다.",
            opinions=opinions, department=civil, logged_by=officer,
        )  # fmt: skip
