"""스마일 직원 릴레이 and the smile employees of the month [K8]."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from chinjeol.core.errors import DomainError
from chinjeol.kindness.services import mileage_record
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Staff

from .. import rules
from ..models import Recommendation, SmileSelection

MAX_REASON = 2000


@transaction.atomic
def relay_recommend(*, recommender: Staff, recommended_id: int, reason: str, now: datetime) -> Recommendation:
    """Recommend a kind colleague. If the recommender holds the baton, this passes it on; otherwise
    it starts a new relay. The recommended colleague then holds the baton."""
    reason = mask_pii(reason.strip()).text
    if not reason:
        raise DomainError("required", "추천 사유를 적어 주세요.", field="reason")
    if len(reason) > MAX_REASON:
        raise DomainError("too_long", f"추천 사유는 {MAX_REASON:,}자 이하로 적어 주세요.", field="reason")
    recommended = Staff.objects.filter(pk=recommended_id).first()
    if recommended is None:
        raise DomainError("not_found", "추천할 직원을 찾을 수 없습니다.", field="recommended")
    baton = Recommendation.objects.select_for_update().open_batons().filter(recommended=recommender).first()
    holders = (
        Recommendation.objects.open_batons()
        .filter(recommended_id=recommended.pk)
        .values_list("recommended_id", flat=True)
    )
    problem = rules.relay_problem(
        recommender_id=recommender.pk,
        recommended_id=recommended.pk,
        holders=holders,
        passed_to_me_by=baton.recommender_id if baton else None,
        recommended_active=recommended.is_active,
    )
    if problem:
        raise DomainError("relay", problem, field="recommended")
    if baton is not None:
        baton.passed_at = now
        baton.save(update_fields=["passed_at"])
    try:
        with transaction.atomic():
            return Recommendation.objects.create(
                recommender=recommender,
                recommended=recommended,
                reason=reason,
                created_at=now,
                baton_from=baton,
                chain_root_id=baton.root_id if baton else None,
            )
    except IntegrityError:  # the colleague received a baton from someone else a moment ago
        raise DomainError(
            "relay",
            "방금 다른 직원이 먼저 이 직원에게 바통을 넘겼습니다. 다른 동료를 추천해 주세요.",
            field="recommended",
        ) from None


@transaction.atomic
def smile_select(
    *,
    year: int,
    month: int,
    staff_id: int,
    reason: str,
    by,
    now: datetime,
    recommendation_id: int | None = None,
) -> SmileSelection:
    """Select a smile employee of the month; the selection earns the smile mileage item."""
    problem = rules.smile_month_problem(year, month, timezone.localtime(now).date())
    if problem:
        raise DomainError("month", problem, field="month")
    staff = Staff.objects.select_related("department").filter(pk=staff_id).first()
    if staff is None or not staff.is_active:
        raise DomainError("invalid", "재직 중인 직원을 골라 주세요.", field="staff")
    reason = mask_pii(reason.strip()).text
    recommendation = None
    if recommendation_id:
        recommendation = Recommendation.objects.filter(pk=recommendation_id, recommended=staff).first()
        if recommendation is None:
            raise DomainError("invalid", "이 직원을 추천한 릴레이 기록이 아닙니다.", field="recommendation")
        reason = reason or recommendation.reason
    if not reason:
        raise DomainError("required", "선정 사유를 적어 주세요.", field="reason")
    if SmileSelection.objects.filter(year=year, month=month, staff=staff).exists():
        raise DomainError(
            "duplicate", f"{staff.name} 직원은 이미 {year}년 {month}월 스마일 직원입니다.", field="staff"
        )
    selection = SmileSelection.objects.create(
        year=year,
        month=month,
        staff=staff,
        reason=reason,
        recommendation=recommendation,
        selected_at=now,
        selected_by=by,
    )
    mileage_record(
        staff=staff,
        item_code="smile",
        occurred_at=now,
        source_type="smile_selection",
        source_id=selection.pk,
        source_label=f"{year}년 {month}월 스마일 직원",
        by=by,
    )
    return selection
