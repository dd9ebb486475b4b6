"""Writes to the knowledge base. Saving an article writes its version and its index in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction

from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.korean.pii import mask_pii

from . import index, permissions
from .models import Article, ArticleUse, ArticleVersion, Attachment, Category, SearchLog, Synonym
from .search import caches_clear

CODE_MAX, TITLE_MAX = 40, 200


@dataclass(frozen=True)
class ArticleInput:
    code: str
    title: str
    body: str
    category: str
    tags: str = ""
    owner_department_id: int | None = None
    review_due: date | None = None


def normalize_tags(tags: str) -> str:
    parts = [t.strip() for t in tags.replace(";", ",").replace("|", ",").split(",")]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def validate(data: ArticleInput) -> list[tuple[str, str]]:
    """(field, Korean message) for every problem; empty when the input can be saved."""
    problems = []
    if not data.code.strip():
        problems.append(("code", "문서 코드를 입력하세요."))
    elif len(data.code.strip()) > CODE_MAX:
        problems.append(("code", f"문서 코드는 {CODE_MAX}자 이하여야 합니다."))
    if not data.title.strip():
        problems.append(("title", "제목을 입력하세요."))
    elif len(data.title.strip()) > TITLE_MAX:
        problems.append(("title", f"제목은 {TITLE_MAX}자 이하여야 합니다."))
    if not data.body.strip():
        problems.append(("body", "본문을 입력하세요."))
    if not data.category.strip():
        problems.append(("category", "분류를 입력하세요."))
    elif len(data.category.strip()) > 50:
        problems.append(("category", "분류 이름은 50자 이하여야 합니다."))
    if len(normalize_tags(data.tags)) > 300:
        problems.append(("tags", "태그는 모두 합쳐 300자 이하여야 합니다."))
    return problems


def _category(name: str) -> Category:
    category, _ = Category.objects.get_or_create(name=name.strip())
    return category


@transaction.atomic
def article_save(*, data: ArticleInput, by, now: datetime, note: str = "", check_permission: bool = True):
    """Create or update the article with this code. Returns (article, what): what is 'created',
    'updated' or 'unchanged'; a version is written only when something changed."""
    problems = validate(data)
    if problems:
        field, message = problems[0]
        raise DomainError("invalid", message, field=field)
    code = data.code.strip()
    article = Article.objects.select_for_update().filter(code=code).first()
    department_id = data.owner_department_id
    if article is not None and department_id is None:
        department_id = article.owner_department_id
    if check_permission:
        allowed = permissions.can_edit(by, department_id) if department_id else permissions.is_office(by)
        if article is not None and article.owner_department_id != department_id:
            allowed = allowed and permissions.can_edit(by, article.owner_department_id)
        if not allowed:
            raise PermissionDenied("이 부서의 문서를 고칠 권한이 없습니다.")
    category = _category(data.category)
    values = {
        "title": data.title.strip(),
        "body": data.body.strip().replace("\r\n", "\n"),
        "category": category,
        "tags": normalize_tags(data.tags),
        "owner_department_id": department_id,
        "review_due": data.review_due
        if data.review_due is not None
        else getattr(article, "review_due", None),
    }
    if article is None:
        article = Article(code=code, version=1, updated_at=now, updated_by=by, **values)
        what = "created"
    else:
        if all(getattr(article, k) == v for k, v in values.items()):
            return article, "unchanged"
        for key, value in values.items():
            setattr(article, key, value)
        article.version += 1
        article.updated_at, article.updated_by = now, by
        article.review_notified_on = None
        what = "updated"
    article.save()
    ArticleVersion.objects.create(
        article=article,
        number=article.version,
        title=article.title,
        body=article.body,
        category_name=category.name,
        tags=article.tags,
        note=note[:200],
        saved_at=now,
        saved_by=by,
    )
    index.index_write(article)
    transaction.on_commit(caches_clear)
    return article, what


@transaction.atomic
def attachment_add(
    *, article: Article, name: str, content_type: str, data: bytes, by, now: datetime
) -> Attachment:
    if not permissions.can_edit(by, article.owner_department_id):
        raise PermissionDenied("이 문서에 파일을 올릴 권한이 없습니다.")
    if not data:
        raise DomainError("invalid", "빈 파일은 올릴 수 없습니다.", field="file")
    if len(data) > Attachment.MAX_BYTES:
        raise DomainError("too_large", "첨부 파일은 5MB 이하만 올릴 수 있습니다.", field="file")
    return Attachment.objects.create(
        article=article,
        name=name[:200],
        content_type=(content_type or "application/octet-stream")[:100],
        size=len(data),
        data=data,
        uploaded_at=now,
        uploaded_by=by,
    )


@transaction.atomic
def synonym_save(*, phrase: str, terms: str, note: str = "", by, now: datetime) -> Synonym:
    phrase, terms = " ".join(phrase.split()), " ".join(terms.split())
    if not phrase:
        raise DomainError("invalid", "생활 용어를 입력하세요.", field="phrase")
    if len(phrase) > 100:
        raise DomainError("invalid", "생활 용어는 100자 이하여야 합니다.", field="phrase")
    if not terms:
        raise DomainError("invalid", "행정 용어를 입력하세요.", field="terms")
    if len(terms) > 300:
        raise DomainError("invalid", "행정 용어는 300자 이하여야 합니다.", field="terms")
    synonym, _ = Synonym.objects.update_or_create(
        phrase=phrase, defaults={"terms": terms, "note": note[:200], "updated_at": now, "updated_by": by}
    )
    transaction.on_commit(caches_clear)
    return synonym


@transaction.atomic
def synonym_delete(*, synonym_id: int) -> None:
    Synonym.objects.filter(pk=synonym_id).delete()
    transaction.on_commit(caches_clear)


@transaction.atomic
def article_use_record(
    *, article_id: int, subject_type: str, subject_id: str, by, now: datetime, resolved: bool = True
):
    if subject_type not in ArticleUse.Subject.values:
        raise DomainError(
            "invalid",
            "대상 종류는 민원(case), 통화(call), 채팅·문자(chat) 중 하나입니다.",
            field="subject_type",
        )
    subject_id = str(subject_id).strip()
    if not subject_id or len(subject_id) > 40:
        raise DomainError("invalid", "대상 번호가 올바르지 않습니다.", field="subject_id")
    article = Article.objects.filter(pk=article_id, is_active=True).first()
    if article is None:
        raise NotFound("문서를 찾을 수 없습니다.")
    use, _ = ArticleUse.objects.update_or_create(
        article=article,
        subject_type=subject_type,
        subject_id=subject_id,
        defaults={"by": by, "at": now, "resolved": resolved},
    )
    return use


def search_log(*, question: str, result_count: int, top_score: float, by, now: datetime) -> SearchLog:
    masked = mask_pii(question.strip()).text[:200]
    return SearchLog.objects.create(
        query_masked=masked,
        result_count=result_count,
        top_score=top_score,
        by=by if getattr(by, "is_authenticated", False) else None,
        at=now,
    )


def search_log_click(*, log_id: int, article_id: int, by) -> None:
    SearchLog.objects.filter(pk=log_id, by=by, clicked__isnull=True).update(clicked_id=article_id)


@transaction.atomic
def review_overdue_notify(*, today: date, now: datetime) -> int:
    """Tell each owner department's CS leaders which of their articles are past the review date (once per
    overdue period). Returns the number of notices written."""
    from chinjeol.core.models import RoleAssignment
    from chinjeol.core.roles import Role
    from chinjeol.notify.models import Message
    from chinjeol.notify.services import message_queue

    overdue = list(
        Article.objects.select_for_update()
        .filter(
            is_active=True,
            review_due__lt=today,
            review_notified_on__isnull=True,
            owner_department__isnull=False,
        )
        .select_related("owner_department")
    )
    by_department: dict[int, list[Article]] = {}
    for article in overdue:
        if article.owner_department_id is not None:
            by_department.setdefault(article.owner_department_id, []).append(article)
    written = 0
    for department_id, articles in by_department.items():
        leaders = RoleAssignment.objects.filter(
            role=Role.CS_LEADER, department_id=department_id
        ).select_related("user__staff")
        for assignment in leaders:
            staff = getattr(assignment.user, "staff", None)
            email = (staff.email if staff else "") or assignment.user.email
            if not email:
                continue
            message_queue(
                kind="kb_review",
                channel=Message.Channel.EMAIL,
                recipient=email,
                subject=f"검토 기한이 지난 상담 지식 문서 {len(articles)}건",
                template="knowledge/review_notice.txt",
                context={
                    "department": articles[0].owner_department,
                    "articles": articles,
                    "name": staff.name if staff else "",
                },
                now=now,
            )
            written += 1
        Article.objects.filter(pk__in=[a.pk for a in articles]).update(review_notified_on=today)
    return written
