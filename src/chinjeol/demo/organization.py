"""The demo 구청: about 28 departments in three levels and about 400 staff."""

from __future__ import annotations

import random

from django.contrib.auth.hashers import make_password

from chinjeol.core.models import RoleAssignment, User
from chinjeol.core.roles import Role
from chinjeol.organization.models import Agency, Department, Staff

from .names import korean_name

SEED = 2026
AGENCY = ("한빛구청", "3000000", "02-120")

# (bureau, [(division, staff count, [(team, staff count)])])
STRUCTURE: list[tuple[str | None, list[tuple[str, int, list[tuple[str, int]]]]]] = [
    (None, [("감사담당관", 11, [])]),
    (
        "기획경제국",
        [("기획예산과", 18, []), ("일자리경제과", 17, []), ("세무과", 24, []), ("징수과", 16, [])],
    ),
    (
        "행정안전국",
        [
            ("총무과", 19, []),
            ("민원여권과", 12, [("민원팀", 14), ("여권팀", 10), ("민원콜센터", 26)]),
            ("자치행정과", 15, []),
            ("안전재난과", 16, []),
        ],
    ),
    (
        "복지문화국",
        [("복지정책과", 19, []), ("생활보장과", 22, []), ("문화체육과", 16, []), ("교육아동과", 17, [])],
    ),
    (
        "도시환경국",
        [("도시계획과", 16, []), ("건축과", 20, []), ("청소행정과", 21, []), ("공원녹지과", 15, [])],
    ),
    ("안전건설국", [("건설관리과", 17, []), ("교통행정과", 18, []), ("주차관리과", 18, [])]),
]
GRADES = ["주무관(6급)", "주무관(7급)", "주무관(7급)", "주무관(8급)", "주무관(8급)", "주무관(9급)"]


class _Ids:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def employee_no(self, year_from: int, year_to: int) -> str:
        while True:
            no = f"{self.rng.randint(year_from, year_to)}{self.rng.randint(1, 999):03d}"
            if no not in self.used:
                self.used.add(no)
                return no


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    ids = _Ids(rng)
    Agency.objects.create(name=AGENCY[0], code=AGENCY[1], phone=AGENCY[2])
    staff_rows: list[Staff] = []
    heads: list[tuple[int, Department]] = []  # (index in staff_rows, department) for dept heads
    leaders: list[tuple[int, Department]] = []
    order = 0
    extension = 2000

    def person(department: Department, position: str, years=(1995, 2024)) -> int:
        nonlocal extension
        extension += 1
        staff_rows.append(
            Staff(
                employee_no=ids.employee_no(*years),
                name=korean_name(rng),
                department=department,
                position=position,
                extension=str(extension),
                mobile=f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}",
                email="",
            )
        )
        return len(staff_rows) - 1

    for bureau_name, divisions in STRUCTURE:
        bureau = None
        if bureau_name:
            order += 1
            bureau = Department.objects.create(
                name=bureau_name, kind=Department.Kind.BUREAU, sort_order=order
            )
            heads.append((person(bureau, "국장(4급)", (1990, 1998)), bureau))
        for division_name, count, teams in divisions:
            order += 1
            division = Department.objects.create(
                name=division_name,
                parent=bureau,
                kind=Department.Kind.DIVISION,
                sort_order=order,
                phone=f"02-2100-{extension // 10:03d}0",
            )
            heads.append((person(division, "과장(5급)", (1993, 2005)), division))
            for i in range(count - 1):
                position = "팀장(6급)" if i < 2 and not teams else rng.choice(GRADES)
                index = person(division, position)
                if i == 2:
                    leaders.append((index, division))
            for team_name, team_count in teams:
                order += 1
                team = Department.objects.create(
                    name=team_name, parent=division, kind=Department.Kind.TEAM, sort_order=order
                )
                heads.append((person(team, "팀장(6급)", (1998, 2010)), team))
                for i in range(team_count - 1):
                    position = "상담사" if team_name == "민원콜센터" else rng.choice(GRADES)
                    index = person(
                        team, position, (2012, 2025) if team_name == "민원콜센터" else (1995, 2024)
                    )
                    if i == 1:
                        leaders.append((index, team))

    for staff in staff_rows:
        staff.email = f"{staff.employee_no}@hanbit.go.kr"
    Staff.objects.bulk_create(staff_rows)
    saved = {s.employee_no: s for s in Staff.objects.all()}
    staff_rows = [saved[s.employee_no] for s in staff_rows]

    from . import DEMO_PASSWORD

    password = make_password(DEMO_PASSWORD)
    users = [User(username=s.employee_no, staff=s, password=password, email=s.email) for s in staff_rows]
    User.objects.bulk_create(users)
    by_staff = {u.staff_id: u for u in User.objects.filter(staff__isnull=False)}

    assignments = [
        RoleAssignment(user=by_staff[staff_rows[i].pk], role=Role.DEPT_HEAD, department=d) for i, d in heads
    ] + [
        RoleAssignment(user=by_staff[staff_rows[i].pk], role=Role.CS_LEADER, department=d) for i, d in leaders
    ]
    RoleAssignment.objects.bulk_create(assignments)

    _named_accounts(staff_rows, by_staff, heads, leaders, password)


def _named_accounts(staff_rows, by_staff, heads, leaders, password) -> None:
    """Rename a few accounts to the known demo user names."""
    civil = Department.objects.get(name="민원여권과")
    call_centre = Department.objects.get(name="민원콜센터")
    tax = Department.objects.get(name="세무과")
    audit = Department.objects.get(name="감사담당관")

    def rename(staff: Staff, username: str) -> User:
        user = by_staff[staff.pk]
        user.username = username
        user.save(update_fields=["username"])
        return user

    head_staff = next(staff_rows[i] for i, d in heads if d == civil)
    rename(head_staff, "head")
    leader_staff = next(staff_rows[i] for i, d in leaders if d == civil)
    rename(leader_staff, "cslead")
    civil_members = [s for s in staff_rows if s.department_id == civil.pk and s.position.startswith("주무관")]
    officer = civil_members[-1]
    officer.position = "주무관(6급) · 고객만족 담당"
    officer.save(update_fields=["position"])
    RoleAssignment.objects.create(user=rename(officer, "csadmin"), role=Role.CS_OFFICER)
    counsellor = next(s for s in staff_rows if s.department_id == call_centre.pk and s.position == "상담사")
    rename(counsellor, "counsellor")
    tax_staff = [s for s in staff_rows if s.department_id == tax.pk and s.position.startswith("주무관")][-1]
    rename(tax_staff, "staff")
    auditor = [s for s in staff_rows if s.department_id == audit.pk and s.position.startswith("주무관")][-1]
    RoleAssignment.objects.create(user=rename(auditor, "auditor"), role=Role.AUDITOR)
    evaluator = User.objects.create(
        username="evaluator", first_name="한국서비스품질평가원", password=password, email="eval@ksqa.example"
    )
    RoleAssignment.objects.create(user=evaluator, role=Role.EVALUATOR)
