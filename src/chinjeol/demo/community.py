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
from chinjeol.charter.calendar import SEOUL
from chinjeol.community import services
from chinjeol.community.models import Report, Task
from chinjeol.community.services import org
from chinjeol.compensation import services as compensation_services
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.models import User
from chinjeol.organization.models import Department, Staff

from .names import korean_name

SEED = 2029
PRAISE = [
    "서류 발급을 기다리는 동안 어머니께 자리를 먼저 안내해 주시고, 필요한 서류를 하나하나 챙겨 주셨습니다.",
    "전화로 여쭈었는데 담당이 아닌데도 끝까지 알아봐 주시고 다시 전화까지 주셨습니다.",
    "처음 해 보는 신청이라 헤맸는데 웃으며 차근차근 설명해 주셔서 한 번에 끝냈습니다.",
    "비 오는 날 현장에 직접 나와 확인해 주시고 조치 결과까지 알려 주셨습니다.",
    "어르신이 이해하실 때까지 큰 글씨로 적어 가며 안내해 주셨습니다. 감사합니다.",
]
UNKIND = [
    "문의하는 동안 한숨을 쉬고 반말로 대답했습니다. 다른 직원에게 물어보라며 자리를 떴습니다.",
    "전화를 했더니 퉁명스럽게 답하고 제 말이 끝나기도 전에 먼저 끊었습니다.",
    "창구에서 서류를 던지듯 건네고 설명을 요청하자 짜증을 냈습니다.",
    "점심시간 전이라며 접수를 받지 않고 기다리라고만 했습니다.",
]
MEASURES = [
    "부서 전 직원 민원 응대 매뉴얼 재교육, 창구 응대 점검표 매일 확인",
    "전화응대 333 캠페인 부서 점검 강화, 해당 직원 감정노동·응대 교육 이수",
    "점심시간 교대 근무표 조정으로 창구 공백 없애기",
]
RELAY_REASONS = [
    "민원인이 화를 내도 끝까지 차분하게 들어 드립니다.",
    "바쁜 날에도 동료 전화를 대신 받아 친절하게 안내합니다.",
    "어르신 민원인을 직접 모시고 담당 부서까지 안내해 드렸습니다.",
    "늘 웃는 얼굴로 먼저 인사해 사무실 분위기가 밝아집니다.",
    "신규 직원에게 응대 요령을 꼼꼼히 알려 주는 든든한 선배입니다.",
]
BEST_CASES = [
    (
        "화난 민원인을 단골로 만든 한마디",
        "처음부터 끝까지 말씀을 끊지 않고 들은 뒤 '많이 답답하셨겠습니다'라고 먼저 말씀드렸습니다.",
    ),
    (
        "직원부재전화 대신 받기로 민원 해결",
        "담당자가 출장 중이었지만 같은 팀에서 대신 받아 1시간 안에 답을 드렸습니다.",
    ),
    (
        "외국인 주민을 위한 그림 안내문",
        "여권 발급 절차를 그림으로 정리해 창구에 두었더니 문의가 절반으로 줄었습니다.",
    ),
    (
        "해피콜에서 들은 불편을 바로 개선",
        "대기 번호표가 잘 안 보인다는 의견을 듣고 안내판 위치를 바꿨습니다.",
    ),
    ("어르신 전용 창구 운영", "오전 10시부터 12시까지 어르신 전용 창구를 열어 대기 시간을 줄였습니다."),
    (
        "민원 처리 결과를 문자로 미리 안내",
        "처리 예정일 하루 전에 진행 상황을 문자로 알려 드려 재문의가 줄었습니다.",
    ),
]
BROADCASTS = [
    ("민원팀 생일 축하", "이번 주 생일을 맞은 민원팀 동료들을 축하합니다! 신청곡: 생일 축하합니다"),
    ("고생한 콜센터 상담사께", "폭염 속에서도 밝은 목소리로 응대해 주신 상담사님들께 감사드립니다."),
    ("신규 직원 환영", "이번 달 새로 온 동료들을 환영합니다. 함께 친절한 구청을 만들어요."),
    ("정년 퇴임 축하", "32년 근무를 마치시는 선배님께 감사와 축하의 마음을 전합니다."),
    ("친절 다짐 한마디", "'먼저 인사하고 끝까지 듣겠습니다' 우리 과 친절 다짐을 함께 나눠요."),
    ("오후의 신청곡", "나른한 오후, 모두 힘내자는 뜻으로 신청합니다."),
    ("재난 대응 수고하셨습니다", "호우 대응으로 밤샘한 안전재난과 동료들에게 박수를 보냅니다."),
    ("헌혈 캠페인 안내", "다음 주 구청 앞 헌혈 버스에 함께해 주세요."),
]
INITIATIVES = [
    ("먼저 인사하기 운동", "민원인이 들어오면 3초 안에 먼저 인사", "매일 아침 인사 연습, 월 1회 상호 점검"),
    ("전화 333 지키기", "전화 응대 점검 평균 90점 이상", "부서 자체 모니터링 월 2회, 우수 직원 칭찬"),
    ("민원 대기 0분 만들기", "평균 대기 시간 5분 이내", "번호표 안내 도우미 배치, 점심시간 교대 근무"),
    ("쉬운 말 안내문", "안내문 전면 쉬운 말로 개편", "자주 묻는 질문 20개를 쉬운 말로 고쳐 게시"),
    ("찾아가는 민원 상담", "현장 상담 분기 2회", "경로당·복지관 방문 상담"),
]


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


