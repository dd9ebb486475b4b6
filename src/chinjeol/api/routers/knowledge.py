"""Knowledge API: search the counsellors' articles in a citizen's words; record which article answered."""

from __future__ import annotations

from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from chinjeol.api.idempotency import idempotent
from chinjeol.core.errors import PermissionDenied
from chinjeol.knowledge import services
from chinjeol.knowledge.models import ArticleUse
from chinjeol.knowledge.permissions import can_read
from chinjeol.knowledge.search import search

from ..types import QueryId

router = Router(tags=["상담 지식"])


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="검색어 (시민이 한 말 그대로)")
    limit: int = Field(10, ge=1, le=50, description="결과 수")
    category: QueryId | None = Field(None, description="분류 ID")


class SearchHit(Schema):
    id: int
    code: str
    title: str
    snippet: str
    score: float


class SearchOut(Schema):
    results: list[SearchHit]


class UseIn(Schema):
    subject_type: ArticleUse.Subject = Field(..., description="case(민원), call(통화), chat(채팅·문자)")
    subject_id: str = Field(..., min_length=1, max_length=40, description="민원·통화·대화 번호")
    resolved: bool = Field(True, description="이 문서로 해결했는지")


class UseOut(Schema):
    id: int
    article_id: int
    subject_type: str
    subject_id: str
    resolved: bool


def _reader(request) -> None:
    if not can_read(request.auth):
        raise PermissionDenied("상담 지식을 볼 권한이 없습니다.")


@router.get("/search", response=SearchOut, summary="지식 검색 (점수 높은 순)")
def knowledge_search(request, params: Query[SearchQuery]):
    _reader(request)
    hits = search(params.q, limit=params.limit, category_id=params.category)
    services.search_log(
        question=params.q,
        result_count=len(hits),
        top_score=hits[0].score if hits else 0.0,
        by=request.auth,
        now=timezone.now(),
    )
    return {
        "results": [
            {"id": h.id, "code": h.code, "title": h.title, "snippet": h.snippet, "score": h.score}
            for h in hits
        ]
    }


@router.post("/articles/{article_id}/uses", response={201: UseOut}, summary="이 문서로 안내·해결한 기록")
@idempotent
def article_use(request, article_id: QueryId, payload: UseIn):
    _reader(request)
    use = services.article_use_record(
        article_id=article_id,
        subject_type=payload.subject_type,
        subject_id=payload.subject_id,
        by=request.auth,
        now=timezone.now(),
        resolved=payload.resolved,
    )
    return Status(201, use)
