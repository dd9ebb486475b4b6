"""Knowledge pages for counsellors and editors: thin — parse, authorise, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import forbidden, role_required
from chinjeol.core.pages import domain_errors, form_errors

from . import queries, services
from .forms import ArticleForm, AttachmentForm
from .markdown import render as render_markdown
from .models import Article, Attachment, Category
from .permissions import READERS, can_create, can_edit
from .search import search

RESULT_LIMIT = 10


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _results_context(request) -> dict:
    q = request.GET.get("q", "").strip()[:200]
    category_id = _int(request.GET.get("category"))
    hits = search(q, limit=RESULT_LIMIT, category_id=category_id) if q else []
    log = None
    if q:
        log = services.search_log(
            question=q,
            result_count=len(hits),
            top_score=hits[0].score if hits else 0.0,
            by=request.user,
            now=timezone.now(),
        )
    return {"q": q, "hits": hits, "log_id": log.pk if log else None, "case_id": _int(request.GET.get("case"))}


@role_required(*READERS)
def browse(request):
    request.area = "knowledge"
    context = _results_context(request)
    categories = list(Category.objects.all())
    category_id = _int(request.GET.get("category"))
    context.update(
        categories=categories,
        category_id=category_id,
        articles=None if context["q"] else queries.articles_by_category(category_id),
        can_create=can_create(request.user),
    )
    return render(request, "knowledge/browse.html", context)


@role_required(*READERS)
def results(request):
    """The as-you-type results (htmx fragment)."""
    return render(request, "knowledge/_results.html", _results_context(request))


@role_required(*READERS)
def embed(request):
    """A bare results list for the call-centre console to include: /knowledge/embed/?q=…&case=…"""
    return render(request, "knowledge/embed.html", _results_context(request))


@role_required(*READERS)
def article_read(request, code: str):
    request.area = "knowledge"
    article = get_object_or_404(Article.objects.select_related("category", "owner_department"), code=code)
    if not article.is_active and not can_edit(request.user, article.owner_department_id):
        raise Http404
    log_id = _int(request.GET.get("s"))
    if log_id:
        services.search_log_click(log_id=log_id, article_id=article.pk, by=request.user)
    context = {
        "article": article,
        "body_html": render_markdown(article.body),
        "versions": article.versions.select_related("saved_by")[:20],
        "attachments": article.attachments.only("id", "name", "size", "uploaded_at"),
        "can_edit": can_edit(request.user, article.owner_department_id),
        "case_id": _int(request.GET.get("case")),
        "uses": queries.uses_of(article),
        "attachment_form": AttachmentForm(),
    }
    return render(request, "knowledge/article.html", context)


def _initial(article: Article) -> dict:
    return {
        "code": article.code,
        "title": article.title,
        "category": article.category.name,
        "tags": article.tags,
        "owner_department": article.owner_department_id,
        "review_due": article.review_due,
        "body": article.body,
    }


@role_required(*READERS)
def article_edit(request, code: str | None = None):
    request.area = "knowledge"
    article = get_object_or_404(Article.objects.select_related("category"), code=code) if code else None
    allowed = can_edit(request.user, article.owner_department_id) if article else can_create(request.user)
    if not allowed:
        return forbidden(
            request,
            "이 문서를 고칠 권한이 없습니다. 담당 부서의 CS리더·부서장이나 고객만족 담당관이 고칩니다.",
        )
    if request.method == "POST":
        form = ArticleForm(
            request.POST, editing=article is not None, initial=_initial(article) if article else None
        )
        if form.is_valid():
            data = form.cleaned_data
            department = data["owner_department"]
            with form_errors(form):
                saved, what = services.article_save(
                    data=services.ArticleInput(
                        code=article.code if article else data["code"],
                        title=data["title"],
                        body=data["body"],
                        category=data["category"],
                        tags=data["tags"],
                        owner_department_id=department.pk if department else None,
                        review_due=data["review_due"],
                    ),
                    by=request.user,
                    now=timezone.now(),
                    note=data["note"],
                )
                if article is None and what != "created":
                    form.add_error("code", "같은 코드의 문서가 이미 있습니다.")
                else:
                    messages.success(
                        request, "저장했습니다." if what != "unchanged" else "바뀐 내용이 없습니다."
                    )
                    return redirect("knowledge:read", code=saved.code)
    else:
        form = ArticleForm(initial=_initial(article) if article else None, editing=article is not None)
    return render(request, "knowledge/edit.html", {"form": form, "article": article})


def _read_for_case(request, code: str) -> str:
    return reverse("knowledge:read", args=[code]) + f"?case={_int(request.POST.get('case'))}"


@require_POST
@role_required(*READERS)
@domain_errors(back=_read_for_case)
def article_use(request, code: str):
    article = get_object_or_404(Article, code=code)
    case_id = _int(request.POST.get("case"))
    if case_id is None:
        messages.error(request, "민원 번호가 없습니다. 민원 화면에서 문서를 열어 주세요.")
        return redirect("knowledge:read", code=code)
    services.article_use_record(
        article_id=article.pk,
        subject_type="case",
        subject_id=str(case_id),
        by=request.user,
        now=timezone.now(),
    )
    messages.success(request, "이 문서로 해결했다고 기록했습니다.")
    return redirect(_read_for_case(request, code))


@require_POST
@role_required(*READERS)
@domain_errors(back="knowledge:read")
def attachment_upload(request, code: str):
    article = get_object_or_404(Article, code=code)
    if not can_edit(request.user, article.owner_department_id):
        return forbidden(request, "이 문서에 파일을 올릴 권한이 없습니다.")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "올릴 파일을 고르세요.")
        return redirect("knowledge:read", code=code)
    upload = form.cleaned_data["file"]
    if upload.size > Attachment.MAX_BYTES:
        messages.error(request, "첨부 파일은 5MB 이하만 올릴 수 있습니다.")
        return redirect("knowledge:read", code=code)
    services.attachment_add(
        article=article,
        name=upload.name,
        content_type=upload.content_type,
        data=upload.read(),
        by=request.user,
        now=timezone.now(),
    )
    messages.success(request, "파일을 올렸습니다.")
    return redirect("knowledge:read", code=code)


@role_required(*READERS)
def attachment_download(request, pk: int):
    attachment = get_object_or_404(Attachment, pk=pk)
    response = HttpResponse(bytes(attachment.data), content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(attachment.name)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
