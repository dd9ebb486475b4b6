"""서비스 품질 평가 API: scorecards, evaluations (issue 13 item 8: paths and fields are a contract)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import StrictFloat, StrictInt, StrictStr

from chinjeol.api.idempotency import idempotent
from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.quality import queries, services

from ..pagination import FixedPages, Rows, paginated
from ..types import Day, Moment

router = Router(tags=["서비스 품질 평가"])


class ScorecardItemOut(Schema):
    code: str = Field(..., description="항목 코드")
    name: str = Field(..., description="항목 이름")
    max_points: Decimal = Field(..., description="배점")
    kind: str = Field(..., description="base(기본) 또는 bonus(가점: 음수 불가)")
    critical: bool = Field(..., description="핵심 항목 (배점의 절반 미만이면 총점 0)")
    allow_na: bool = Field(..., description="해당 없음(null) 허용")
    behaviour: str | None = Field(None, description="행동 기준 코드")


class BandOut(Schema):
    min: Decimal
    label: str
    mileage: Decimal = Field(..., description="이 등급이 친절 마일리지에 더하는 점수")


class ScorecardOut(Schema):
    code: str
    name: str
    version: int
    items: list[ScorecardItemOut]
    bands: list[BandOut]


@router.get("/scorecards", response=list[ScorecardOut], summary="사용 중인 평가표와 항목·배점")
def scorecards(request):
    return [
        {
            "code": s.code, "name": s.name, "version": s.version,
            "items": [
                {"code": i.code, "name": i.name, "max_points": i.max_points, "kind": i.kind, "critical": i.critical,
                 "allow_na": i.allow_na, "behaviour": i.behaviour.code if i.behaviour else None}
                for i in s.items.all()
            ],
            "bands": s.bands,
        }
        for s in queries.current_scorecards()
    ]  # fmt: skip


Points = StrictInt | StrictFloat | Annotated[StrictStr, Field(max_length=20)] | None


class EvaluationIn(Schema):
    scorecard: str = Field(..., max_length=30, description="평가표 코드 (예: seoul-phone)")
    employee_no: Annotated[StrictStr, Field(min_length=1, max_length=20)] = Field(
        ..., description="평가 대상 사번"
    )
    evaluated_at: Moment = Field(..., description="평가 일시 (ISO 8601, 시간대 포함)")
    kind: Literal["phone", "visit", "mystery_call", "mystery_visit", "recording"] = Field(
        ...,
        description="phone 전화 응대, visit 방문 응대, mystery_call 암행 전화, mystery_visit 암행 방문, recording 녹취 통화",
    )
    scores: dict[Annotated[str, Field(max_length=30)], Points] = Field(
        ..., description="항목 코드 → 점수 (0~배점, 해당 없음은 null)"
    )
    note: str = Field("", max_length=1000, description="의견 (직원이 근거로 봅니다)")
    call_id: int | None = Field(None, ge=1, description="녹취 통화를 평가하면 콜센터 통화 기록 ID")


class ScoreOut(Schema):
    item: str
    points: Decimal | None


class EvaluationOut(Schema):
    id: int
    number: str = Field(..., description="평가 번호")
    total: Decimal = Field(..., description="총점 0~100")
    grade: str = Field(..., description="등급")
    scorecard: str
    employee_no: str
    staff: str
    department: str
    kind: str
    source: str = Field(..., description="external, cs_leader, mystery, officer, import")
    status: str = Field(..., description="final, disputed, revised")
    evaluated_at: datetime
    critical_failed: bool
    call_id: int | None
    note: str
    scores: list[ScoreOut]


def _out(e) -> dict:
    return {
        "id": e.pk, "number": e.number, "total": e.total, "grade": e.grade, "scorecard": e.scorecard.code,
        "employee_no": e.staff.employee_no, "staff": e.staff.name, "department": e.department.name,
        "kind": e.kind, "source": e.source, "status": e.status, "evaluated_at": timezone.localtime(e.evaluated_at),
        "critical_failed": e.critical_failed, "call_id": e.call_id, "note": e.note,
        "scores": [{"item": s.item.code, "points": s.points} for s in e.scores.all()],
    }  # fmt: skip


@router.post(
    "/evaluations",
    response={201: EvaluationOut},
    summary="평가 등록 (총점·등급 계산, 친절 마일리지 반영)",
    description="외부 평가기관은 누구든, 부서 CS리더는 담당 부서 직원을, 고객만족 담당관은 모두 평가합니다. "
    "총점은 배점 가중 합을 100점으로 환산(해당 없음 제외, 가점 더함, 핵심 항목 미달이면 0)하고, 등급에 따라 "
    '마일리지 기록(source_type "evaluation", source_id 평가 ID)이 하나 생깁니다.',
)
@idempotent
def evaluation_create(request, payload: EvaluationIn):
    if not has_role(request.auth, *services.EVALUATE_ROLES):
        raise PermissionDenied("평가를 입력할 권한이 없습니다.")
    call = None
    if payload.call_id is not None:
        call = queries.call_for(payload.call_id)
        if call is None:
            raise DomainError("invalid", "그런 통화 기록이 없습니다.", field="call_id", status=422)
    evaluation = services.evaluation_record(
        scorecard=payload.scorecard, employee_no=payload.employee_no, kind=payload.kind,
        evaluated_at=payload.evaluated_at, scores=payload.scores, note=payload.note, by=request.auth,
        now=timezone.now(), call=call,
    )  # fmt: skip
    evaluation = queries.get_evaluation_for_user(request.auth, evaluation.pk)
    return Status(201, _out(evaluation))


class ListQuery(Schema):
    scorecard: str = Field("", max_length=30, description="평가표 코드")
    kind: Literal["", "phone", "visit", "mystery_call", "mystery_visit", "recording"] = Field("")
    employee_no: str = Field("", max_length=20)
    date_from: Day | None = None
    date_to: Day | None = None


@router.get("/evaluations", response=list[EvaluationOut], summary="평가 목록 (볼 수 있는 범위, 100건씩)")
@paginated(FixedPages, size=100)
def evaluation_list(request, q: Query[ListQuery]):
    evaluations = queries.evaluation_list(
        request.auth, kind=q.kind, scorecard=q.scorecard,
        date_from=q.date_from, date_to=q.date_to, employee_no=q.employee_no,
    )  # fmt: skip
    return Rows(evaluations, _out)
