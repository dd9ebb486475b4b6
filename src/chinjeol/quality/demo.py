"""The demo's quality programmes: a year of monthly mystery shopping (plans, evaluations, improvement
actions, review meetings), two external evaluations of the call centre (first and second half, imported
from the agency's results as Excel would be), a few CS-leader evaluations of recorded calls, a dispute,
and calibration sessions where several evaluators scored the same call."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from chinjeol.core.models import RoleAssignment, User
from chinjeol.core.roles import Role
from chinjeol.organization.models import Staff

from . import services
from .models import Evaluation, MysteryAssignment, Scorecard

SEED = 1313
AGENCY = "한국서비스품질평가원"
PANEL = ("김평가", "이평가", "박평가", "최평가")


def _scores(rng: random.Random, sheet: Scorecard, skill: float) -> dict:
    """Points per item around the person's skill (0–1), on half-point steps; N/A now and then."""
    out: dict = {}
    for item in sheet.items.all():
        if item.allow_na and rng.random() < 0.25:
            out[item.code] = None
            continue
        if item.kind == item.Kind.BONUS:
            out[item.code] = item.max_points if rng.random() < 0.1 else Decimal(0)
            continue
        share = min(1.0, max(0.3, rng.gauss(skill, 0.12)))
        out[item.code] = (Decimal(str(round(float(item.max_points) * share * 2) / 2))).min(item.max_points)
    return out


def _moment(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 17), rng.choice((0, 15, 30, 45)))))


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    now = timezone.now()
    today = timezone.localdate(now)
    officer = User.objects.get(username="csadmin")
    evaluator = User.objects.get(username="evaluator")
    sheets = Scorecard.objects.filter(is_active=True).prefetch_related("items")
    phone = next(s for s in sheets if s.code == "seoul-phone")
    visit = next(s for s in sheets if s.code == "visit-kindness")
    skill: dict[int, float] = {}

    def skill_of(pk: int) -> float:
        return skill.setdefault(pk, rng.uniform(0.7, 0.98))

    # Monthly mystery shopping over the last 12 months (this month's plan still half done).
    size = max(3, round(8 * min(1.0, scale * 4)))
    month = today.replace(day=1)
    months = []
    for _ in range(12):
        months.insert(0, month)
        month = (month - timedelta(days=1)).replace(day=1)
    for first in months:
        plan = services.plan_create(month=first, size=size, by=officer, now=now, seed=first.toordinal())
        for a in MysteryAssignment.objects.filter(plan=plan).select_related("staff"):
            if a.due_on >= today:
                continue
            sheet = visit if a.kind == Evaluation.Kind.MYSTERY_VISIT else phone
            evaluation = services.evaluation_record(
                scorecard=sheet, staff=a.staff, kind=a.kind, evaluated_at=_moment(a.due_on, rng),
                scores=_scores(rng, sheet, skill_of(a.staff_id)), by=evaluator, now=now, assignment=a,
                evaluator_name=f"{AGENCY} {rng.choice(PANEL)}",
                note=rng.choice(("전반적으로 친절함", "대기 안내가 늦음", "끝인사가 짧음", "설명이 쉽고 정확함")),
            )  # fmt: skip
            weak = services.mystery.weak_items(evaluation)
            if weak:
                services.action_create(
                    evaluation=evaluation, item=weak[0], owner=a.staff, by=officer,
                    title=f"{weak[0].name} 보완: 부서 CS리더와 역할극 교육", due_on=a.due_on + timedelta(days=30),
                )  # fmt: skip
        if first < months[-1]:
            _meeting(first, officer, today)

    # Two external evaluations of the call centre (H6): the first and the second half-year.
    centre = list(Staff.objects.active().filter(department__name="민원콜센터").order_by("employee_no"))
    centre = centre[: max(4, round(20 * min(1.0, scale * 5)))]
    for label, day in _halves(today):
        for person in centre:
            services.evaluation_record(
                scorecard=phone, staff=person, kind=Evaluation.Kind.PHONE, evaluated_at=_moment(day, rng),
                scores=_scores(rng, phone, skill_of(person.pk)), by=evaluator, now=now,
                source=Evaluation.Source.IMPORT, evaluator_name=f"{AGENCY} {label}",
                external_id=f"demo-{label}-{person.employee_no}",
            )  # fmt: skip

    _recordings(rng, now, today, phone, skill_of)
    _calibrations(rng, now, today, phone, officer, evaluator, centre)


