"""A year of training for the demo 구청: the "명품 고객응대" course set, four assignment rounds over the last twelve
months (everyone: the greeting course and the 333 phone course; everyone: the result-explaining course, recently
due; the 민원 departments: the difficult-customers course, still open), completions through the real services
(each one a 교육 이수 mileage entry) with realistic gaps — some departments lag, a few people never finish —
and the CS leader's cascade session with its attendance."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from chinjeol.core import rules as core_rules
from chinjeol.core.access import department_parent_map
from chinjeol.core.models import User
from chinjeol.organization.models import Department, Staff
from chinjeol.training import rules, services
from chinjeol.training.courseset import build_course_set
from chinjeol.training.models import Session

SEED = 1414
# (course, assigned days ago, due days after assignment, base completion chance, departments: None = all)
ROUNDS = [
    ("myungpum-1", 330, 45, 0.95, None),
    ("phone-333", 200, 40, 0.88, None),
    ("myungpum-2", 75, 60, 0.72, None),
    ("myungpum-3", 20, 30, 0.35, ("민원여권과",)),
]
LAGGING = ("세무과", "건축과", "교통행정과")  # departments whose people finish later and less often


def _moment(day, rng) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 17), rng.randint(0, 59))))


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    now = timezone.now()
    today = timezone.localdate(now)
    officer = User.objects.filter(username="csadmin").first()
    courses = build_course_set(now=now - timedelta(days=365), by=officer)
    lagging = set(Department.objects.filter(name__in=LAGGING).values_list("pk", flat=True))
    slow = set(User.objects.filter(username="staff").values_list("staff_id", flat=True))
    done: list[tuple] = []
    for code, days_ago, due_after, chance, names in ROUNDS:
        course = courses[code]
        start = today - timedelta(days=days_ago)
        at = _moment(start, rng)
        if names:
            roots = list(Department.objects.filter(name__in=names).values_list("pk", flat=True))
            subtree = core_rules.subtree_ids(roots, department_parent_map())
            target = rules.Target(rules.TargetKind.DEPARTMENT, department_ids=frozenset(subtree))
        else:
            target = rules.Target(rules.TargetKind.ROLE, role="staff")
        due = start + timedelta(days=due_after)
        assigned = services.assign(course=course, target=target, due_on=due, by=officer, now=at,
                                   note="명품 고객응대 연간 교육 계획")  # fmt: skip
        for assignment in assigned:
            person = assignment.staff
            p = chance - 0.25 if person.department_id in lagging else chance
            if person.pk in slow and code in ("myungpum-2", "myungpum-3"):
                p = 0  # the demo `staff` account has overdue work to show
            if rng.random() > p or (scale < 1 and rng.random() > scale * 5):
                continue
            late = rng.random() < 0.15
            spread = due_after + (rng.randint(1, 30) if late else 0)
            day = start + timedelta(days=rng.randint(1, max(1, spread)))
            if day > today:
                continue
            when = _moment(day, rng)
            if when > now:
                continue
            done.append((person, course, when, "quiz", rng.choice((75, 75, 100, 100, 100))))
    services.completions_bulk(done)
    _cascade(rng, courses, now, today)


def _cascade(rng, courses, now, today) -> None:
    """The CS leader of 민원여권과 teaches the greeting course to the department (past, attendance recorded) and
    has a workshop on difficult customers coming up."""
    leader = User.objects.filter(username="cslead").first()
    department = Department.objects.filter(name="민원여권과").first()
    if leader is None or department is None:
        return
    past = services.session_create(
        kind=Session.Kind.CASCADE, title="민원여권과 명품 고객응대 전달 교육", course=courses["myungpum-1"],
        department=department, place="민원여권과 회의실", by=leader,
        starts_at=_moment(today - timedelta(days=300), rng),
    )  # fmt: skip
    members = list(Staff.objects.active().filter(department=department).order_by("pk"))
    present = {s.pk for s in members if rng.random() < 0.85}
    services.attendance_record(
        session=past,
        present_ids=present,
        candidates=members,
        by=leader,
        now=past.starts_at + timedelta(hours=2),
    )
    tax = Department.objects.filter(name="세무과").first()
    if tax is not None:
        services.session_create(
            kind=Session.Kind.CASCADE, title="세무과 전화응대 333 전달 교육", course=courses["phone-333"],
            department=tax, place="세무과 사무실", by=None, starts_at=_moment(today - timedelta(days=150), rng),
        )  # fmt: skip
    services.session_create(
        kind=Session.Kind.WORKSHOP, title="불만·폭언 고객 응대 워크숍", course=courses["myungpum-3"],
        department=department, place="구청 대회의실", by=leader, starts_at=_moment(today + timedelta(days=9), rng),
    )  # fmt: skip
