"""Saving articles (versions, permissions, index), attachments, uses, the search log and review notices."""

from __future__ import annotations

from datetime import date

import pytest

from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.knowledge import services
from chinjeol.knowledge.markdown import render
from chinjeol.knowledge.models import Article, Attachment, SearchLog
from chinjeol.knowledge.search import search
from tests.factories import at

NOW = at(2026, 11, 23)


def _data(**extra):
    values = {"code": "K-1", "title": "여권 재발급", "body": "분실하면 재발급합니다.", "category": "여권"}
    values.update(extra)
    return services.ArticleInput(**values)


def test_markdown_escapes_first_and_keeps_safe_links_only():
    html = render(
        "# 안내\n<script>x</script> **굵게**\n- 하나\n- 둘\n1. 첫째\n"
        "[정부24](https://www.gov.kr) [나쁜](javascript:alert(1)) [안](/knowledge/)"
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<h3>안내</h3>" in html and "<strong>굵게</strong>" in html
    assert "<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>" in html and "<ol>" in html
    assert 'href="https://www.gov.kr"' in html and 'href="/knowledge/"' in html
    assert 'href="javascript' not in html and "나쁜" in html


@pytest.mark.django_db
def test_owner_department_editors(org):
    article, what = services.article_save(
        data=_data(owner_department_id=org.civil.pk), by=org.officer, now=NOW
    )
    assert what == "created" and article.version == 1
    _a, what = services.article_save(data=_data(title="여권 재발급 안내"), by=org.leader, now=NOW)
    assert what == "updated"
    with pytest.raises(PermissionDenied):
        services.article_save(data=_data(title="바꿈"), by=org.clerk, now=NOW)
    with pytest.raises(PermissionDenied):
        services.article_save(data=_data(title="바꿈"), by=org.outsider, now=NOW)
    # A leader cannot move an article into their department from another one.
    services.article_save(data=_data(code="K-2", owner_department_id=org.tax.pk), by=org.officer, now=NOW)
    with pytest.raises(PermissionDenied):
        services.article_save(
            data=_data(code="K-2", owner_department_id=org.civil.pk), by=org.leader, now=NOW
        )
    assert Article.objects.get(code="K-1").versions.count() == 2


@pytest.mark.django_db
def test_invalid_input_names_the_field(org):
    with pytest.raises(DomainError) as error:
        services.article_save(data=_data(title=" "), by=org.officer, now=NOW)
    assert error.value.field == "title"
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_saving_updates_the_index_in_the_same_transaction(org):
    services.article_save(data=_data(), by=org.officer, now=NOW)
    assert [h.code for h in search("여권")] == ["K-1"]
    services.article_save(
        data=_data(title="재산세 납부", body="재산세는 7월에 냅니다.", category="세금"),
        by=org.officer,
        now=NOW,
    )
    from chinjeol.knowledge.search import caches_clear

    caches_clear()
    assert search("여권") == []
    assert [h.code for h in search("재산세")] == ["K-1"]


@pytest.mark.django_db
def test_attachment_size_limit(org):
    article, _ = services.article_save(data=_data(), by=org.officer, now=NOW)
    services.attachment_add(
        article=article,
        name="안내.pdf",
        content_type="application/pdf",
        data=b"x" * 10,
        by=org.officer,
        now=NOW,
    )
    with pytest.raises(DomainError, match="5MB"):
        services.attachment_add(
            article=article,
            name="큰.pdf",
            content_type="",
            data=b"x" * (Attachment.MAX_BYTES + 1),
            by=org.officer,
            now=NOW,
        )
    with pytest.raises(PermissionDenied):
        services.attachment_add(article=article, name="a", content_type="", data=b"x", by=org.clerk, now=NOW)
    assert article.attachments.count() == 1


@pytest.mark.django_db
def test_uses_and_search_log_mask_personal_data(org):
    article, _ = services.article_save(data=_data(), by=org.officer, now=NOW)
    use = services.article_use_record(
        article_id=article.pk, subject_type="case", subject_id="12", by=org.clerk, now=NOW
    )
    again = services.article_use_record(
        article_id=article.pk, subject_type="case", subject_id="12", by=org.clerk, now=NOW
    )
    assert use.pk == again.pk
    with pytest.raises(DomainError):
        services.article_use_record(
            article_id=article.pk, subject_type="letter", subject_id="1", by=org.clerk, now=NOW
        )
    with pytest.raises(NotFound):
        services.article_use_record(
            article_id=999, subject_type="call", subject_id="1", by=org.clerk, now=NOW
        )
    log = services.search_log(
        question="010-1234-5678 여권", result_count=1, top_score=3.0, by=org.clerk, now=NOW
    )
    assert "1234-5678" not in SearchLog.objects.get(pk=log.pk).query_masked


@pytest.mark.django_db
def test_overdue_review_notice_goes_once_to_the_owner_departments_cs_leader(org):
    from chinjeol.notify.models import Message

    services.article_save(
        data=_data(owner_department_id=org.civil.pk, review_due=date(2026, 11, 1)), by=org.officer, now=NOW
    )
    services.article_save(data=_data(code="K-2", review_due=date(2026, 12, 31)), by=org.officer, now=NOW)
    assert services.review_overdue_notify(today=date(2026, 11, 23), now=NOW) == 1
    message = Message.objects.get(kind="kb_review")
    assert message.recipient == org.leader.staff.email and "여권 재발급" in message.body
    assert "2026. 11. 1." in message.body
    assert services.review_overdue_notify(today=date(2026, 11, 24), now=NOW) == 0
