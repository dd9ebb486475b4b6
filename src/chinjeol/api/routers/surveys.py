"""설문 API: happy-call results by group, the satisfaction surveys and their results (same roles as the pages)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from chinjeol.charter.calendar import SEOUL
from chinjeol.core.access import has_role
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.surveys import queries

from ..types import Day, QueryId

router = Router(tags=["설문"])


class Means(Schema):
    result: Decimal | None = Field(None, description="처리 결과 만족도 평균 (1~5)")
    kindness: Decimal | None = Field(None, description="친절 만족도 평균")
    speed: Decimal | None = Field(None, description="처리 속도 만족도 평균")
    overall: Decimal | None = Field(None, description="전반 만족도 평균")


class HappyRow(Schema):
    key: str | None = Field(None, description="부서·직원 id, 접수 경로·민원 종류 코드 (합계는 null)")
    label: str
    sent: int = Field(..., description="문자를 보낸 해피콜 수")
    answered: int
    response_rate: Decimal | None = Field(None, description="응답률(%)")
    means: Means
    dissatisfied: int = Field(..., description="한 문항이라도 2점 이하인 응답 수")


class HappyResults(Schema):
    start: date
    end: date
    by: str
    total: HappyRow
    rows: list[HappyRow]


class HappyFilter(Schema):
    start: Day | None = Field(None, description="발송일 시작 (기본: 올해 1월 1일)")
    end: Day | None = Field(None, description="발송일 끝 (기본: 오늘)")
    by: Literal["department", "channel", "kind", "person"] = "department"


class SurveyOut(Schema):
    id: int
    title: str
    status: str = Field(..., description="draft | open | closed")
    status_label: str
    is_annual: bool
    opens_on: date | None
    closes_on: date | None
    responses: int
    published_at: datetime | None


class Bucket(Schema):
    label: str
    count: int


class QuestionResult(Schema):
    id: int
    text: str
    kind: str = Field(..., description="scale5 | scale7 | single | multiple | text | nps")
    answered: int
    mean: Decimal | None = None
    nps: int | None = Field(None, description="순추천지수 (추천 의향 문항)")
    distribution: list[Bucket]


class SurveyResults(SurveyOut):
    questions: list[QuestionResult]
    actions: list[str] = Field(..., description="결과를 보고 정한 개선 조치 (공개한 조사)")


def _row(r: queries.ResultRow) -> HappyRow:
    result, kindness, speed, overall = r.means
    return HappyRow(
        key=None if r.key is None else str(r.key),
        label=r.label,
        sent=r.sent,
        answered=r.answered,
        response_rate=r.rate,
        means=Means(result=result, kindness=kindness, speed=speed, overall=overall),
        dissatisfied=r.dissatisfied,
    )


@router.get("/happy-calls/results", response=HappyResults, summary="해피콜 결과 (부서·경로·종류·담당자별)")
def happy_call_results(request, filters: Query[HappyFilter]):
    if not has_role(request.auth, *queries.RESULT_READERS):
        raise PermissionDenied("해피콜 결과를 볼 권한이 없습니다.")
    now = timezone.now()
    today = now.astimezone(SEOUL).date()
    start, end = filters.start or date(today.year, 1, 1), filters.end or today
    if end < start:
        start, end = end, start
    rows, total = queries.happy_results(request.auth, start, end, filters.by, now)
    return {
        "start": start,
        "end": end,
        "by": filters.by,
        "total": _row(total),
        "rows": [_row(r) for r in rows],
    }


def _survey(s, responses: int) -> dict:
    return {
        "id": s.pk,
        "title": s.title,
        "status": s.status,
        "status_label": s.get_status_display(),
        "is_annual": s.is_annual,
        "opens_on": s.opens_on,
        "closes_on": s.closes_on,
        "responses": responses,
        "published_at": s.published_at,
    }


@router.get("/surveys", response=list[SurveyOut], summary="만족도 조사 목록")
def list_surveys(request):
    if not has_role(request.auth, *queries.OFFICE):
        raise PermissionDenied("만족도 조사를 볼 권한은 고객만족 담당관과 감사에게 있습니다.")
    return [_survey(s, s.n_responses) for s in queries.surveys()]


@router.get("/surveys/{survey_id}/results", response=SurveyResults, summary="만족도 조사 결과")
def survey_results(request, survey_id: QueryId):
    if not has_role(request.auth, *queries.OFFICE):
        raise PermissionDenied("만족도 조사를 볼 권한은 고객만족 담당관과 감사에게 있습니다.")
    survey = queries.survey(survey_id)
    if survey is None:
        raise NotFound("조사를 찾을 수 없습니다.")
    results = queries.survey_results(survey, texts=0)
    return {
        **_survey(survey, queries.response_count(survey)),
        "actions": survey.action_lines if survey.published_at else [],
        "questions": [
            {
                "id": r.question.pk,
                "text": r.question.text,
                "kind": r.question.kind,
                "answered": r.count,
                "mean": r.mean,
                "nps": r.nps,
                "distribution": [{"label": label, "count": n} for label, n in r.distribution],
            }
            for r in results
        ],
    }
