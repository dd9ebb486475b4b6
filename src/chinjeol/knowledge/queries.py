"""Reads for the knowledge pages and lists."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from chinjeol.core.access import scoped_department_ids
from chinjeol.core.roles import Role

from .models import Article, ArticleUse, SearchLog

WEAK_SCORE = (
    3.0  # a top score below this (bm25 with our weights; good answers score 8–50) is "no good answer"
)


def articles_by_category(category_id: int | None = None):
    qs = Article.objects.filter(is_active=True).select_related("category", "owner_department")
    if category_id:
        qs = qs.filter(category_id=category_id)
    return qs.order_by("category__sort_order", "category__name", "title")


def overdue_articles(user, today: date):
    qs = Article.objects.filter(is_active=True, review_due__lt=today).select_related(
        "owner_department", "category"
    )
    if not user.is_superuser:
        scope = scoped_department_ids(user, roles={Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER})
        if scope is not None:
            qs = qs.filter(owner_department_id__in=scope)
    return qs.order_by("review_due")


def resolving_articles(limit: int = 50):
    return (
        Article.objects.annotate(resolved=Count("uses", filter=Q(uses__resolved=True)), used=Count("uses"))
        .filter(used__gt=0)
        .order_by("-resolved", "-used", "title")[:limit]
    )


def missed_searches(limit: int = 100):
    """Searches with no result or only a weak one, most frequent first, never clicked."""
    return (
        SearchLog.objects.filter(Q(result_count=0) | Q(top_score__lt=WEAK_SCORE), clicked__isnull=True)
        .values("query_masked")
        .annotate(times=Count("id"))
        .order_by("-times", "query_masked")[:limit]
    )


def uses_of(article: Article, limit: int = 20):
    return ArticleUse.objects.filter(article=article).select_related("by").order_by("-at")[:limit]
