"""Knowledge pages: roles, as-you-type results with highlights, resolving a case, editing, the office lists."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chinjeol.knowledge.models import Article, ArticleUse, SearchLog, Synonym


@pytest.mark.django_db
def test_browse_and_htmx_results_highlight_after_escaping(client_for, org, demo_articles):
    client = client_for(org.clerk)
    page = client.get(reverse("knowledge:browse"))
    assert page.status_code == 200
    assert 'hx-trigger="keyup changed delay:200ms' in page.content.decode()
    html = client.get(reverse("knowledge:results"), {"q": "여권 재발급<script>"}).content.decode()
    assert "<script>" not in html
    assert "<mark>여권</mark>" in html and "PAS-002" in html
    assert client.get(reverse("knowledge:embed"), {"q": "포트홀"}).status_code == 200


@pytest.mark.django_db
def test_evaluators_cannot_read(client_for, org):
    assert client_for(org.evaluator).get(reverse("knowledge:browse")).status_code == 403


@pytest.mark.django_db
def test_read_from_a_case_records_the_click_and_the_resolution(client_for, org, demo_articles):
    client = client_for(org.clerk)
    client.get(reverse("knowledge:results"), {"q": "등본"})
    log = SearchLog.objects.latest("pk")
    page = client.get(reverse("knowledge:read", args=["RES-001"]), {"case": 41, "s": log.pk})
    assert "이 문서로 해결" in page.content.decode()
    SearchLog.objects.get(pk=log.pk, clicked__code="RES-001")
    response = client.post(reverse("knowledge:use", args=["RES-001"]), {"case": 41})
    assert response.status_code == 302
    assert ArticleUse.objects.filter(article__code="RES-001", subject_type="case", subject_id="41").exists()


@pytest.mark.django_db
def test_edit_page_by_role(client_for, org, demo_articles):
    Article.objects.filter(code="RES-001").update(owner_department=org.civil)
    url = reverse("knowledge:edit", args=["RES-001"])
    assert client_for(org.clerk).get(url).status_code == 403
    leader = client_for(org.leader)
    assert leader.get(url).status_code == 200
    article = Article.objects.get(code="RES-001")
    response = leader.post(
        url,
        {
            "title": article.title,
            "category": article.category.name,
            "tags": article.tags,
            "owner_department": org.civil.pk,
            "body": article.body + "\n- 무인민원발급기는 200원",
            "note": "수수료 추가",
        },
    )
    assert response.status_code == 302
    assert Article.objects.get(code="RES-001").version == 2
    bad = leader.post(url, {"title": "", "category": "주민등록", "body": "x"})
    assert bad.status_code == 200 and "제목" in bad.content.decode()


@pytest.mark.django_db
def test_office_pages(client_for, org, demo_articles):
    officer = client_for(org.officer)
    response = officer.post(reverse("knowledge:synonyms"), {"phrase": "떼인 돈", "terms": "체납"})
    assert response.status_code == 302 and Synonym.objects.filter(phrase="떼인 돈").exists()
    officer.get(reverse("knowledge:results"), {"q": "우주선 발사"})
    misses = officer.get(reverse("knowledge:report_misses")).content.decode()
    assert "우주선 발사" in misses
    assert officer.get(reverse("knowledge:report_uses")).status_code == 200
    assert officer.get(reverse("knowledge:overdue")).status_code == 200
    assert client_for(org.clerk).get(reverse("knowledge:synonyms")).status_code == 403