def _boards(demo: _Demo) -> None:
    rng, now = demo.rng, demo.now
    for report in Report.objects.praise().substantiated().order_by("-decided_at")[:4]:
        services.best_case_from_report(
            report_id=report.pk,
            title=f"시민이 칭찬한 {report.department_text} 이야기",
            body=report.body,
            by=demo.officer,
            now=report.decided_at + timedelta(hours=2),
        )
    authors = [demo.accounts[p.pk] for p in rng.sample(demo.staff, len(BEST_CASES)) if p.pk in demo.accounts]
    for i, ((title, body), author) in enumerate(zip(BEST_CASES, authors, strict=False)):
        at = now - timedelta(days=20 * (len(BEST_CASES) - i) + 1)
        post = services.best_case_submit(
            author=author, title=title, body=body, department_id=author.staff.department_id, now=at
        )
        if i < len(BEST_CASES) - 2:
            services.best_case_moderate(
                post_id=post.pk, status="published", by=demo.officer, now=at + timedelta(days=1)
            )
        elif i == len(BEST_CASES) - 2:
            services.best_case_moderate(
                post_id=post.pk, status="hidden", by=demo.officer, now=at + timedelta(days=1)
            )

    for i in range(12):
        official = demo.stars[i % len(demo.stars)] if i < 9 else rng.choice(demo.staff)
        at = now - timedelta(days=330 - i * 27, hours=rng.randint(0, 6))
        post = services.praise_post_submit(
            intake=services.PraiseIntake(
                title=f"{official.department.name} {official.name}님 고맙습니다",
                body=rng.choice(PRAISE),
                official_name=official.name,
                department_text=official.department.name,
                writer_name=korean_name(rng),
                writer_phone=demo.phone() if rng.random() < 0.5 else "",
                consent=True,
            ),
            now=at,
        )
        if i < 9:
            services.praise_post_approve(
                post_id=post.pk, official_id=official.pk, by=demo.officer, now=at + timedelta(days=1)
            )
        elif i == 9:
            services.praise_post_hide(
                post_id=post.pk,
                by=demo.officer,
                now=at + timedelta(days=1),
                note="칭찬 대상 직원을 확인할 수 없음",
            )

    requesters = [
        demo.accounts[p.pk] for p in rng.sample(demo.staff, len(BROADCASTS)) if p.pk in demo.accounts
    ]
    for i, ((title, content), requester) in enumerate(zip(BROADCASTS, requesters, strict=False)):
        asked = now - timedelta(days=(len(BROADCASTS) - i) * 25)
        requested_on = timezone.localtime(asked).date() + timedelta(days=7)
        if i >= len(BROADCASTS) - 2:
            asked, requested_on = (
                now - timedelta(days=1),
                timezone.localtime(now).date() + timedelta(days=5 + i),
            )
        row = services.broadcast_request(
            requester=requester, title=title, content=content, requested_on=requested_on, now=asked
        )
        if i >= len(BROADCASTS) - 2:
            continue
        decided = asked + timedelta(days=1)
        if i == 2:
            services.broadcast_decide(
                request_id=row.pk,
                status="declined",
                note="같은 주에 비슷한 사연이 방송되어 다음 기회에 소개합니다.",
                by=demo.officer,
                now=decided,
            )
            continue
        services.broadcast_decide(request_id=row.pk, status="approved", by=demo.officer, now=decided)
        if requested_on < timezone.localtime(now).date():
            services.broadcast_decide(
                request_id=row.pk,
                status="aired",
                aired_on=requested_on,
                by=demo.officer,
                now=decided + timedelta(days=7),
            )


def _initiatives(demo: _Demo) -> None:
    rng, now = demo.rng, demo.now
    this_year = timezone.localtime(now).year
    divisions = Department.objects.active().filter(kind=Department.Kind.DIVISION).order_by("sort_order")
    for year in (this_year - 1, this_year):
        for i, division in enumerate(divisions):
            by = demo.head_of(division.pk) or demo.officer
            title, goal, actions = INITIATIVES[(i + year) % len(INITIATIVES)]
            registered = min(now - timedelta(days=1), datetime(year, 2, 10 + i % 15, 10, tzinfo=SEOUL))
            initiative = services.initiative_save(
                department_id=division.pk,
                year=year,
                title=title,
                goal=goal,
                planned_actions=actions,
                by=by,
                now=registered,
            )
            roll = rng.random()
            if year == this_year and roll < 0.15:
                continue  # only planned so far
            for month in (4, 7, 10):
                noted = datetime(year, month, 15, 15, tzinfo=SEOUL)
                if noted < now:
                    services.initiative_progress_add(
                        initiative_id=initiative.pk,
                        note=f"{month}월 추진: {actions.split(',')[0]} 실시",
                        by=by,
                        now=noted,
                    )
            if year < this_year or roll > 0.7:
                reported = min(now - timedelta(hours=1), datetime(year, 12, 10, 11, tzinfo=SEOUL))
                services.initiative_report(
                    initiative_id=initiative.pk,
                    achievement=f"{goal} — 목표 대비 성과를 거두었습니다.",
                    achievement_rate=rng.randint(70, 100),
                    by=by,
                    now=reported,
                )


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
