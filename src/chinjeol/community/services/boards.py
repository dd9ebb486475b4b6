"""Boards: 고객만족방, 칭찬합시다 [H8] and JOY 방송방. Moderation by the CS officer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from chinjeol.core.errors import DomainError, NotFound
from chinjeol.core.phones import phone_or_blank
from chinjeol.kindness.services import mileage_record
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Department, Staff

from .. import rules
from ..models import BestCase, BroadcastRequest, PostStatus, PraisePost, Report, ReportEvent
from .tasks import encouragement_check

MAX_TITLE = 200
MAX_BODY = 10_000


def _text(value: str, *, field: str, label: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError("required", f"{label}을(를) 적어 주세요.", field=field)
    if len(value) > limit:
        raise DomainError("too_long", f"{label}은(는) {limit:,}자 이하로 적어 주세요.", field=field)
    return mask_pii(value).text


# --- 고객만족방 -------------------------------------------------------------------------------
@transaction.atomic
def best_case_submit(*, author, title: str, body: str, department_id: int | None, now: datetime) -> BestCase:
    """A staff member shares a good case; it waits for the CS officer's review."""
    return BestCase.objects.create(
        title=_text(title, field="title", label="제목", limit=MAX_TITLE),
        body=_text(body, field="body", label="내용", limit=MAX_BODY),
        department_id=department_id or None,
        author=author,
        submitted_at=now,
    )


@transaction.atomic
def best_case_from_report(*, report_id: int, title: str, body: str, by, now: datetime) -> BestCase:
    """Publish a substantiated kind report on 고객만족방 (the reporter's identity stays out)."""
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None:
        raise NotFound("신고를 찾을 수 없습니다.")
    if report.kind != Report.Kind.PRAISE or report.status != Report.Status.SUBSTANTIATED:
        raise DomainError("state", "인정된 칭찬 신고만 고객만족방에 게시할 수 있습니다.")
    if BestCase.objects.filter(report=report).exists():
        raise DomainError("duplicate", "이미 고객만족방에 게시한 신고입니다.")
    official = report.reportofficial_set.select_related("department").first()
    post = BestCase.objects.create(
        title=_text(title, field="title", label="제목", limit=MAX_TITLE),
        body=_text(body, field="body", label="내용", limit=MAX_BODY),
        department=official.department if official else report.department,
        report=report,
        author=by,
        status=PostStatus.PUBLISHED,
        submitted_at=now,
        published_at=now,
        moderated_at=now,
        moderated_by=by,
    )
    ReportEvent.objects.create(
        report=report, kind=ReportEvent.Kind.PUBLISHED, at=now, actor=by, note=f"고객만족방: {post.title}"
    )
    return post


@transaction.atomic
def best_case_moderate(*, post_id: int, status: str, by, now: datetime) -> BestCase:
    post = BestCase.objects.select_for_update().filter(pk=post_id).first()
    if post is None:
        raise NotFound("글을 찾을 수 없습니다.")
    problem = rules.post_transition_problem(post.status, status, rules.BEST_CASE_TRANSITIONS)
    if problem:
        raise DomainError("state", problem)
    post.status = status
    post.moderated_at = now
    post.moderated_by = by
    if status == PostStatus.PUBLISHED and post.published_at is None:
        post.published_at = now
    post.save(update_fields=["status", "moderated_at", "moderated_by", "published_at", "updated_at"])
    return post


# --- 칭찬합시다 -------------------------------------------------------------------------------
@dataclass
class PraiseIntake:
    title: str
    body: str
    official_name: str
    writer_name: str
    writer_phone: str = ""
    department_text: str = ""
    department_id: int | None = None
    consent: bool = False


@transaction.atomic
def praise_post_submit(*, intake: PraiseIntake, now: datetime) -> PraisePost:
    """A citizen's praise, posted without an account; shown once the CS officer approves it."""
    if not intake.consent:
        raise DomainError("consent", "개인정보 수집·이용에 동의해 주세요.", field="consent")
    phone = phone_or_blank(intake.writer_phone, field="writer_phone")
    if (
        intake.department_id
        and not Department.objects.filter(pk=intake.department_id, is_active=True).exists()
    ):
        raise DomainError("invalid", "선택한 부서를 찾을 수 없습니다.", field="department")
    official_name = (intake.official_name or "").strip()
    if not official_name:
        raise DomainError("required", "칭찬할 직원의 이름을 적어 주세요.", field="official_name")
    writer = (intake.writer_name or "").strip()
    if not writer:
        raise DomainError("required", "작성자 이름을 적어 주세요.", field="writer_name")
    return PraisePost.objects.create(
        title=_text(intake.title, field="title", label="제목", limit=MAX_TITLE),
        body=_text(intake.body, field="body", label="칭찬 내용", limit=MAX_BODY),
        official_name=official_name[:100],
        department_text=intake.department_text.strip()[:100],
        department_id=intake.department_id or None,
        writer_name=writer[:100],
        writer_phone=phone,
        consent_at=now,
        posted_at=now,
    )


