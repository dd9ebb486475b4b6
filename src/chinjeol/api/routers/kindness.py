"""친절평가 API: department ranking, a person's score with every entry behind it, batch registration."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import StrictFloat, StrictInt, StrictStr

from chinjeol.api.idempotency import idempotent
from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.privacy import personal_access_log
from chinjeol.kindness import queries, services
from chinjeol.kindness import rules as kindness_rules
from chinjeol.kindness.rules import HALF, Period
from chinjeol.kindness.sources import source_name

from ..errors import InvalidOut
from ..types import QueryId

router = Router(tags=["친절평가"])


class PeriodQuery(Schema):
    period: str | None = Field(
        None,
        description="기간: 2026-11 (월), 2026-H2 (반기), 2026 (연). 없으면 이번 반기",
        examples=["2026-H2"],
    )


def _period(text: str | None) -> Period:
    if not text:
        return Period.containing(timezone.localdate(), HALF)
    try:
        return Period.parse(text)
    except ValueError as error:
        raise DomainError("invalid", str(error), field="period") from None


class DepartmentScoreOut(Schema):
    id: int = Field(..., description="부서 ID")
    name: str = Field(..., description="부서명")
    score: Decimal | None = Field(..., description="부서 점수 (구성원 평균 − 부서 감점, 0~100)")
    signal: str | None = Field(..., description="신호등: blue, green, yellow, orange, red")
    rank: int | None = Field(
        ...,
        description="같은 단계 부서 사이의 순위 (과·사업소는 과·사업소끼리, 팀은 팀끼리, 실·국은 실·국끼리; 같은 점수는 같은 순위)",
    )
    level: str = Field(..., description="순위를 매긴 단계: division(과·사업소), team(팀), bureau(실·국)")
    members: int = Field(..., description="평가 인원")
    deduction: Decimal = Field(..., description="적용한 부서 감점")
    published: bool = Field(..., description="공표된 결과이면 true")


@router.get(
    "/departments",
    response=list[DepartmentScoreOut],
    summary="부서별 친절 점수·신호등·순위",
    description="고객만족 담당관·감사·부서장·CS리더는 현재 장부로 계산한 결과를, 공표된 기간은 공표 결과를 받습니다. "
    "`live=true`이면 공표된 기간도 현재 장부로 계산합니다. 직원은 공표된 기간의 결과만 받습니다.",
)
def departments(request, q: Query[PeriodQuery], live: bool = False):
    period = _period(q.period)
    if has_role(request.auth, *queries.RANKING_ROLES):
        board = queries.organisation_board(period, live=live, individuals=False)
    elif has_role(request.auth, *services.REGISTER_ROLES) or not request.auth.staff_id:
        raise PermissionDenied("부서 순위를 볼 권한이 없습니다.")
    else:
        board = queries.organisation_board(period, individuals=False)
        if board.snapshot is None:
            raise PermissionDenied(f"{period.label_ko} 부서 순위는 아직 공표되지 않았습니다.")
    return [
        {
            "id": r.id,
            "name": r.name,
            "score": r.score,
            "signal": r.signal,
            "rank": r.rank,
            "level": kindness_rules.rank_group(r.kind),
            "members": r.members,
            "deduction": r.deduction,
            "published": board.snapshot is not None,
        }
        for r in board.departments
    ]


class ItemOut(Schema):
    code: str = Field(..., description="항목 코드")
    name: str = Field(..., description="항목 이름")
    total: Decimal = Field(..., description="이 기간 기록 합계")
    contribution: Decimal = Field(..., description="점수에 반영된 점수 (가중치·상한 적용)")
    cap: Decimal | None = Field(..., description="기간 상한")
    department_average: Decimal | None = Field(..., description="부서 평균 반영 점수")


class EntryOut(Schema):
    id: int
    item: str = Field(..., description="항목 코드")
    points: Decimal
    occurred_at: datetime
    source_type: str = Field(
        ..., description="근거 유형 (inspection, upload, api, kindness_report, happy_call …)"
    )
    source_name: str = Field(..., description="근거 유형 이름")
    source_id: str
    source_label: str
    note: str
    reverses: int | None = Field(None, description="정정 기록이면 정정한 기록의 ID")
    reversed: bool = Field(False, description="정정된 기록이면 true")


class StaffScoreOut(Schema):
    staff_id: int
    name: str
    department: str
    period: str
    score: Decimal = Field(..., description="친절 점수 0~100")
    signal: str = Field(..., description="신호등")
    weakest: str | None = Field(None, description="부서 평균보다 가장 뒤처진 항목 코드")
    items: list[ItemOut]
    entries: list[EntryOut]


@router.get(
    "/staff/{staff_id}",
    response=StaffScoreOut,
    summary="직원의 친절 점수와 근거 기록",
    description="본인, 담당 부서의 부서장·CS리더, 고객만족 담당관·감사만 볼 수 있습니다.",
)
def staff(request, staff_id: QueryId, q: Query[PeriodQuery]):
    person = queries.get_staff_for_user(request.auth, staff_id)
    period = _period(q.period)
    if request.auth.staff_id != person.pk:
        personal_access_log(
            request,
            action="api",
            subject_type="staff_kindness",
            subject_id=str(person.pk),
            subject_label=f"{person.name} ({person.employee_no})",
            fields="친절 점수·마일리지 기록",
        )
    data = queries.staff_breakdown(person, period)
    return {
        "staff_id": person.pk,
        "name": person.name,
        "department": person.department.name,
        "period": str(period),
        "score": data.score,
        "signal": data.signal.value,
        "weakest": data.weakest.code if data.weakest else None,
        "items": [
            {
                "code": i.code,
                "name": i.name,
                "total": i.total,
                "contribution": i.contribution,
                "cap": i.cap,
                "department_average": i.department_average,
            }
            for i in data.items
        ],
        "entries": [
            {
                "id": e.pk,
                "item": e.item.code,
                "points": e.points,
                "occurred_at": timezone.localtime(e.occurred_at),
                "source_type": e.source_type,
                "source_name": source_name(e.source_type),
                "source_id": e.source_id,
                "source_label": e.source_label,
                "note": e.note,
                "reverses": e.reverses_id,
                "reversed": e.pk in data.reversed_ids,
            }
            for e in data.entries
        ],
    }


class EntryIn(Schema):
    employee_no: Annotated[StrictStr, Field(max_length=20)] | StrictInt | None = Field(
        None, description="사번"
    )
    item: str | None = Field(
        None, max_length=50, description="항목 코드(phone, survey, praise, unkind, smile, training) 또는 이름"
    )
    occurred_at: str | None = Field(
        None,
        max_length=40,
        description="일시 (ISO 8601, 예: 2026-11-02T10:00:00+09:00) 또는 날짜 (2026-11-02, 정오로 기록)",
    )
    points: Annotated[StrictStr, Field(max_length=20)] | StrictInt | StrictFloat | None = Field(
        None, description="점수. 없으면 항목의 건당 점수"
    )
    note: str | None = Field("", max_length=500, description="비고 (직원이 근거로 봅니다)")
    source_id: str | None = Field(
        None,
        max_length=64,
        description="연계 시스템의 결과 ID. 주면 같은 ID를 다시 보내도 두 번 등록되지 않습니다.",
    )


class BatchIn(Schema):
    entries: list[EntryIn] = Field(..., description=f"등록할 결과 (한 번에 {services.MAX_ROWS:,}건까지)")


class BatchOut(Schema):
    created: list[int] = Field(..., description="새로 만든 기록 ID (보낸 순서)")
    existing: list[int] = Field(..., description="같은 source_id로 이미 있던 기록 ID")


@router.post(
    "/entries",
    response={201: BatchOut, 422: InvalidOut},
    summary="점검 결과 일괄 등록 (하나라도 틀리면 전부 거부)",
    description="부서 CS리더는 담당 부서 직원만, 외부 평가기관은 phone·training 항목만, 고객만족 담당관은 모두 등록합니다. "
    "틀린 행이 있으면 422와 행별 오류 {row, field, message}를 돌려주고 아무것도 등록하지 않습니다.",
)
@idempotent
def entries(request, payload: BatchIn):
    if not has_role(request.auth, *services.REGISTER_ROLES):
        raise PermissionDenied("점검 결과를 등록할 권한이 없습니다.")
    rows = [
        services.EntryRow(
            row=index,
            employee_no=e.employee_no,
            item=e.item,
            occurred_at=e.occurred_at,
            points=e.points,
            note=e.note or "",
            source_id=e.source_id or "",
        )
        for index, e in enumerate(payload.entries, start=1)
    ]
    try:
        result = services.entries_import(
            rows=rows, by=request.auth, now=timezone.now(), source_type="api", label="연계"
        )
    except services.EntriesInvalid as invalid:
        return Status(422, invalid.as_dict())
    return Status(201, {"created": result.created, "existing": result.existing})


class ReverseIn(Schema):
    reason: str = Field(..., min_length=1, max_length=500, description="정정 사유")


@router.post(
    "/entries/{entry_id}/reverse",
    response={201: EntryOut},
    summary="마일리지 기록 정정 (반대 점수의 정정 기록을 덧붙임, 고객만족 담당관)",
)
@idempotent
def reverse_entry(request, entry_id: QueryId, payload: ReverseIn):
    reversal = services.mileage_reverse(
        entry_id=entry_id, reason=payload.reason, by=request.auth, now=timezone.now()
    )
    return Status(
        201,
        EntryOut(
            id=reversal.pk,
            item=reversal.item.code,
            points=reversal.points,
            occurred_at=timezone.localtime(reversal.occurred_at),
            source_type=reversal.source_type,
            source_name=source_name(reversal.source_type),
            source_id=reversal.source_id,
            source_label=reversal.source_label,
            note=reversal.note,
            reverses=reversal.reverses_id,
        ),
    )
