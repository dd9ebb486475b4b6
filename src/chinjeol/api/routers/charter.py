"""Charter API: deadlines by the Civil Petitions Act and the charter, and compliance figures."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from chinjeol.charter import queries, rules
from chinjeol.charter.compliance.rules import BASIS_LABELS, Basis
from chinjeol.charter.models import StatutoryService
from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.periods import Period
from chinjeol.reports.compliance import queries as compliance

from ..types import Moment, QueryId

router = Router(tags=["서비스헌장·기한"])


def _invalid(message: str, field: str) -> DomainError:
    return DomainError("invalid", message, field=field, status=422)


class DeadlineQuery(Schema):
    received_at: Moment = Field(
        ..., description="접수 시각 (ISO 8601, 시간대 포함, 2000~2100년. 예: 2026-11-23T09:30:00+09:00)"
    )
    days: int | None = Field(None, ge=1, le=365, description="처리기간(일). kind 대신 씁니다")
    hours: float | None = Field(None, gt=0, le=2000, description="처리기간(근무시간). days·kind 대신 씁니다")
    weeks: int | None = Field(
        None, ge=1, le=52, description="처리기간(주, 민원처리법 제19조③). days 대신 씁니다"
    )
    months: int | None = Field(None, ge=1, le=24, description="처리기간(개월, 제19조③). days 대신 씁니다")
    years: int | None = Field(None, ge=1, le=5, description="처리기간(년, 제19조③). days 대신 씁니다")
    kind: rules.CaseKind | None = Field(
        None, description="민원 종류 (days 대신): 법정기한과 헌장 약속 중 이른 쪽"
    )
    channel: rules.Channel | None = Field(None, description="접수 경로 (kind와 함께: 서비스헌장 약속 적용)")
    statutory_days: int | None = Field(
        None, ge=1, le=365, description="법정민원(kind=statutory)의 처리기간(일, 민원처리기준표)"
    )
    statutory_service: QueryId | None = Field(
        None, description="법정민원의 민원처리기준표 ID (statutory_days 대신)"
    )


class DeadlineOut(Schema):
    due_at: datetime = Field(..., description="처리기한 (+09:00)")
    rule: str = Field(..., description="기한 산정 근거 (한국어)")
    legal_due_at: datetime | None = Field(None, description="법정 처리기한 (kind를 준 경우)")
    promise_due_at: datetime | None = Field(None, description="서비스헌장 약속 기한 (약속이 있는 경로)")
    promise: str | None = Field(None, description="적용한 이행표준과 판 (예: WEB_REPLY 2판 5일)")
    calendar: str = Field(
        ...,
        description="처리기한을 센 달력: law(토요일·공휴일만 제외, 민원처리법 제19조) 또는 agency(기관 달력)",
    )
    calendar_label: str = Field(..., description="처리기한을 센 달력 (한국어)")


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def _statutory_days(q: DeadlineQuery) -> int | rules.Period:
    if q.statutory_days is not None:
        return q.statutory_days
    if q.statutory_service is not None:
        service = StatutoryService.objects.filter(pk=q.statutory_service, is_active=True).first()
        if service is None:
            raise _invalid("민원처리기준표에 없는(또는 사용하지 않는) 사무입니다.", "statutory_service")
        return service.period
    raise _invalid(
        "법정민원(kind=statutory)은 처리기간 statutory_days(일) 또는 statutory_service(민원처리기준표 ID)가 필요합니다.",
        "statutory_days",
    )


@router.get(
    "/deadline",
    response=DeadlineOut,
    summary="처리기한 계산 (민원처리법 제19조·서비스헌장)",
    description=(
        "접수 시각과 처리기간(days 또는 hours), 또는 민원 종류(kind)와 접수 경로(channel)로 처리기한을 "
        "계산합니다. 법정 처리기한(days·hours·weeks·months·years, kind의 법정기한)은 법의 달력(토요일과 "
        "공휴일·대체공휴일·임시공휴일·선거일만 제외)으로, 서비스헌장 약속은 기관 달력(기관 휴무일·추가 근무일 "
        "반영)으로 셉니다. 5일 이하는 근무시간(09~18시, 점심 제외 8시간)으로, 6일 이상은 첫날을 넣고 토요일·"
        "공휴일을 뺀 날로, 주·월·연은 말일이 토요일·공휴일이면 다음 근무일로 셉니다. 잘못된 값은 422와 한국어 "
        "메시지, 해당 field로 알립니다."
    ),
)
def deadline(request, q: Query[DeadlineQuery]):
    if timezone.is_naive(q.received_at):
        raise _invalid("received_at에 시간대를 넣어 주세요 (예: 2026-11-23T09:30:00+09:00).", "received_at")
    first, last = queries.CALENDAR_YEARS[0], queries.CALENDAR_YEARS[-1]
    if not first <= timezone.localtime(q.received_at).year <= last:
        raise _invalid(
            f"received_at은 {first}년부터 {last}년 사이여야 합니다 (공휴일 자료가 있는 기간).",
            "received_at",
        )
    given = [
        name for name in ("days", "hours", "weeks", "months", "years", "kind") if getattr(q, name) is not None
    ]
    if len(given) != 1:
        raise _invalid(
            "처리기간은 days, hours, weeks, months, years, kind 가운데 하나로만 주세요."
            if given
            else "days, hours, weeks, months, years, kind 가운데 하나가 필요합니다.",
            given[1] if len(given) > 1 else "days",
        )
    if q.channel is not None and q.kind is None:
        raise _invalid("channel은 kind와 함께 주세요 (헌장 약속은 민원 종류와 함께 판단합니다).", "channel")
    calendar = queries.calendar_for()
    if q.kind is None:
        if q.hours is not None:
            period = rules.Period.of_hours(q.hours)
        else:
            period = rules.Period(days=q.days, weeks=q.weeks, months=q.months, years=q.years)
        result = rules.legal_due_at(q.received_at, period, calendar)
        return {
            "due_at": _local(result.due_at),
            "rule": result.rule,
            "legal_due_at": _local(result.due_at),
            "calendar": result.calendar,
            "calendar_label": result.calendar_label,
        }
    statutory_days = _statutory_days(q) if q.kind == rules.CaseKind.STATUTORY else None
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
        "promise": f"{promise.standard.code} {promise.version}판 {promise.target_label}" if promise else None,
        "calendar": binding.calendar,
        "calendar_label": binding.calendar_label,
    }


# --- compliance -----------------------------------------------------------------------------------
class ComplianceQuery(Schema):
    period: str = Field(..., description="기간: 월 2026-11, 반기 2026-H2, 연 2026")
    standard: str | None = Field(None, description="이행표준 코드로 부서 순위를 좁힘 (LEGAL = 법정 처리기한)")


class Figures(Schema):
    key: str = Field(..., description="이행표준 코드 또는 부서 ID")
    label: str = Field(..., description="이름")
    judged: int = Field(..., description="판정")
    met: int = Field(..., description="이행")
    missed: int = Field(..., description="미이행")
    rate: float | None = Field(None, description="이행률(%) — 판정이 없으면 null")
    previous_rate: float | None = Field(None, description="직전 같은 길이 기간의 이행률(%)")
    rank: int | None = Field(None, description="부서 순위 (이행률 높은 순, 같으면 같은 순위)")


class CountFigures(Schema):
    code: str = Field(..., description="이행표준 코드 (예: STAKEHOLDER_MEETINGS)")
    label: str = Field(..., description="이름")
    target: str = Field(..., description="목표 (예: 연 3회 이상)")
    start: str = Field(..., description="센 기간의 첫날 (그해 1월 1일)")
    through: str = Field(..., description="센 기간의 마지막 날")
    count: int | None = Field(None, description="실적 (측정하는 기능이 없으면 null)")
    goal: int | None = Field(None, description="목표 횟수")
    final: bool = Field(..., description="해가 끝나 판정이 확정됨")
    status: str = Field(..., description="met 이행, missed 미이행, running 진행 중, unmeasured 측정 안 함")
    status_label: str = Field(..., description="판정 (한국어)")


class ComplianceOut(Schema):
    period: str
    label: str = Field(..., description="기간 이름 (예: 2026년 하반기)")
    basis: str = Field(..., description="판정 기준")
    total: Figures
    standards: list[Figures]
    departments: list[Figures]
    counts: list[CountFigures] = Field(
        ..., description="연간 횟수 약속(간담회 연 3회 이상 등): 그해 1월 1일부터 기간 끝까지의 실적"
    )


def _figures(line: compliance.Line) -> dict:
    rate = line.tally.rate
    previous = line.previous.rate if line.previous else None
    return {
        "key": str(line.key),
        "label": line.label,
        "judged": line.tally.judged,
        "met": line.tally.met,
        "missed": line.tally.missed,
        "rate": float(rate) if rate is not None else None,
        "previous_rate": float(previous) if previous is not None else None,
        "rank": line.rank,
    }


@router.get(
    "/compliance",
    response=ComplianceOut,
    summary="헌장 이행 점검 (이행표준·부서별)",
    description="고객만족 담당관·감사는 모든 부서, 부서장·CS리더는 담당 부서(하위 포함)의 판정·이행·미이행과 이행률.",
)
def compliance_figures(request, q: Query[ComplianceQuery]):
    user = request.auth
    if not has_role(user, *compliance.READERS):
        raise PermissionDenied("헌장 이행 점검은 고객만족 담당관·감사·부서장·CS리더만 볼 수 있습니다.")
    try:
        period = Period.parse(q.period)
    except ValueError as error:
        raise _invalid(str(error), "period") from None
    if not 2000 <= period.year <= 2100:
        raise _invalid("2000년부터 2100년 사이의 기간을 주세요.", "period")
    codes = dict(compliance.standard_choices())
    if q.standard and q.standard not in codes:
        raise _invalid(f"알 수 없는 이행표준입니다: {q.standard}", "standard")
    summary = compliance.summary(
        period, timezone.now(), departments=compliance.scope_of(user), standard=q.standard or None
    )
    return {
        "period": str(period),
        "label": period.label_ko,
        "basis": f"헌장 약속 기한(없으면 {BASIS_LABELS[Basis.LEGAL]})까지 답변했는지, 판정이 확정된 때의 기간에 셉니다.",
        "total": _figures(summary.total),
        "standards": [_figures(line) for line in summary.standards],
        "departments": [_figures(line) for line in summary.departments],
        "counts": [line.as_dict() for line in summary.counts],
    }