@transaction.atomic
def praise_post_approve(*, post_id: int, official_id: int, by, now: datetime, note: str = "") -> PraisePost:
    """Publish a praise post for the official it is about: the official gets praise mileage and
    the praise counts toward the praise-twice encouragement."""
    post = PraisePost.objects.select_for_update().filter(pk=post_id).first()
    if post is None:
        raise NotFound("글을 찾을 수 없습니다.")
    problem = rules.post_transition_problem(post.status, PostStatus.PUBLISHED, rules.PRAISE_POST_TRANSITIONS)
    if problem:
        raise DomainError("state", problem)
    official = Staff.objects.filter(pk=official_id).first()
    if official is None or not official.is_active:
        raise DomainError("invalid", "칭찬받은 직원을 재직 중인 직원 중에서 골라 주세요.", field="official")
    post.status = PostStatus.PUBLISHED
    post.official = official
    post.moderated_at = now
    post.moderated_by = by
    post.moderation_note = note.strip()[:300]
    post.save(
        update_fields=["status", "official", "moderated_at", "moderated_by", "moderation_note", "updated_at"]
    )
    mileage_record(
        staff=official,
        item_code="praise",
        occurred_at=now,
        source_type="praise_post",
        source_id=post.pk,
        source_label=f"칭찬합시다: {post.title}"[:200],
        by=by,
    )
    encouragement_check(staff_ids=[official.pk], year=timezone.localtime(post.posted_at).year, now=now, by=by)
    return post


@transaction.atomic
def praise_post_hide(*, post_id: int, by, now: datetime, note: str = "") -> PraisePost:
    post = PraisePost.objects.select_for_update().filter(pk=post_id).first()
    if post is None:
        raise NotFound("글을 찾을 수 없습니다.")
    problem = rules.post_transition_problem(post.status, PostStatus.HIDDEN, rules.PRAISE_POST_TRANSITIONS)
    if problem:
        raise DomainError("state", problem)
    post.status = PostStatus.HIDDEN
    post.moderated_at = now
    post.moderated_by = by
    post.moderation_note = note.strip()[:300]
    post.save(update_fields=["status", "moderated_at", "moderated_by", "moderation_note", "updated_at"])
    return post


# --- JOY 방송방 ------------------------------------------------------------------------------
@transaction.atomic
def broadcast_request(
    *, requester, title: str, content: str, requested_on: date, now: datetime
) -> BroadcastRequest:
    problem = rules.requested_date_problem(requested_on, timezone.localtime(now).date())
    if problem:
        raise DomainError("invalid", problem, field="requested_on")
    return BroadcastRequest.objects.create(
        title=_text(title, field="title", label="제목", limit=MAX_TITLE),
        content=_text(content, field="content", label="사연·내용", limit=MAX_BODY),
        requested_on=requested_on,
        requester=requester,
        requested_at=now,
    )


@transaction.atomic
def broadcast_decide(
    *, request_id: int, status: str, by, now: datetime, note: str = "", aired_on: date | None = None
) -> BroadcastRequest:
    """Approve, decline or mark aired."""
    row = BroadcastRequest.objects.select_for_update().filter(pk=request_id).first()
    if row is None:
        raise NotFound("신청을 찾을 수 없습니다.")
    problem = rules.broadcast_transition_problem(row.status, status)
    if problem:
        raise DomainError("state", problem)
    if status == BroadcastRequest.Status.DECLINED and not note.strip():
        raise DomainError("required", "반려 사유를 적어 주세요.", field="note")
    fields = ["status", "decided_at", "decided_by", "decision_note", "updated_at"]
    if status == BroadcastRequest.Status.AIRED:
        aired_on = aired_on or timezone.localtime(now).date()
        if aired_on > timezone.localtime(now).date():
            raise DomainError("future", "방송일은 오늘보다 늦을 수 없습니다.", field="aired_on")
        row.aired_on = aired_on
        fields.append("aired_on")
    row.status = status
    row.decided_at = now
    row.decided_by = by
    if note.strip():
        row.decision_note = note.strip()[:300]
    row.save(update_fields=fields)
    return row
