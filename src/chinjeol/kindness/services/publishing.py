"""Publishing a period's results inside the organisation and recording what was done with them [K5]."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_pii

from .. import rules
from ..models import PeriodSnapshot, SnapshotAction, SnapshotDepartment, SnapshotStaff
from ..queries.scores import compute_period


def _officer(by, what: str) -> None:
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied(f"{what}은 고객만족 담당관만 할 수 있습니다.")


@transaction.atomic
def period_publish(*, period: rules.Period, by, now: datetime, note: str = "") -> PeriodSnapshot:
    """Freeze every score, colour and rank of a finished period. Publishing again makes a new version
    that supersedes the earlier one (both stay)."""
    _officer(by, "결과 공표")
    if period.end > timezone.localtime(now).date():
        raise DomainError("invalid", f"{period.label_ko}이 끝난 뒤에 공표할 수 있습니다.", field="period")
    results = compute_period(period, now=now)
    last = PeriodSnapshot.objects.filter(period=str(period)).aggregate(n=Max("version"))["n"] or 0
    snapshot = PeriodSnapshot.objects.create(
        period=str(period),
        kind=period.kind,
        year=period.year,
        number=period.number,
        version=last + 1,
        published_at=now,
        published_by=by,
        note=mask_pii((note or "").strip()).text[:500],
        rules=results.config.describe(),
        staff_count=len(results.staff),
        mean_score=results.mean,
    )
    by_department: dict[int, list] = {}
    for sid in results.ranked_staff:
        by_department.setdefault(results.staff[sid].department_id, []).append(results.staff[sid])
    department_rank: dict[int, int | None] = {}
    for members in by_department.values():
        department_rank.update(rules.rank([(m.staff_id, m.score.score) for m in members]))
    SnapshotStaff.objects.bulk_create(
        [
            SnapshotStaff(
                snapshot=snapshot,
                staff_id=r.staff_id,
                department_id=r.department_id,
                score=r.score.score,
                signal=r.signal.value,
                rank=r.rank or 0,
                department_rank=department_rank[r.staff_id] or 0,
                contributions={code: str(value) for code, value in r.score.contributions.items()},
            )
            for r in results.staff.values()
        ],
        batch_size=2000,
    )
    SnapshotDepartment.objects.bulk_create(
        [
            SnapshotDepartment(
                snapshot=snapshot,
                department_id=d.id,
                score=d.score,
                signal=d.signal.value if d.signal else "",
                rank=d.rank,
                members=d.members,
                members_mean=d.members_mean,
                deduction=d.deduction,
                note=d.note[:300],
            )
            for d in results.departments
        ]
    )
    return snapshot


@transaction.atomic
def snapshot_action_record(
    *,
    snapshot_id: int,
    kind: str,
    note: str,
    by,
    now: datetime,
    department_id: int | None = None,
    staff_id: int | None = None,
) -> SnapshotAction:
    """Record an award to a department, encouragement of a person, or a penalty, on published results."""
    _officer(by, "공표 후 조치 기록")
    snapshot = PeriodSnapshot.objects.filter(pk=snapshot_id).first()
    if snapshot is None:
        raise NotFound("공표 결과를 찾을 수 없습니다.")
    if kind not in SnapshotAction.Kind.values:
        raise DomainError("invalid", "조치 종류를 골라 주세요.", field="kind")
    note = (note or "").strip()
    if not note:
        raise DomainError("required", "조치 내용을 적어 주세요.", field="note")
    if kind == SnapshotAction.Kind.AWARD and not department_id:
        raise DomainError("required", "시상할 부서를 골라 주세요.", field="department")
    if kind == SnapshotAction.Kind.ENCOURAGEMENT and not staff_id:
        raise DomainError("required", "격려할 직원을 골라 주세요.", field="staff")
    if not department_id and not staff_id:
        raise DomainError("required", "조치 대상 부서나 직원을 골라 주세요.", field="staff")
    if department_id and not snapshot.department_rows.filter(department_id=department_id).exists():
        raise DomainError("invalid", "공표 결과에 없는 부서입니다.", field="department")
    if staff_id and not snapshot.staff_rows.filter(staff_id=staff_id).exists():
        raise DomainError("invalid", "공표 결과에 없는 직원입니다.", field="staff")
    return SnapshotAction.objects.create(
        snapshot=snapshot,
        kind=kind,
        department_id=department_id,
        staff_id=staff_id,
        note=mask_pii(note).text[:500],
        at=now,
        by=by,
    )
