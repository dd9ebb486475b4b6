from __future__ import annotations

from django.conf import settings
from django.db import models


class Category(models.Model):
    name = models.CharField("분류", max_length=50, unique=True)
    sort_order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        verbose_name = "지식 분류"
        verbose_name_plural = "지식 분류"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    code = models.CharField("문서 코드", max_length=40, unique=True)
    title = models.CharField("제목", max_length=200)
    body = models.TextField("본문 (마크다운)")
    category = models.ForeignKey(
        Category, verbose_name="분류", on_delete=models.PROTECT, related_name="articles"
    )
    tags = models.CharField("태그", max_length=300, blank=True, help_text="쉼표로 구분")
    owner_department = models.ForeignKey(
        "organization.Department",
        verbose_name="담당 부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="knowledge_articles",
    )
    review_due = models.DateField("검토 기한", null=True, blank=True, db_index=True)
    review_notified_on = models.DateField("검토 알림일", null=True, blank=True)
    version = models.PositiveIntegerField("판", default=1)
    is_active = models.BooleanField("게시", default=True)
    updated_at = models.DateTimeField("고친 시각")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="고친 사람", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "지식 문서"
        verbose_name_plural = "지식 문서"
        ordering = ["category__sort_order", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class ArticleVersion(models.Model):
    """One saved state of an article; written once, never changed."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("판")
    title = models.CharField("제목", max_length=200)
    body = models.TextField("본문")
    category_name = models.CharField("분류", max_length=50)
    tags = models.CharField("태그", max_length=300, blank=True)
    note = models.CharField("변경 사유", max_length=200, blank=True)
    saved_at = models.DateTimeField("저장 시각")
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="저장한 사람", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "문서 판"
        verbose_name_plural = "문서 판"
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="uniq_article_version")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.number}판"


class Attachment(models.Model):
    MAX_BYTES = 5 * 1024 * 1024

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="attachments")
    name = models.CharField("파일 이름", max_length=200)
    content_type = models.CharField("형식", max_length=100)
    size = models.PositiveIntegerField("크기(바이트)")
    data = models.BinaryField("내용")
    uploaded_at = models.DateTimeField("올린 시각")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name = "첨부 파일"
        verbose_name_plural = "첨부 파일"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleIndex(models.Model):
    """The analysed words of an article (space-separated). SQLite mirrors them in the FTS5 table
    `knowledge_fts`; PostgreSQL keeps a generated, weighted `tsvector` column `search` with a GIN index."""

    article = models.OneToOneField(Article, primary_key=True, on_delete=models.CASCADE, related_name="index")
    title_terms = models.TextField(blank=True)
    keys = models.TextField(blank=True)  # tags, compounds, title words joined
    body_terms = models.TextField(blank=True)
    grams = models.TextField(blank=True)

    def __str__(self) -> str:
        return str(self.article_id)


class Synonym(models.Model):
    """An everyday word and the official terms it stands for (생활 용어 → 행정 용어)."""

    phrase = models.CharField("생활 용어", max_length=100, unique=True)
    terms = models.CharField("행정 용어", max_length=300, help_text="띄어쓰기나 쉼표로 구분")
    note = models.CharField("메모", max_length=200, blank=True)
    updated_at = models.DateTimeField("고친 시각")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name = "생활 용어"
        verbose_name_plural = "생활 용어"
        ordering = ["phrase"]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.terms}"


class ArticleUse(models.Model):
    class Subject(models.TextChoices):
        CASE = "case", "민원"
        CALL = "call", "통화"
        CHAT = "chat", "채팅·문자"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="uses")
    subject_type = models.CharField("대상 종류", max_length=10, choices=Subject.choices)
    subject_id = models.CharField("대상 번호", max_length=40)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="사용한 사람", on_delete=models.PROTECT)
    at = models.DateTimeField("시각", db_index=True)
    resolved = models.BooleanField("해결", default=True)

    class Meta:
        verbose_name = "문서 사용"
        verbose_name_plural = "문서 사용"
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.subject_type} {self.subject_id}"


class SearchLog(models.Model):
    query_masked = models.CharField("검색어(가림)", max_length=200)
    result_count = models.PositiveIntegerField("결과 수")
    top_score = models.FloatField("최고 점수", default=0)
    clicked = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField("시각", db_index=True)

    class Meta:
        verbose_name = "검색 기록"
        verbose_name_plural = "검색 기록"

    def __str__(self) -> str:
        return self.query_masked
