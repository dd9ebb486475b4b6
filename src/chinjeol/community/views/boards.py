"""고객만족방, 칭찬합시다 and JOY 방송방."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core import exports
from chinjeol.core.access import has_role, role_required
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.roles import Role

from .. import exports as community_exports
from .. import forms, queries, services
from ..models import BestCase, BroadcastRequest, PostStatus, PraisePost
from .http import area, flash_form_error, throttled

PAGE_SIZE = 15


def _page(request, qs, size: int = PAGE_SIZE):
    query = request.GET.copy()
    query.pop("page", None)
    return Paginator(qs, size).get_page(request.GET.get("page")), query.urlencode()


# --- 고객만족방 -------------------------------------------------------------------------------
@role_required(*queries.STAFF_READERS)
def best_list(request):
    area(request)
    moderator = has_role(request.user, Role.CS_OFFICER, Role.AUDITOR)
    tab = request.GET.get("tab", "published")
    posts = queries.best_cases_for_user(request.user)
    if tab == "waiting" and moderator:
        posts = posts.filter(status=PostStatus.SUBMITTED)
    elif tab == "hidden" and moderator:
        posts = posts.filter(status=PostStatus.HIDDEN)
    elif tab == "mine":
        posts = posts.filter(author=request.user)
    else:
        tab = "published"
        posts = posts.filter(status=PostStatus.PUBLISHED).order_by("-published_at", "-id")
    download = exports.download(
        request,
        name=f"best-cases-{tab}",
        title="고객만족방 글 목록",
        headers=community_exports.BEST_HEADERS,
        rows=lambda: community_exports.best_rows(exports.limit(posts.select_related("department", "author"))),
    )
    if download is not None:
        return download
    page, query = _page(request, posts)
    return render(
        request,
        "community/best_list.html",
        {
            "page": page,
            "query": query,
            "tab": tab,
            "moderator": moderator,
            "waiting": BestCase.objects.waiting().count() if moderator else 0,
        },
    )


@role_required(*queries.STAFF_ROLES)
def best_new(request):
    area(request)
    form = forms.BestCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with form_errors(form):
            post = services.best_case_submit(
                author=request.user,
                title=data["title"],
                body=data["body"],
                department_id=data["department"].pk if data["department"] else None,
                now=timezone.now(),
            )
            messages.success(request, "사례를 등록했습니다. 고객만족 담당관이 검토한 뒤 게시됩니다.")
            return redirect("community:best_detail", pk=post.pk)
    return render(request, "community/best_new.html", {"form": form}, status=400 if form.errors else 200)


@role_required(*queries.STAFF_READERS)
def best_detail(request, pk: int):
    area(request)
    post = queries.get_best_case_for_user(request.user, pk)
    return render(
        request,
        "community/best_detail.html",
        {"post": post, "can_moderate": has_role(request.user, Role.CS_OFFICER)},
    )


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="community:best_detail")
def best_moderate(request, pk: int):
    status = request.POST.get("status", "")
    if status not in (PostStatus.PUBLISHED, PostStatus.HIDDEN):
        messages.error(request, "게시 또는 숨김만 고를 수 있습니다.")
        return redirect("community:best_detail", pk=pk)
    services.best_case_moderate(post_id=pk, status=status, by=request.user, now=timezone.now())
    messages.success(request, "게시했습니다." if status == PostStatus.PUBLISHED else "숨겼습니다.")
    return redirect("community:best_detail", pk=pk)


# --- 칭찬합시다 (public) ----------------------------------------------------------------------
def praise_list(request):
    """The public praise board: approved posts only."""
    if request.user.is_authenticated:
        area(request)
    page, query = _page(request, queries.praise_posts_public())
    return render(
        request,
        "community/praise_list.html",
        {"page": page, "query": query, "can_moderate": has_role(request.user, Role.CS_OFFICER, Role.AUDITOR)},
    )


def praise_new(request):
    form = forms.PraisePostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            return redirect("community:praise_done")
        if throttled(request, "praise"):
            form.add_error(None, "짧은 시간에 너무 많이 올리셨습니다. 10분 뒤에 다시 시도해 주세요.")
        else:
            intake = services.PraiseIntake(
                title=data["title"],
                body=data["body"],
                official_name=data["official_name"],
                writer_name=data["writer_name"],
                writer_phone=data["writer_phone"],
                department_text=data["department_text"],
                department_id=data["department"].pk if data["department"] else None,
                consent=data["consent"],
            )
            with form_errors(form):
                services.praise_post_submit(intake=intake, now=timezone.now())
                return redirect("community:praise_done")
    return render(request, "community/praise_new.html", {"form": form}, status=400 if form.errors else 200)


def praise_done(request):
    return render(request, "community/praise_done.html")


@role_required(Role.CS_OFFICER, Role.AUDITOR)
def praise_manage(request):
    area(request)
    tab = request.GET.get("tab", "waiting")
    statuses = {
        "waiting": PostStatus.SUBMITTED,
        "hidden": PostStatus.HIDDEN,
        "published": PostStatus.PUBLISHED,
    }
    status = statuses.get(tab, PostStatus.SUBMITTED)
    posts = PraisePost.objects.filter(status=status).select_related(
        "department", "official", "official__department"
    )
    contacts = community_exports.ContactRows(request.user, "praise_writer", "칭찬합시다 글 목록 내려받기")
    download = exports.download(
        request,
        name=f"praise-posts-{tab}",
        title="칭찬합시다 글 목록",
        headers=community_exports.PRAISE_HEADERS,
        rows=lambda: community_exports.praise_rows(exports.limit(posts), contacts),
        personal=contacts.personal,
    )
    if download is not None:
        return download
    page, query = _page(request, posts, 10)
    can_moderate = has_role(request.user, Role.CS_OFFICER)
    staff_options = list(queries.staff_choices()) if can_moderate and status != PostStatus.PUBLISHED else []
    return render(
        request,
        "community/praise_manage.html",
        {
            "page": page,
            "query": query,
            "tab": tab if tab in statuses else "waiting",
            "can_moderate": can_moderate,
            "staff_options": staff_options,
            "suggestions": queries.praise_suggestions(list(page), staff_options),
            "waiting": PraisePost.objects.waiting().count(),
        },
    )


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="community:praise_manage")
def praise_moderate(request, pk: int, action: str):
    now = timezone.now()
    if action == "approve":
        form = forms.PraiseApproveForm(request.POST)
        if not form.is_valid():
            flash_form_error(request, form)
            return redirect("community:praise_manage")
        post = services.praise_post_approve(
            post_id=pk,
            official_id=form.cleaned_data["official"].pk,
            note=form.cleaned_data["note"],
            by=request.user,
            now=now,
        )
        messages.success(
            request, f"게시했습니다. {post.official.name} 님에게 칭찬 마일리지가 반영되었습니다."
        )
    elif action == "hide":
        form = forms.HideForm(request.POST)
        form.is_valid()
        services.praise_post_hide(
            post_id=pk, note=form.cleaned_data.get("note", ""), by=request.user, now=now
        )
        messages.success(request, "숨겼습니다.")
    else:
        raise NotFound("알 수 없는 처리입니다.")
    return redirect("community:praise_manage")


# --- JOY 방송방 ------------------------------------------------------------------------------
@role_required(*queries.STAFF_READERS)
def broadcast(request):
    area(request)
    form = forms.BroadcastForm(request.POST or None)
    if request.method == "POST":
        if not request.user.staff_id:
            raise PermissionDenied("직원 계정만 방송을 신청할 수 있습니다.")
        if form.is_valid():
            data = form.cleaned_data
            with form_errors(form):
                services.broadcast_request(
                    requester=request.user,
                    title=data["title"],
                    content=data["content"],
                    requested_on=data["requested_on"],
                    now=timezone.now(),
                )
                messages.success(request, "방송을 신청했습니다. 고객만족 담당관이 확인한 뒤 알려 드립니다.")
                return redirect("community:broadcast")
    rows = queries.broadcasts_for_user(request.user)
    status = request.GET.get("status", "")
    if status in BroadcastRequest.Status.values:
        rows = rows.filter(status=status)
    download = exports.download(
        request,
        name=f"broadcasts-{timezone.localdate():%Y%m%d}",
        title="JOY 방송방 신청",
        headers=["신청 시각", "제목", "사연·내용", "방송 희망일", "신청자", "상태", "처리 메모", "방송일"],
        rows=lambda: [
            [
                b.requested_at,
                b.title,
                b.content,
                b.requested_on,
                b.requester.display_name,
                b.get_status_display(),
                b.decision_note,
                b.aired_on,
            ]  # fmt: skip
            for b in exports.limit(rows.select_related("requester__staff"))
        ],
    )
    if download is not None:
        return download
    page, query = _page(request, rows, 20)
    return render(
        request,
        "community/broadcast.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "status": status,
            "statuses": BroadcastRequest.Status.choices,
            "can_decide": has_role(request.user, Role.CS_OFFICER),
            "sees_all": has_role(request.user, Role.CS_OFFICER, Role.AUDITOR),
            "today": timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="community:broadcast")
def broadcast_decide(request, pk: int):
    form = forms.BroadcastDecideForm(request.POST)
    if not form.is_valid():
        flash_form_error(request, form)
        return redirect("community:broadcast")
    data = form.cleaned_data
    row = services.broadcast_decide(
        request_id=pk,
        status=data["status"],
        note=data["note"],
        aired_on=data["aired_on"],
        by=request.user,
        now=timezone.now(),
    )
    messages.success(request, f"'{row.title}' 신청을 {row.get_status_display()}(으)로 처리했습니다.")
    return redirect("community:broadcast")