def _halves(today: date) -> list[tuple[str, date]]:
    h2 = date(today.year, 11, 10) if today >= date(today.year, 11, 20) else date(today.year - 1, 11, 10)
    h1 = date(h2.year, 5, 12) if today >= date(today.year, 5, 20) else date(h2.year - 1, 5, 12)
    return sorted(
        [(f"{d.year}년 {'상' if d.month <= 6 else '하'}반기", d) for d in (h1, h2)], key=lambda x: x[1]
    )


def _meeting(first: date, officer, today: date) -> None:
    from .models import ImprovementAction

    actions = list(ImprovementAction.objects.filter(evaluation__assignment__plan__month=first)[:6])
    next_month = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    services.meeting_record(
        held_on=min(next_month + timedelta(days=6), today), month=first, by=officer,
        attendees="고객만족 담당관, 각 부서 CS리더, " + AGENCY,
        decisions=f"{first.month}월 암행 평가 결과 공유. 약한 항목 개선 조치 {len(actions)}건 확인, "
        "다음 달 표본에서 같은 항목을 다시 점검하기로 함.",
        action_ids=[a.pk for a in actions],
    )  # fmt: skip
    ImprovementAction.objects.filter(pk__in=[a.pk for a in actions[: len(actions) // 2 + 1]]).update(
        status=ImprovementAction.Status.DONE
    )


def _recordings(rng, now, today, phone, skill_of) -> None:
    """CS leaders evaluate recorded calls of their departments (linked to the call record); one dispute."""
    from chinjeol.contact.models import CallRecord

    leaders = RoleAssignment.objects.filter(role=Role.CS_LEADER).select_related("user")
    counsellor = User.objects.filter(username="counsellor").select_related("staff").first()
    made = []
    for assignment in leaders[:3]:
        calls = CallRecord.objects.filter(
            department_id=assignment.department_id, staff__isnull=False, answered_at__isnull=False,
            started_at__lt=now - timedelta(days=2),
        ).order_by("-started_at")[:2]  # fmt: skip
        for call in calls:
            made.append(services.evaluation_record(
                scorecard=phone, staff=call.staff, kind=Evaluation.Kind.RECORDING, evaluated_at=call.ended_at,
                scores=_scores(rng, phone, skill_of(call.staff_id)), by=assignment.user, now=now, call=call,
                note="녹취 재청취 평가",
            ))  # fmt: skip
    if counsellor and counsellor.staff:
        call = CallRecord.objects.filter(staff=counsellor.staff, answered_at__isnull=False,
                                         started_at__lt=now - timedelta(days=1)).order_by("-started_at").first()  # fmt: skip
        officer = User.objects.get(username="csadmin")
        if call is not None:
            made.append(services.evaluation_record(
                scorecard=phone, staff=counsellor.staff, kind=Evaluation.Kind.RECORDING, evaluated_at=call.ended_at,
                scores=_scores(rng, phone, 0.8), by=officer, now=now, call=call, note="녹취 재청취: 종료인사 보완 필요",
            ))  # fmt: skip
    if made:
        target = made[-1]
        services.dispute_open(evaluation=target, by=_owner_user(target) or User.objects.get(username="csadmin"),
                              reason="통화 끝에 고객이 먼저 끊어 종료인사를 할 수 없었습니다.", now=now)  # fmt: skip


def _owner_user(evaluation):
    return User.objects.filter(staff=evaluation.staff).first()


def _calibrations(rng, now, today, phone, officer, evaluator, centre) -> None:
    """Three sessions over the year: the panel scores the same recorded call; one evaluator drifts up."""
    for n, months_ago in enumerate((10, 5, 1)):
        day = today - timedelta(days=30 * months_ago)
        person = centre[n % len(centre)] if centre else None
        session = services.calibration_create(
            title=f"{day.year}년 {day.month}월 평가 보정", scorecard=phone, held_on=day, by=officer, staff=person,
        )  # fmt: skip
        base = _scores(random.Random(SEED + n), phone, 0.85)
        for k, name in enumerate(PANEL):
            lean = Decimal("0.5") * (n if k == 0 else 0) - (Decimal("0.5") if k == 3 else 0)
            sheet = {}
            for item in phone.items.all():
                value = base.get(item.code)
                if value is None:
                    sheet[item.code] = None
                    continue
                noise = Decimal(rng.choice((-1, -0.5, 0, 0, 0.5, 1)))
                sheet[item.code] = max(Decimal(0), min(item.max_points, value + noise + lean))
            services.evaluation_record(
                scorecard=phone, staff=person, kind=Evaluation.Kind.RECORDING, evaluated_at=_moment(day, rng),
                scores=sheet, by=evaluator, now=now, calibration=session, evaluator_name=f"{AGENCY} {name}",
            )  # fmt: skip
