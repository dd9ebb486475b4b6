"""A year of realistic cases for the demo 구청: channels, kinds and departments as a 구청 sees them,
most answered on time, some late, extended or transferred, and some open today."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from chinjeol.cases.models import Case, CaseEvent, HappyCallAnswer, ReceiptCounter, RoutingRule
from chinjeol.cases.services import compensation_check
from chinjeol.charter import queries as charter_queries
from chinjeol.charter import rules as charter_rules
from chinjeol.core.models import User
from chinjeol.organization.models import Department, Staff

from .names import korean_name

SEED = 2027
YEAR_CASES = 6000

# (department, kind, title, body)
TOPICS = [
    (
        "주차관리과",
        "grievance",
        "불법 주정차 단속 요청",
        "집 앞 골목에 매일 같은 차가 불법 주차되어 있어 통행이 어렵습니다. 단속 부탁드립니다.",
    ),
    (
        "주차관리과",
        "inquiry",
        "거주자 우선주차 신청 방법 문의",
        "거주자 우선주차 구획을 신청하려면 어떤 서류가 필요한지 궁금합니다.",
    ),
    (
        "주차관리과",
        "grievance",
        "주정차 과태료 이의 제기",
        "긴급한 사정으로 잠시 정차했는데 과태료가 부과되었습니다. 이의를 제기합니다.",
    ),
    (
        "청소행정과",
        "grievance",
        "대형 폐기물 수거 지연",
        "대형 폐기물 스티커를 붙여 내놓았는데 일주일째 수거되지 않고 있습니다.",
    ),
    (
        "청소행정과",
        "suggestion",
        "분리수거함 추가 설치 건의",
        "아파트 단지 앞 분리수거함이 부족해 쓰레기가 넘칩니다. 추가 설치를 건의합니다.",
    ),
    (
        "공원녹지과",
        "grievance",
        "공원 가로등 고장",
        "근린공원 산책로 가로등 세 개가 꺼져 있어 밤에 위험합니다.",
    ),
    (
        "공원녹지과",
        "suggestion",
        "어린이 놀이터 그늘막 설치 건의",
        "여름에 놀이터가 너무 뜨거워 아이들이 놀기 어렵습니다. 그늘막을 설치해 주세요.",
    ),
    (
        "건축과",
        "grievance",
        "공사장 소음 민원",
        "주말 이른 아침부터 공사 소음이 심합니다. 작업 시간 준수를 요청합니다.",
    ),
    (
        "건축과",
        "inquiry_law",
        "건축법상 증축 허가 기준 질의",
        "단독주택 옥상에 창고를 증축할 때 허가 대상인지 법령 해석을 부탁드립니다.",
    ),
    (
        "도시계획과",
        "inquiry",
        "지구단위계획 열람 문의",
        "우리 동네 지구단위계획 변경안을 어디서 열람할 수 있는지 알려 주세요.",
    ),
    (
        "세무과",
        "inquiry",
        "재산세 납부 기한 문의",
        "재산세 고지서를 받지 못했습니다. 납부 기한과 방법을 알려 주세요.",
    ),
    (
        "세무과",
        "grievance",
        "지방세 이중 부과 정정 요청",
        "이미 납부한 자동차세가 다시 고지되었습니다. 확인해 주세요.",
    ),
    ("징수과", "inquiry", "체납액 분할 납부 문의", "체납된 세금을 나누어 낼 수 있는지 문의드립니다."),
    (
        "생활보장과",
        "inquiry",
        "기초생활수급 신청 자격 문의",
        "어머니의 기초생활수급 신청 자격과 필요 서류를 알고 싶습니다.",
    ),
    (
        "복지정책과",
        "suggestion",
        "경로당 냉난방기 교체 건의",
        "경로당 냉방기가 오래되어 고장이 잦습니다. 교체를 건의합니다.",
    ),
    (
        "교육아동과",
        "inquiry",
        "국공립 어린이집 대기 순번 문의",
        "어린이집 입소 대기 순번을 확인하는 방법을 알려 주세요.",
    ),
    (
        "문화체육과",
        "inquiry",
        "구민체육센터 강좌 신청 문의",
        "수영 강좌 신청 일정과 감면 대상을 알고 싶습니다.",
    ),
    (
        "교통행정과",
        "suggestion",
        "버스 정류장 안내기 설치 건의",
        "정류장에 버스 도착 안내기가 없어 불편합니다.",
    ),
    (
        "건설관리과",
        "grievance",
        "보도블록 파손 보수 요청",
        "역 앞 보도블록이 깨져 넘어질 뻔했습니다. 보수해 주세요.",
    ),
    ("안전재난과", "grievance", "빗물받이 막힘 신고", "비만 오면 빗물받이가 막혀 도로가 물에 잠깁니다."),
    (
        "민원여권과",
        "inquiry",
        "여권 재발급 소요 기간 문의",
        "여권을 잃어버렸는데 재발급에 며칠이 걸리는지 궁금합니다.",
    ),
    (
        "민원여권과",
        "other",
        "등본 발급 수수료 문의",
        "주민등록등본을 무인발급기에서 발급할 때 수수료가 얼마인가요?",
    ),
    (
        "민원여권과",
        "suggestion",
        "민원실 대기 번호표 안내 개선",
        "대기 번호 호출 소리가 작아 잘 들리지 않습니다. 화면 안내를 개선해 주세요.",
    ),
    (
        "자치행정과",
        "inquiry",
        "전입신고 온라인 처리 문의",
        "전입신고를 정부24에서 하면 처리까지 얼마나 걸리나요?",
    ),
    (
        "일자리경제과",
        "inquiry",
        "소상공인 지원금 신청 문의",
        "소상공인 경영안정자금 신청 기간과 자격을 알고 싶습니다.",
    ),
    (
        "기획예산과",
        "disclosure",
        "주민참여예산 심의 자료 공개 청구",
        "올해 주민참여예산 심의 회의록과 결과 자료를 공개해 주세요.",
    ),
    (
        "총무과",
        "disclosure",
        "청사 시설 관리 용역 계약 자료 공개 청구",
        "청사 시설 관리 용역 계약서와 금액을 공개해 주십시오.",
    ),
    (
        "감사담당관",
        "grievance",
        "공무원 업무 처리 지연 고충",
        "세 번이나 문의했는데 담당자가 답을 주지 않습니다.",
    ),
    ("민원콜센터", "other", "구청 운영 시간 문의", "토요일에도 민원실을 운영하는지 궁금합니다."),
    (
        "민원콜센터",
        "inquiry",
        "폐기물 스티커 구입처 문의",
        "대형 폐기물 스티커를 어디서 살 수 있는지 알려 주세요.",
    ),
    (
        "민원콜센터",
        "praise",
        "친절한 상담 칭찬",
        "콜센터 상담사께서 끝까지 친절하게 안내해 주셔서 감사합니다.",
    ),
    (
        "세무과",
        "unkind",
        "전화 응대 불친절 신고",
        "문의 전화에 담당자가 퉁명스럽게 답하고 먼저 전화를 끊었습니다.",
    ),
]
CHANNELS = [
    ("web", 34),
    ("phone", 24),
    ("epeople", 18),
    ("visit", 12),
    ("mail", 3),
    ("fax", 2),
    ("chat", 4),
    ("sms", 3),
]
ANSWERS = [
    "현장을 확인하여 조치하였습니다. 같은 문제가 다시 생기면 언제든 연락 주십시오.",
    "문의하신 내용은 관련 규정에 따라 다음과 같이 안내해 드립니다. 자세한 사항은 담당자에게 연락 주십시오.",
    "건의하신 내용을 검토하여 내년 사업 계획에 반영하겠습니다. 소중한 의견 감사합니다.",
    "확인 결과 착오가 있어 정정하였습니다. 불편을 드려 죄송합니다.",
]
INTERIM = [
    "현장 조사 일정을 잡고 있습니다.",
    "관계 부서와 협의 중입니다.",
    "예산 확보 여부를 검토하고 있습니다.",
]


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
    happy: list[HappyCallAnswer] = []
    for case, plan in zip(saved, plans, strict=True):
        _plan_case(case, plan, rng, now, calendar, events, happy, users)
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
    HappyCallAnswer.objects.bulk_create(happy, batch_size=1000)
    for year, last in counters.items():
        ReceiptCounter.objects.update_or_create(year=year, defaults={"last": last})
    compensation_check(now=now, limit=20_000)


def _plan_case(case, plan, rng, now, calendar, events, happy, users) -> None:
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
    if rng.random() < 0.3 and closed_at + timedelta(days=1) < now:
        score = rng.choices([5, 4, 3, 2, 1], [45, 30, 13, 7, 5])[0]
        happy.append(
            HappyCallAnswer(
                case=case,
                score=score,
                answered_at=closed_at + timedelta(days=1),
                comment="친절하게 처리해 주셔서 감사합니다." if score >= 4 else "",
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
