from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from chinjeol.charter import queries, rules
from chinjeol.charter.models import StatutoryService
from chinjeol.core.errors import DomainError

router = Router(tags=["서비스헌장·기한"])


class DeadlineQuery(Schema):
    received_at: datetime = Field(..., description="접수 시각 (ISO 8601, 시간대 포함)")
    days: int | None = Field(None, ge=1, le=365, description="처리기간(일). kind 대신 씁니다")
    hours: float | None = Field(None, gt=0, le=2000, description="처리기간(근무시간)")
    kind: rules.CaseKind | None = Field(None, description="민원 종류 (days 대신)")
    channel: rules.Channel | None = Field(None, description="접수 경로 (서비스헌장 약속 적용)")
    statutory_service: int | None = Field(None, description="법정민원의 민원처리기준표 ID")


class DeadlineOut(Schema):
    due_at: datetime = Field(..., description="처리기한 (시간대 포함)")
    rule: str = Field(..., description="기한 산정 근거")
    legal_due_at: datetime | None = None
    promise_due_at: datetime | None = None


@router.get("/deadline", response=DeadlineOut, summary="처리기한 계산 (민원처리법 제19조·서비스헌장)")
def deadline(request, q: Query[DeadlineQuery]):
    if timezone.is_naive(q.received_at):
        raise DomainError(
            "invalid",
            "received_at에 시간대를 넣어 주세요 (예: 2026-11-23T09:30:00+09:00).",
            field="received_at",
        )
    calendar = queries.calendar_for()
    given = [name for name in ("days", "hours", "kind") if getattr(q, name) is not None]
    if len(given) != 1:
        raise DomainError("invalid", "days, hours, kind 중 하나만 주세요.", field="days")
    if q.kind is None:
        period = rules.Period.of_days(q.days) if q.days is not None else rules.Period.of_hours(q.hours)
        result = rules.due_at(q.received_at, period, calendar)
        return {"due_at": _local(result.due_at), "rule": result.rule}
    statutory_days = None
    if q.kind == rules.CaseKind.STATUTORY:
        service = (
            StatutoryService.objects.filter(pk=q.statutory_service, is_active=True).first()
            if q.statutory_service
            else None
        )
        if service is None:
            raise DomainError(
                "invalid",
                "법정민원은 statutory_service(민원처리기준표 ID)가 필요합니다.",
                field="statutory_service",
            )
        statutory_days = service.days
    promise = queries.promises_at(q.received_at).get(q.channel) if q.channel else None
    legal, charter, binding = rules.binding_deadline(
        q.received_at,
        kind=q.kind,
        channel=q.channel or "",
        calendar=calendar,
        charter_days=promise.days if promise else None,
        statutory_days=statutory_days,
    )
    return {
        "due_at": _local(binding.due_at),
        "rule": binding.rule,
        "legal_due_at": _local(legal.due_at),
        "promise_due_at": _local(charter.due_at) if charter else None,
    }


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)
