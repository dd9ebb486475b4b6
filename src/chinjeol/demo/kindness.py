"""A year of kindness mileage for the demo agency, spread realistically over all five colours."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from chinjeol.core.models import User
from chinjeol.kindness.models import DepartmentDeduction, EvaluationItem, MileageEntry
from chinjeol.organization.models import Staff

SEED = 2028
# tier: (share, phone inspections/month, survey answers/month, praise chance/month, unkind in the year, training)
TIERS = [
    ("excellent", 0.22, 1.2, 1.5, 0.25, 0, 3),
    ("good", 0.40, 0.8, 0.8, 0.08, 0, 2),
    ("average", 0.24, 0.3, 0.3, 0.02, 0, 1),
    ("slipping", 0.09, 0.3, 0.2, 0.0, 1, 0),
    ("poor", 0.05, 0.2, 0.1, 0.0, 2, 0),
]


def _moment(rng, day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 17), rng.randint(0, 59))))


def build(scale: float = 1.0) -> None:
    rng = random.Random(SEED)
    items = {i.code: i for i in EvaluationItem.objects.all()}
    officer = User.objects.get(username="csadmin")
    evaluator = User.objects.get(username="evaluator")
    today = timezone.localdate()
    months = [(today.replace(day=1) - timedelta(days=31 * k)).replace(day=1) for k in range(11, -1, -1)]
    staff = list(Staff.objects.active().select_related("department").order_by("employee_no"))
    named = {u.username: u.staff_id for u in User.objects.filter(username__in=["staff", "counsellor"])}
    entries: list[MileageEntry] = []
    seq = 0

    def add(person, code, day, points, label, by):
        nonlocal seq
        seq += 1
        moment = _moment(rng, day)
        if moment > timezone.now():
            moment = timezone.now() - timedelta(hours=1)
        local = timezone.localtime(moment)
        entries.append(
            MileageEntry(
                staff=person,
                item=items[code],
                points=Decimal(points),
                occurred_at=moment,
                year=local.year,
                month=local.month,
                half=1 if local.month <= 6 else 2,
                source_type="demo",
                source_id=f"demo-{seq}",
                source_label=label,
                registered_by=by,
            )
        )

    volume = max(scale, 0.05)
    for person in staff:
        roll = rng.random()
        tier = TIERS[-1]
        for t in TIERS:
            roll -= t[1]
            if roll < 0:
                tier = t
                break
        if person.pk == named.get("staff"):
            tier = TIERS[3]  # the demo 'staff' has an unkind report to work on
        if person.pk == named.get("counsellor"):
            tier = TIERS[0]
        _name, _share, phone, survey, praise, unkind, training = tier
        for month in months:
            if rng.random() > volume:
                continue
            for _ in range(int(phone) + (rng.random() < phone % 1)):
                good = rng.random() < 0.85
                add(
                    person,
                    "phone",
                    month + timedelta(days=rng.randint(0, 27)),
                    "2" if good else "-1",
                    "전화응대 점검" + ("" if good else " (인사·소속 안내 누락)"),
                    evaluator,
                )
            for _ in range(int(survey) + (rng.random() < survey % 1)):
                score = rng.choices([1, 0.5, 0, -1], [55, 25, 12, 8])[0]
                add(
                    person,
                    "survey",
                    month + timedelta(days=rng.randint(0, 27)),
                    str(score),
                    "해피콜 만족도 응답",
                    None,
                )
            if rng.random() < praise:
                add(
                    person,
                    "praise",
                    month + timedelta(days=rng.randint(0, 27)),
                    "3",
                    "친절 사례(칭찬 신고)",
                    officer,
                )
        for _ in range(unkind):
            day = months[rng.randint(6, 11)] + timedelta(days=rng.randint(0, 27))
            add(person, "unkind", day, "-10", "불친절 사례(신고 인정)", officer)
        for _ in range(training):
            add(
                person,
                "training",
                months[rng.randint(0, 11)] + timedelta(days=rng.randint(0, 27)),
                "2",
                "친절 교육 과정 이수",
                officer,
            )
    smiles = rng.sample(staff, min(len(staff), 24))
    for index, person in enumerate(smiles):
        add(
            person,
            "smile",
            months[index % 12] + timedelta(days=25),
            "5",
            f"{months[index % 12].month}월 스마일 직원 선정",
            officer,
        )
    MileageEntry.objects.bulk_create(entries, batch_size=2000)
    half = 1 if today.month <= 6 else 2
    unkind_departments = {
        e.staff.department
        for e in entries
        if e.item.code == "unkind" and e.year == today.year and e.half == half
    }
    DepartmentDeduction.objects.bulk_create(
        [
            DepartmentDeduction(
                department=d,
                points=Decimal("2"),
                occurred_at=timezone.now() - timedelta(days=20),
                year=today.year,
                half=half,
                source_type="demo",
                source_id=f"demo-{d.pk}",
                note="불친절 신고 인정(반기 감점)",
                registered_by=officer,
            )
            for d in sorted(unkind_departments, key=lambda d: d.pk)
        ]
    )
