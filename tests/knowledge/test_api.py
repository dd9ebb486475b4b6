"""GET /api/v1/knowledge/search and POST /api/v1/knowledge/articles/{id}/uses."""

from __future__ import annotations

import pytest

from chinjeol.core.models import ApiToken
from chinjeol.knowledge.models import Article, ArticleUse, Category, SearchLog

URL = "/api/v1/knowledge/search"


def _auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


@pytest.mark.django_db
def test_search_returns_the_documented_fields_best_first(client, org, demo_articles):
    response = client.get(URL, {"q": "주차딱지 어디서 내요", "limit": 5}, **_auth(org.clerk))
    assert response.status_code == 200
    results = response.json()["results"]
    assert 1 <= len(results) <= 5
    assert set(results[0]) == {"id", "code", "title", "snippet", "score"}
    assert results[0]["code"].startswith("CAR-")
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert SearchLog.objects.filter(result_count=len(results)).exists()


@pytest.mark.django_db
def test_search_by_category_and_validation(client, org, demo_articles):
    tax = Category.objects.get(name="세금")
    results = client.get(URL, {"q": "납부", "category": tax.pk}, **_auth(org.clerk)).json()["results"]
    assert results and all(Article.objects.get(pk=r["id"]).category_id == tax.pk for r in results)
    bad = client.get(URL, {"q": "여권", "limit": 0}, **_auth(org.clerk))
    assert bad.status_code == 422 and bad.json()["field"] == "limit"
    missing = client.get(URL, **_auth(org.clerk))
    assert missing.status_code == 422 and missing.json()["field"] == "q"


@pytest.mark.django_db
def test_search_needs_a_reader(client, org):
    assert client.get(URL, {"q": "여권"}).status_code == 401
    response = client.get(URL, {"q": "여권"}, **_auth(org.evaluator))
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


@pytest.mark.django_db
def test_record_a_use(client, org, demo_articles):
    article = Article.objects.get(code="PAS-002")
    url = f"/api/v1/knowledge/articles/{article.pk}/uses"
    response = client.post(
        url,
        {"subject_type": "call", "subject_id": "C-778"},
        content_type="application/json",
        **_auth(org.clerk),
    )
    assert response.status_code == 201
    assert response.json()["subject_type"] == "call" and response.json()["resolved"] is True
    assert ArticleUse.objects.get(article=article).by == org.clerk
    wrong = client.post(
        url, {"subject_type": "fax", "subject_id": "1"}, content_type="application/json", **_auth(org.clerk)
    )
    assert wrong.status_code == 422 and wrong.json()["field"] == "subject_type"
    gone = client.post(
        "/api/v1/knowledge/articles/999999/uses",
        {"subject_type": "call", "subject_id": "1"},
        content_type="application/json",
        **_auth(org.clerk),
    )
    assert gone.status_code == 404
