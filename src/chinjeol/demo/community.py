"""A year of the report centre and the community for the demo 구청, written through the real services so
mileage, department deductions, tasks and compensation entries all follow from the reports.

The demo `head` (민원여권과장) has an open apology call, `csadmin` an open investigation, and the demo
`counsellor` holds the smile baton."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from chinjeol.cases.models import Case
from chinjeol.charter import queries as charter_queries
from chinjeol.community import services
from chinjeol.community.models import Report, Task
from chinjeol.community.services import org
from chinjeol.compensation import services as compensation_services
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.models import User
from chinjeol.organization.models import Department, Staff

from .community_boards import _boards, _initiatives
from .community_texts import MEASURES, PRAISE, RELAY_REASONS, UNKIND
from .names import korean_name

SEED = 2029


class _Demo:
    def __init__(self, rng: random.Random, now: datetime):
        self.rng = rng
        self.now = now
        self.calendar = charter_queries.calendar_for()
        self.officer = User.objects.get(username="csadmin")
        staff = list(
            Staff.objects.active()
            .select_related("department")
            .filter(position__regex=r"주무관|상담사")
            .order_by("employee_no")
        )
        self.staff = staff
        self.by_department: dict[int, list[Staff]] = {}
        for person in staff:
            self.by_department.setdefault(person.department_id, []).append(person)
        self.accounts = {u.staff_id: u for u in User.objects.filter(staff__isnull=False)}
        self.stars = rng.sample(staff, 10)  # kind officials praised again and again

    def moment(self, day: date, hour: int | None = None) -> datetime:
        hour = hour if hour is not None else self.rng.choice([9, 10, 11, 13, 14, 15, 16, 17])
        moment = timezone.make_aware(datetime.combine(day, time(hour, self.rng.randint(0, 59))))
        return min(moment, self.now - timedelta(minutes=5))

    def business_day_after(self, moment: datetime, days: int) -> datetime:
        day = self.calendar.add_business_days(timezone.localtime(moment).date() + timedelta(days=1), days)
        return self.moment(day, 14)

    def phone(self) -> str:
        return f"010-{self.rng.randint(2000, 9999)}-{self.rng.randint(0, 9999):04d}"

    def head_of(self, department_id: int) -> User | None:
        heads = org.heads_of([department_id]).get(department_id, [])
        return heads[0] if heads else None


def _receive(demo: _Demo, kind: str, official: Staff, received: datetime, body: str | None = None) -> Report:
    rng = demo.rng
    return services.report_receive(
        intake=services.ReportIntake(
            kind=kind,
            body=body or rng.choice(PRAISE if kind == "praise" else UNKIND),
            reporter_name=korean_name(rng),
            reporter_phone=demo.phone(),
            official_name=f"{official.name} {official.position.split('(')[0]}",
            department_text=official.department.name,
            occurred_on=timezone.localtime(received).date() - timedelta(days=rng.randint(0, 2)),
            consent=True,
        ),
        now=received,
    )


def _investigate(demo: _Demo, report: Report, official: Staff, at: datetime) -> None:
    services.report_investigate(report_id=report.pk, by=demo.officer, now=at)
    services.report_evidence_add(
        report_id=report.pk,
        by=demo.officer,
        now=at,
        note=f"{official.department.name}에 사실 확인 요청, {official.name} 직원 경위 청취",
    )
    services.report_official_add(report_id=report.pk, staff_id=official.pk, by=demo.officer, now=at)


def _substantiate(demo: _Demo, report: Report, official: Staff, at: datetime) -> None:
    rng = demo.rng
    prevention = None
    if report.kind == Report.Kind.UNKIND:
        responsible = demo.head_of(report.reportofficial_set.get().department_id)
        prevention = services.PreventionInput(
            measure=rng.choice(MEASURES),
            responsible_id=responsible.staff_id if responsible and responsible.staff_id else official.pk,
            due_on=timezone.localtime(at).date() + timedelta(days=21),
        )
    finding = (
        "신고 내용과 부서 확인 결과가 일치하여 친절 사례로 인정함"
        if report.kind == Report.Kind.PRAISE
        else "CCTV와 동석 직원 진술로 불친절 응대를 확인함"
    )
    services.report_substantiate(
        report_id=report.pk, finding=finding, by=demo.officer, now=at, prevention=prevention
    )


def _close_tasks(demo: _Demo, report: Report, decided: datetime) -> None:
    """Tasks of decisions well in the past were carried out."""
    tasks = Task.objects.filter(report=report, status=Task.Status.OPEN).exclude(kind=Task.Kind.ENCOURAGEMENT)
    for task in tasks.select_related("assignee_department"):
        by = task.assignee_user or (
            demo.head_of(task.assignee_department_id) if task.assignee_department_id else None
        )
        if by is None:
            continue
        done = demo.business_day_after(decided, 1 if task.kind == Task.Kind.APOLOGY_CALL else 10)
        if done >= demo.now:
            continue
        reached = demo.rng.random() < 0.85
        services.task_complete(
            task_id=task.pk,
            by=by,
            now=done,
            called_at=done - timedelta(minutes=30) if task.kind == Task.Kind.APOLOGY_CALL else None,
            reached=reached if task.kind == Task.Kind.APOLOGY_CALL else None,
            outcome=(
                (
                    "직접 사과드리고 재발 방지 조치를 설명드림. 보상 안내함."
                    if reached
                    else "두 차례 통화 안 됨, 사과 문자 발송"
                )
                if task.kind == Task.Kind.APOLOGY_CALL
                else "부서 회의에서 사례를 공유하고 조치를 마침"
            ),
        )


def _reports(demo: _Demo, scale: float) -> None:
    rng, now = demo.rng, demo.now
    start = timezone.localtime(now).date() - timedelta(days=340)
    total = max(10, int(70 * scale))
    days = sorted(start + timedelta(days=rng.randint(0, 325)) for _ in range(total))
    for day in days:
        if not demo.calendar.is_business_day(day):
            day = demo.calendar.next_business_day(day)
        kind = "praise" if rng.random() < 0.75 else "unkind"
        official = (
            rng.choice(demo.stars) if kind == "praise" and rng.random() < 0.5 else rng.choice(demo.staff)
        )
        received = demo.moment(day)
        report = _receive(demo, kind, official, received)
        started = demo.business_day_after(received, 1)
        decided = demo.business_day_after(received, rng.randint(3, 6))
        if decided >= now - timedelta(days=7):
            continue  # recent reports are still being handled
        _investigate(demo, report, official, started)
        if rng.random() < (0.85 if kind == "praise" else 0.6):
            _substantiate(demo, report, official, decided)
            _close_tasks(demo, report, decided)
        else:
            services.report_unsubstantiate(
                report_id=report.pk,
                finding="해당 일시 근무 기록과 맞지 않아 사실을 확인할 수 없음",
                by=demo.officer,
                now=decided,
            )


def _named_reports(demo: _Demo) -> None:
    """The reports the demo accounts find waiting for them."""
    now = demo.now
    civil = Department.objects.get(name="민원여권과")
    team = Department.objects.get(name="민원팀")
    official = (demo.by_department.get(team.pk) or demo.by_department[civil.pk])[0]
    received = demo.business_day_after(now - timedelta(days=6), 1)
    report = _receive(
        demo,
        "unkind",
        official,
        received,
        body="여권 재발급 서류를 물었는데 귀찮다는 듯 대답하고 번호표를 다시 뽑으라고 했습니다.",
    )
    _investigate(demo, report, official, received + timedelta(hours=2))
    decided = min(now - timedelta(hours=3), received + timedelta(days=1))
    _substantiate(demo, report, official, decided)  # the head's apology call stays open

    staff_user = User.objects.select_related("staff", "staff__department").get(username="staff")
    received = now - timedelta(days=2)
    report = _receive(
        demo,
        "unkind",
        staff_user.staff,
        received,
        body="세금 고지서 문의 전화에 퉁명스럽게 답하고 먼저 전화를 끊었습니다.",
    )
    _investigate(
        demo, report, staff_user.staff, received + timedelta(hours=3)
    )  # csadmin's open investigation
    for kind, person in (("praise", demo.stars[0]), ("unkind", demo.rng.choice(demo.staff))):
        _receive(demo, kind, person, now - timedelta(hours=5))  # new, not yet looked at


def _from_cases(demo: _Demo) -> None:
    cases = (
        Case.objects.filter(kind__in=("praise", "unkind"), received_at__lt=demo.now - timedelta(days=3))
        .exclude(customer_phone="")
        .order_by("-received_at", "id")[:2]
    )
    for case in cases:
        services.report_from_case(case_id=case.pk, by=demo.officer, now=case.received_at + timedelta(hours=4))


def _relay(demo: _Demo) -> None:
    rng, now = demo.rng, demo.now
    counsellor = User.objects.get(username="counsellor").staff
    chain = [p for p in rng.sample(demo.staff, 16) if p.pk != counsellor.pk][:14] + [counsellor]
    moment = now - timedelta(days=120)
    for giver, taker in zip(chain, chain[1:], strict=False):
        moment += timedelta(days=rng.randint(5, 9), hours=rng.randint(0, 5))
        services.relay_recommend(
            recommender=giver, recommended_id=taker.pk, reason=rng.choice(RELAY_REASONS), now=min(moment, now)
        )
    others = [p for p in demo.staff if p not in chain]
    first, second, third = rng.sample(others, 3)
    services.relay_recommend(
        recommender=first,
        recommended_id=second.pk,
        reason=rng.choice(RELAY_REASONS),
        now=now - timedelta(days=40),
    )
    services.relay_recommend(
        recommender=second,
        recommended_id=third.pk,
        reason=rng.choice(RELAY_REASONS),
        now=now - timedelta(days=33),
    )


def _smiles(demo: _Demo) -> None:
    from chinjeol.community.models import Recommendation

    rng, now = demo.rng, demo.now
    today = timezone.localtime(now).date()
    for back in range(11, 0, -1):
        index = today.year * 12 + today.month - 1 - back
        year, month = index // 12, index % 12 + 1
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        while not demo.calendar.is_business_day(last):
            last -= timedelta(days=1)
        at = demo.moment(last, 16)
        chosen: set[int] = set()
        for rec in Recommendation.objects.in_month(year, month).order_by("created_at")[:1]:
            services.smile_select(
                year=year,
                month=month,
                staff_id=rec.recommended_id,
                reason="",
                recommendation_id=rec.pk,
                by=demo.officer,
                now=at,
            )
            chosen.add(rec.recommended_id)
        while len(chosen) < 2:
            person = rng.choice(demo.stars + demo.staff[:40])
            if person.pk in chosen:
                continue
            services.smile_select(
                year=year,
                month=month,
                staff_id=person.pk,
                reason="시민 칭찬과 동료 추천이 많았습니다.",
                by=demo.officer,
                now=at,
            )
            chosen.add(person.pk)


def _close_old_tasks(demo: _Demo) -> None:
    """Encouragements and other tasks due more than two weeks ago were carried out on time."""
    latest = Task.objects.filter(kind=Task.Kind.ENCOURAGEMENT).order_by("-due_at", "-id").first()
    old = Task.objects.open().filter(due_at__lt=demo.now - timedelta(days=14)).order_by("id")
    if latest is not None:  # one director still has an encouragement to do
        old = old.exclude(pk=latest.pk)
    for task in old.select_related("assignee_department"):
        by = task.assignee_user or demo.head_of(task.assignee_department_id)
        if by is None:
            continue
        services.task_complete(
            task_id=task.pk,
            by=by,
            now=task.due_at - timedelta(hours=2),
            outcome="국장실에서 직접 격려하고 격려 서한을 전달함"
            if task.kind == Task.Kind.ENCOURAGEMENT
            else "조치를 마치고 결과를 부서 회의에서 공유함",
            called_at=task.due_at - timedelta(hours=3) if task.kind == Task.Kind.APOLOGY_CALL else None,
            reached=True if task.kind == Task.Kind.APOLOGY_CALL else None,
        )


def _settle_compensation(demo: _Demo) -> None:
    """Compensation owed for older substantiated reports was approved and handed over."""
    old = CompensationEntry.objects.filter(
        source_type="kindness_report", occurred_at__lt=demo.now - timedelta(days=30)
    ).order_by("id")
    for entry in old:
        approved = entry.occurred_at + timedelta(days=2)
        compensation_services.compensation_approve(entry_id=entry.pk, by=demo.officer, now=approved)
        handed = timezone.localtime(approved).date() + timedelta(days=5)
        compensation_services.compensation_hand_over(
            entry_id=entry.pk,
            by=demo.officer,
            on=handed,
            handed_by="민원여권과 고객만족 담당",
            today=timezone.localdate(demo.now),
        )


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    demo = _Demo(rng, timezone.now())
    _reports(demo, scale)
    _from_cases(demo)
    _named_reports(demo)
    _relay(demo)
    _smiles(demo)
    _boards(demo)
    _initiatives(demo)
    _close_old_tasks(demo)
    _settle_compensation(demo)
