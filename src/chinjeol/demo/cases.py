"""A year of realistic cases for the demo 구청: channels, kinds and departments as a 구청 sees them,
most answered on time, some late, extended or transferred, and some open today."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from chinjeol.cases.models import Case, CaseEvent, ReceiptCounter, RoutingRule
from chinjeol.cases.services import compensation_check
from chinjeol.charter import queries as charter_queries
from chinjeol.charter import rules as charter_rules
from chinjeol.core.models import User
from chinjeol.organization.models import Department, Staff

from .case_texts import ANSWERS, CHANNELS, INTERIM, TOPICS
from .names import korean_name

SEED = 2027
YEAR_CASES = 6000


# (department, kind, title, body)
def _working_moment(rng: random.Random, day) -> datetime:
    hour = rng.choice([9, 10, 10, 11, 13, 14, 14, 15, 16, 17, 19, 21])
    return timezone.make_aware(datetime.combine(day, time(hour, rng.randint(0, 59))))


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    now = timezone.now()
    calendar = charter_queries.calendar_for()
    departments = {d.name: d for d in Department.objects.all()}
    members: dict[int, list[Staff]] = {}
    for staff in Staff.objects.active().filter(position__regex=r"주무관|상담사"):
        members.setdefault(staff.department_id, []).append(staff)
    users = {u.staff_id: u for u in User.objects.filter(staff__isnull=False)}
    promises = charter_queries.promises_at(now)
    _routing_rules(departments)

    start = (now - timedelta(days=358)).date()
    days = [start + timedelta(days=i) for i in range(359)]
    business_days = [d for d in days if calendar.is_business_day(d)]
    counters: dict[int, int] = {}
    cases: list[Case] = []
    plans: list[dict] = []
    for _ in range(max(1, int(YEAR_CASES * scale))):
        dept_name, kind, title, body = rng.choice(TOPICS)
        department = departments[dept_name]
        channel = (
            "disclosure"
            if kind == "disclosure"
            else rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
        )
        received = _working_moment(rng, rng.choice(business_days))
        version = promises.get(channel)
        legal, promise, binding = charter_rules.binding_deadline(
            received,
            kind=kind,
            channel=channel,
            calendar=calendar,
            charter_days=version.days if version else None,
        )
        staff = rng.choice(members.get(department.pk) or [None])
        name = korean_name(rng)
        cases.append(
            Case(
                receipt_no="",
                channel=channel,
                kind=kind,
                title=title,
                body=body,
                customer_name=name,
                customer_phone=f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}",
                customer_email=f"citizen{len(cases)}@example.com"
                if channel in ("web", "epeople", "email") and rng.random() < 0.4
                else "",
                department=department,
                assignee=staff,
                received_at=received,
                counted_from=legal.counted_from,
                legal_due_at=legal.due_at,
                promise_due_at=promise.due_at if promise else None,
                promise_version=version if promise else None,
                due_at=binding.due_at,
                deadline_rule=binding.rule,
                status=Case.Status.RECEIVED,
            )
        )
        plans.append({"outcome": rng.random(), "staff": staff})
    order = sorted(range(len(cases)), key=lambda i: cases[i].received_at)
    cases = [cases[i] for i in order]
    plans = [plans[i] for i in order]
    for case in cases:
        year = timezone.localtime(case.received_at).year
        counters[year] = counters.get(year, 0) + 1
        case.receipt_no = f"{year}-{counters[year]:07d}"
    Case.objects.bulk_create(cases, batch_size=1000)
    saved = list(Case.objects.order_by("received_at", "id"))
    events: list[CaseEvent] = []
    for case, plan in zip(saved, plans, strict=True):
        _plan_case(case, plan, rng, now, calendar, events, users)
    Case.objects.bulk_update(
        saved,
        [
            "status",
            "closed_at",
            "answer",
            "interim_last_at",
            "due_at",
            "extensions",
            "transferred_to",
            "first_contact_resolved",
            "assignee",
            "department",
        ],
        batch_size=1000,
    )
    CaseEvent.objects.bulk_create(events, batch_size=2000)
    for year, last in counters.items():
        ReceiptCounter.objects.update_or_create(year=year, defaults={"last": last})
    compensation_check(now=now, limit=20_000)


def _plan_case(case, plan, rng, now, calendar, events, users) -> None:
    staff = plan["staff"]
    actor = users.get(staff.pk) if staff else None
    events.append(
        CaseEvent(
            case=case,
            kind=CaseEvent.Kind.RECEIVED,
            at=case.received_at,
            to_status="received",
            note=f"{case.get_channel_display()} 접수",
        )
    )
    if staff is None:
        return
    assigned_at = calendar.add_working_hours(case.received_at, 1)
    if assigned_at > now:
        case.assignee = None
        return
    events.append(
        CaseEvent(
            case=case,
            kind=CaseEvent.Kind.ASSIGNED,
            at=assigned_at,
            actor=actor,
            from_status="received",
            to_status="assigned",
            note=f"{staff.name}에게 배정",
        )
    )
    case.status = Case.Status.ASSIGNED
    outcome = plan["outcome"]
    if outcome < 0.03:
        case.status, case.transferred_to, case.closed_at = (
            Case.Status.TRANSFERRED,
            "한빛시청",
            assigned_at + timedelta(hours=2),
        )
        events.append(
            CaseEvent(
                case=case,
                kind=CaseEvent.Kind.TRANSFERRED,
                at=case.closed_at,
                actor=actor,
                from_status="assigned",
                to_status="transferred",
                note="한빛시청(으)로 이송: 시 소관 사무",
            )
        )
        return
    if outcome < 0.05:
        case.status, case.closed_at = Case.Status.WITHDRAWN, assigned_at + timedelta(hours=5)
        events.append(
            CaseEvent(
                case=case,
                kind=CaseEvent.Kind.WITHDRAWN,
                at=case.closed_at,
                actor=actor,
                from_status="assigned",
                to_status="withdrawn",
                note="민원인 요청으로 취하",
            )
        )
        return
    started = calendar.add_working_hours(assigned_at, 2)
    if started > now:
        return
    events.append(
        CaseEvent(
            case=case,
            kind=CaseEvent.Kind.STARTED,
            at=started,
            actor=actor,
            from_status="assigned",
            to_status="in_progress",
        )
    )
    case.status = Case.Status.IN_PROGRESS
    span = (case.due_at - started).total_seconds()
    if outcome < 0.09:  # extended once, with notice
        half = started + timedelta(seconds=span * 0.7)
        if half < now:
            case.due_at = calendar.end_of_day(
                calendar.add_business_days(case.due_at.date() + timedelta(days=1), 5)
            )
            case.extensions = 1
            events.append(
                CaseEvent(
                    case=case,
                    kind=CaseEvent.Kind.EXTENDED,
                    at=half,
                    actor=actor,
                    note="시행령 제21조 1차 연장 5일 · 사유: 현장 조사와 관계 부서 협의 필요",
                )
            )
    if 0.09 <= outcome < 0.14:  # interim notice sent before the promise
        at = started + timedelta(seconds=span * 0.6)
        if at < now:
            case.interim_last_at = at
            events.append(
                CaseEvent(
                    case=case,
                    kind=CaseEvent.Kind.INTERIM,
                    at=at,
                    actor=actor,
                    note=f"{rng.choice(INTERIM)} (예정 {case.due_at + timedelta(days=5):%Y. %m. %d.})",
                )
            )
    if outcome > 0.994:
        return  # forgotten: still in progress long after its deadline
    late = outcome > 0.93
    fraction = rng.uniform(1.05, 1.8) if late else rng.uniform(0.05, 0.95)
    closed_at = started + timedelta(seconds=max(span, 3600) * fraction)
    if closed_at > now:
        return  # still open
    case.status, case.closed_at, case.answer = Case.Status.CLOSED, closed_at, rng.choice(ANSWERS)
    case.first_contact_resolved = (
        case.channel in ("phone", "visit") and case.kind == "other" and rng.random() < 0.7
    )
    events.append(
        CaseEvent(
            case=case,
            kind=CaseEvent.Kind.CLOSED,
            at=closed_at,
            actor=actor,
            from_status="in_progress",
            to_status="closed",
            note="결과 통지",
        )
    )


def _routing_rules(departments) -> None:
    rules = [
        ("주차", "주차관리과"),
        ("폐기물", "청소행정과"),
        ("쓰레기", "청소행정과"),
        ("세금", "세무과"),
        ("재산세", "세무과"),
        ("여권", "민원여권과"),
        ("공원", "공원녹지과"),
        ("공사", "건축과"),
        ("버스", "교통행정과"),
    ]
    RoutingRule.objects.bulk_create(
        [RoutingRule(keyword=k, department=departments[d], priority=10 + i) for i, (k, d) in enumerate(rules)]
        + [
            RoutingRule(kind="disclosure", department=departments["총무과"], priority=50),
            RoutingRule(department=departments["민원여권과"], priority=999),
        ]
    )
