"""Call centre API: call records, KPI rows, call-backs and the live CTI webhook."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from pydantic import ValidationError as PydanticError
from pydantic import create_model

from chinjeol.api.idempotency import idempotent
from chinjeol.contact import cti, queries, services
from chinjeol.contact.models import CallbackObligation, CallRecord
from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role

from ..pagination import LimitOffset, Rows, paginated
from ..types import Day, QueryId

router = Router(tags=["콜센터"])
MAX_DAYS = 732
CTI_ROLES = (Role.CS_OFFICER, Role.STAFF)


def _scope(request) -> queries.Scope:
    if not has_role(request.auth, *queries.READERS):
        raise PermissionDenied("콜센터 자료를 볼 권한이 없습니다.")
    scope = queries.scope_of(request.auth)
    if scope.empty:
        raise PermissionDenied("콜센터 자료를 볼 권한이 없습니다.")
    return scope


def _writer(request) -> None:
    auditor = has_role(request.auth, Role.AUDITOR) and not has_role(request.auth, Role.CS_OFFICER)
    if auditor or not has_role(request.auth, *queries.WRITERS):
        raise PermissionDenied("조회만 할 수 있습니다 (감사는 수정할 수 없습니다).")


def _days(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise DomainError("invalid", "끝 날짜가 시작 날짜보다 이릅니다.", field="date_to")
    if (date_to - date_from).days > MAX_DAYS:
        raise DomainError("invalid", f"기간은 {MAX_DAYS}일 이하로 정해 주세요.", field="date_to")


class CallOut(Schema):
    id: int
    key: str
    direction: str
    number: str = Field(..., description="외부 번호 (가림 처리)")
    extension: str
    answered_extension: str
    staff: int | None
    department: int | None
    queue: int | None
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime
    disposition: str
    ring_s: int | None
    wait_s: int | None
    billsec: int
    within_standard: bool | None = Field(..., description="전화 응대 기준 안 응답 (판정 대상이 아니면 null)")
    over_3_min: bool
    missed: bool
    abandoned: bool
    customer_hung_up_first: bool | None
    fcr: bool | None


def _call(c: CallRecord) -> dict:
    return {
        "id": c.pk,
        "key": c.key,
        "direction": c.direction,
        "number": c.number_masked,
        "extension": c.extension,
        "answered_extension": c.answered_extension,
        "staff": c.staff_id,
        "department": c.department_id,
        "queue": c.queue_id,
        "started_at": c.started_at,
        "answered_at": c.answered_at,
        "ended_at": c.ended_at,
        "disposition": c.disposition,
        "ring_s": c.ring_s,
        "wait_s": c.wait_s,
        "billsec": c.billsec,
        "within_standard": c.within_standard if c.judged else None,
        "over_3_min": c.over_3_min,
        "missed": c.missed,
        "abandoned": c.abandoned,
        "customer_hung_up_first": c.customer_hung_up_first,
        "fcr": c.fcr,
    }


class CallFilters(Schema):
    date_from: Day | None = Field(None, description="시작 날짜 (포함, Asia/Seoul)")
    date_to: Day | None = Field(None, description="끝 날짜 (포함)")
    staff: QueryId | None = None
    department: QueryId | None = None
    queue: QueryId | None = None
    direction: CallRecord.Direction | None = None
    disposition: Literal["ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"] | None = None


@router.get("/calls", response=list[CallOut], summary="통화 기록 목록")
@paginated(LimitOffset, size=100, max_limit=1000)
def list_calls(request, filters: Query[CallFilters]):
    calls = queries.call_list(
        _scope(request),
        date_from=filters.date_from,
        date_to=filters.date_to,
        staff=filters.staff,
        department=filters.department,
        queue=filters.queue,
        direction=filters.direction,
        disposition=filters.disposition,
    )
    return Rows(calls, _call)


# The rows of the metrics query as published (its internal figures left out).
MetricsOut = create_model(
    "MetricsOut",
    __base__=Schema,
    **{
        **{name: (hint, ...) for name, hint in queries.MetricsRow.api_fields().items()},
        "key": (int | str | None, Field(..., description="직원·부서·큐 ID, 날짜(YYYY-MM-DD) 또는 시(0–23)")),
    },
)


@router.get("/calls/metrics", response=list[MetricsOut], summary="콜센터 지표 (기간·묶음별)")
def call_metrics(
    request,
    date_from: Day,
    date_to: Day,
    group_by: Literal["staff", "department", "queue", "day", "hour", "month"] = "staff",
):
    scope = _scope(request)
    _days(date_from, date_to)
    rows = queries.metrics(scope, date_from=date_from, date_to=date_to, group_by=group_by)
    return [r.as_api() for r in rows]


class CallbackOut(Schema):
    id: int
    reason: str
    number: str
    staff: int | None
    department: int | None
    call: str | None
    missed_at: datetime
    due_at: datetime
    status: str
    status_label: str
    overdue: bool
    done_at: datetime | None
    done_by: int | None
    by_hand: bool
    outcome: str


def _callback(o: CallbackObligation, now: datetime) -> dict:
    return {
        "id": o.pk,
        "reason": o.reason,
        "number": o.number_masked,
        "staff": o.staff_id,
        "department": o.department_id,
        "call": o.call_id,
        "missed_at": o.missed_at,
        "due_at": o.due_at,
        "status": o.status,
        "status_label": o.get_status_display(),
        "overdue": o.status == CallbackObligation.Status.OPEN and o.due_at < now,
        "done_at": o.done_at,
        "done_by": o.done_by_id,
        "by_hand": o.by_hand,
        "outcome": o.outcome,
    }


@router.get("/callbacks", response=list[CallbackOut], summary="콜백 목록 (기한순)")
def list_callbacks(
    request,
    status: CallbackObligation.Status | None = None,
    overdue: bool | None = None,
    limit: int = Query(200, ge=1, le=1000),
):
    now = timezone.now()
    callbacks = queries.callback_list(_scope(request), status=status, overdue_at=now if overdue else None)
    return [_callback(o, now) for o in callbacks[:limit]]


class CallbackIn(Schema):
    call: int | None = Field(None, description="통화 ID (통화에서 만들 때)")
    number: str = Field("", max_length=30, description="전화번호 (통화 없이 만들 때; 저장할 때 가립니다)")
    outcome: str = Field("", max_length=500, description="메모 (무엇을 확인해 회신할지)")


def _staff_of(request):
    staff = getattr(request.auth, "staff", None)
    if staff is None:
        raise PermissionDenied("직원 계정만 콜백을 만들거나 기록할 수 있습니다.")
    return staff


@router.post("/callbacks", response={201: CallbackOut}, summary="콜백 만들기 (확인 후 회신)")
@idempotent
def create_callback(request, payload: CallbackIn):
    scope = _scope(request)
    _writer(request)
    call = None
    if payload.call is not None:
        call = queries.call_in(scope, payload.call)
    now = timezone.now()
    ob = services.callback_create(
        call=call, staff=_staff_of(request), now=now, number=payload.number, outcome=payload.outcome
    )
    return Status(201, _callback(ob, now))


class DoneIn(Schema):
    at: datetime | None = Field(None, description="회신한 시각 (없으면 지금)")
    outcome: str = Field("", max_length=500)


@router.post("/callbacks/{callback_id}/done", response=CallbackOut, summary="회신 기록 (직접)")
def callback_done(request, callback_id: QueryId, payload: DoneIn):
    scope = _scope(request)
    _writer(request)
    queries.check_callback_in(scope, callback_id)
    now = timezone.now()
    ob = services.callback_done(
        obligation_id=callback_id,
        staff=_staff_of(request),
        at=payload.at or now,
        now=now,
        outcome=payload.outcome,
    )
    return _callback(ob, now)


@router.post("/cti/events", response=cti.CtiOut, summary="CTI 이벤트 (Zammad 일반 CTI 형식)")
def cti_event(request):
    """`event` newCall | answer | hangup, `callId`, `from`, `to`, `direction` in|out, `user` or
    `extension`, `queue`, `cause`, `answeringNumber`, `hangupBy` customer|agent. JSON or form. The
    same (callId, event) twice is stored once. An inbound newCall's answer may carry `routing`: the
    extension of the counsellor who spoke with this number most recently in the last 7 days."""
    if not has_role(request.auth, *CTI_ROLES):
        raise PermissionDenied("CTI 이벤트를 보낼 권한이 없습니다.")
    data = _body(request)
    try:
        event = cti.CtiIn.model_validate(data)
    except PydanticError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or None
        raise DomainError("invalid", f"CTI 이벤트가 올바르지 않습니다: '{field}'", field=field) from None
    return cti.cti_receive(event, now=timezone.now())


def _body(request) -> dict:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            raise DomainError("invalid", "JSON 형식이 올바르지 않습니다.") from None
        if not isinstance(data, dict):
            raise DomainError("invalid", "객체(JSON) 형식이어야 합니다.")
        return data
    data = {k: v for k, v in request.POST.items()}
    users = request.POST.getlist("user[]")
    if users:
        data["user"] = users[0]
    return data
