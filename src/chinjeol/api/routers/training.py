"""Training API: completion rates per department or person, and the learning record as xAPI statements for an
agency's learning record store."""

from __future__ import annotations

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from chinjeol.core.access import has_role
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.training import queries, services

from ..types import Moment

router = Router(tags=["교육"])
OVERSEERS = (Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)


class CompletionQuery(Schema):
    year: int | None = Field(None, ge=2000, le=2100, description="연도 (없으면 올해)")
    by: str = Field(
        "department", pattern="^(department|person)$", description="department(부서별) 또는 person(직원별)"
    )


class RateOut(Schema):
    id: int = Field(..., description="부서 ID 또는 직원 ID")
    name: str
    assigned: int = Field(..., description="배정")
    done: int = Field(..., description="이수")
    overdue: int = Field(..., description="기한이 지난 미이수")
    rate: float | None = Field(..., description="이수율(%), 배정이 없으면 null")


class CompletionOut(Schema):
    year: int
    total: RateOut
    rows: list[RateOut]


def _out(row) -> RateOut:
    return RateOut(id=row.key, name=row.name, assigned=row.assigned, done=row.done, overdue=row.overdue,
                   rate=float(row.rate) if row.rate is not None else None)  # fmt: skip


@router.get("/completion", response=CompletionOut, summary="교육 이수율 (부서별·직원별, 낮은 순)")
def training_completion(request, params: Query[CompletionQuery]):
    if not has_role(request.auth, *OVERSEERS):
        raise PermissionDenied("교육 이수 현황을 볼 권한이 없습니다.")
    scope = queries.scope_for(request.auth)
    today = timezone.localdate()
    year = params.year or today.year
    departments = queries.department_rates(scope, year, today)
    rows = departments if params.by == "department" else queries.person_rates(scope, year, today)
    return CompletionOut(year=year, total=_out(queries.total_rate(departments)), rows=[_out(r) for r in rows])


class StatementQuery(Schema):
    since: Moment | None = Field(None, description="이 시각 이후의 문장만 (ISO 8601, 시간대 포함)")
    limit: int = Field(1000, ge=1, le=10000, description="최대 문장 수 (오래된 것부터)")


@router.get("/statements", response=list[dict], summary="학습 기록 (xAPI 1.0.3 문장)")
def training_statements(request, params: Query[StatementQuery]):
    if not has_role(request.auth, Role.CS_OFFICER, Role.AUDITOR):
        raise PermissionDenied("학습 기록을 내려받을 권한이 없습니다.")
    rows = queries.statements(queries.scope_for(request.auth), since=params.since, limit=params.limit)
    return [services.as_xapi(s) for s in rows]
