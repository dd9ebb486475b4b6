from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role
from chinjeol.kindness import queries, services
from chinjeol.organization.models import Staff

router = Router(tags=["친절평가"])


class PeriodQuery(Schema):
    period: str | None = Field(None, description="2026-11 (월), 2026-H2 (반기), 2026 (연). 없으면 이번 반기")


def _period(text: str | None) -> Period:
    if not text:
        return Period.containing(timezone.localdate(), "half")
    try:
        return Period.parse(text)
    except ValueError as error:
        raise DomainError("invalid", str(error), field="period") from None


class DepartmentScoreOut(Schema):
    id: int
    name: str
    score: Decimal | None
    signal: str
    rank: int | None
    members: int


@router.get("/departments", response=list[DepartmentScoreOut], summary="부서별 친절 점수·신호등·순위")
def departments(request, q: Query[PeriodQuery]):
    if not has_role(request.auth, Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER):
        raise PermissionDenied("부서 순위를 볼 권한이 없습니다.")
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "score": r["score"],
            "signal": r["signal"].value,
            "rank": r["rank"],
            "members": r["members"],
        }
        for r in queries.department_ranking(_period(q.period))
    ]


class ItemOut(Schema):
    code: str
    name: str
    contribution: Decimal
    department_average: Decimal | None


class EntryOut(Schema):
    id: int
    item: str
    points: Decimal
    occurred_at: datetime
    source_type: str
    source_id: str
    source_label: str
    note: str


class StaffScoreOut(Schema):
    staff_id: int
    name: str
    period: str
    score: Decimal
    signal: str
    items: list[ItemOut]
    entries: list[EntryOut]


@router.get("/staff/{staff_id}", response=StaffScoreOut, summary="직원의 친절 점수와 근거")
def staff(request, staff_id: int, q: Query[PeriodQuery]):
    person = queries.get_staff_for_user(request.auth, staff_id)
    period = _period(q.period)
    data = queries.staff_breakdown(person, period)
    return {
        "staff_id": person.pk,
        "name": person.name,
        "period": str(period),
        "score": data["score"],
        "signal": data["signal"].value,
        "items": data["items"],
        "entries": [
            {
                "id": e.pk,
                "item": e.item.code,
                "points": e.points,
                "occurred_at": e.occurred_at,
                "source_type": e.source_type,
                "source_id": e.source_id,
                "source_label": e.source_label,
                "note": e.note,
            }
            for e in data["entries"]
        ],
    }


class EntryIn(Schema):
    employee_no: str = Field(..., description="사번")
    item: str = Field(..., description="phone|survey|praise|unkind|smile|training")
    occurred_at: datetime
    points: Decimal | None = Field(None, description="없으면 항목 기준 점수")
    note: str = ""


class BatchIn(Schema):
    entries: list[EntryIn] = Field(..., min_length=1, max_length=5000)


class BatchOut(Schema):
    created: list[int]


@router.post(
    "/entries", response={201: BatchOut, 422: dict}, summary="점검 결과 일괄 등록 (하나라도 틀리면 전부 거부)"
)
def entries(request, payload: BatchIn):
    if not has_role(request.auth, Role.CS_LEADER, Role.EVALUATOR, Role.CS_OFFICER):
        raise PermissionDenied("점검 결과를 등록할 권한이 없습니다.")
    staff = {
        s.employee_no: s
        for s in Staff.objects.active().filter(employee_no__in=[e.employee_no for e in payload.entries])
    }
    errors = []
    for index, entry in enumerate(payload.entries, start=1):
        person = staff.get(entry.employee_no)
        if person is None:
            errors.append(
                {
                    "row": index,
                    "field": "employee_no",
                    "message": f"재직 중인 직원의 사번이 아닙니다: {entry.employee_no}",
                }
            )
            continue
        if timezone.is_naive(entry.occurred_at):
            errors.append(
                {"row": index, "field": "occurred_at", "message": "시간대를 넣어 주세요 (예: +09:00)."}
            )
        try:
            services.check_can_register(request.auth, person, entry.item)
        except DomainError as error:
            errors.append({"row": index, "field": "item", "message": error.message})
    if errors:
        return Status(
            422,
            {
                "code": "invalid_rows",
                "message": f"{len(errors)}개 행에 오류가 있어 아무것도 등록하지 않았습니다.",
                "field": None,
                "errors": errors,
            },
        )
    created = []
    try:
        with transaction.atomic():
            for index, entry in enumerate(payload.entries, start=1):
                try:
                    created.append(
                        services.inspection_register(
                            staff_id=staff[entry.employee_no].pk,
                            item_code=entry.item,
                            occurred_at=entry.occurred_at,
                            note=entry.note,
                            by=request.auth,
                            points=entry.points,
                        ).pk
                    )
                except DomainError as error:
                    raise _RowError(index, error) from None
    except _RowError as failure:
        return Status(
            422,
            {
                "code": "invalid_rows",
                "message": "오류가 있어 아무것도 등록하지 않았습니다.",
                "field": None,
                "errors": [
                    {"row": failure.row, "field": failure.error.field, "message": failure.error.message}
                ],
            },
        )
    return Status(201, {"created": created})


class _RowError(Exception):
    def __init__(self, row: int, error: DomainError):
        self.row, self.error = row, error
