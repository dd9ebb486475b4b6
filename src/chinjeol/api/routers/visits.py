"""Visits API: the counter's visitor log (a kiosk or a queue-ticket machine posts each visit)."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from chinjeol.api.idempotency import idempotent
from chinjeol.core.access import has_role, may_write
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.visits import queries, rules, services
from chinjeol.visits.models import Visit
from chinjeol.visits.services.counter import VisitIntake

from ..pagination import LimitOffset, Rows, paginated
from ..types import BodyId, Day, Moment, QueryId

router = Router(tags=["방문객 안내"])
MAX_DAYS = 366


class VisitIn(Schema):
    department: BodyId = Field(..., description="찾는 부서 ID")
    arrived_at: Moment = Field(..., description="도착 시각 (ISO 8601, 시간대 포함)")
    guided_at: Moment | None = Field(None, description="담당자에게 안내한 시각 (아직이면 null)")
    purpose: str = Field(
        ..., min_length=1, max_length=200, description="방문 목적 (개인정보는 저장할 때 가립니다)"
    )


class VisitOut(Schema):
    id: int
    number: int = Field(..., description="그날의 번호")
    department: int
    purpose: str
    arrived_at: datetime
    guided_at: datetime | None
    deadline: datetime = Field(..., description="헌장 약속 시각 (도착 + VISIT_GUIDE 판의 분, 그 초까지 이행)")
    status: str = Field(..., description="waiting 기다리는 중, guided 안내함, cancelled 취소")
    waited_seconds: int | None = Field(None, description="도착부터 안내까지 걸린 초 (안내 전이면 null)")
    met: bool | None = Field(None, description="VISIT_GUIDE 이행 (안내 전이면 null)")
    standard_version: int | None = Field(None, description="판정에 쓴 VISIT_GUIDE 판")


def _out(v: Visit) -> dict:
    return {
        "id": v.pk,
        "number": v.number,
        "department": v.department_id,
        "purpose": v.purpose,
        "arrived_at": v.arrived_at,
        "guided_at": v.guided_at,
        "deadline": v.deadline,
        "status": v.status,
        "waited_seconds": rules.waited_seconds(v.arrived_at, v.guided_at) if v.guided_at else None,
        "met": v.met,
        "standard_version": v.version.version if v.version_id else None,
    }


@router.post(
    "/visits",
    response={201: VisitOut},
    summary="방문객 기록 (도착·안내)",
    description="민원실 창구·무인 안내기·번호표 발급기가 방문마다 보냅니다. 도착 당시의 VISIT_GUIDE 판으로 판정합니다.",
)
@idempotent
def create_visit(request, payload: VisitIn):
    user = request.auth
    if not has_role(user, *queries.PEOPLE) or not may_write(user):
        raise PermissionDenied("방문객 기록은 직원·CS리더·부서장·고객만족 담당관이 합니다.")
    intake = VisitIntake(
        department_id=payload.department,
        purpose=payload.purpose,
        arrived_at=payload.arrived_at,
        guided_at=payload.guided_at,
        channel=Visit.Channel.API,
    )
    visit = services.visit_log(intake=intake, by=user, now=timezone.now())
    return Status(201, _out(visit))


class VisitFilters(Schema):
    date_from: Day = Field(..., description="방문일 시작 (포함)")
    date_to: Day = Field(..., description="방문일 끝 (포함)")
    department: QueryId | None = None


@router.get("/visits", response=list[VisitOut], summary="방문객 안내 기록")
@paginated(LimitOffset, size=200, max_limit=1000)
def list_visits(request, filters: Query[VisitFilters]):
    if not has_role(request.auth, *queries.READERS):
        raise PermissionDenied("방문객 안내 기록을 볼 권한이 없습니다.")
    if filters.date_to < filters.date_from:
        raise DomainError("invalid", "끝 날짜가 시작 날짜보다 이릅니다.", field="date_to", status=422)
    if (filters.date_to - filters.date_from).days > MAX_DAYS:
        raise DomainError("invalid", f"기간은 {MAX_DAYS}일 이하로 정해 주세요.", field="date_to", status=422)
    end = date.fromordinal(filters.date_to.toordinal() + 1)
    return Rows(queries.visits_in(filters.date_from, end, department=filters.department), _out)
