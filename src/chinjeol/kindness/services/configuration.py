"""Changing the evaluation items and the score settings [K1, K4]: every change is a new version with
the moment it applies from, so the past stays judged by the rules of its time."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from chinjeol.charter.calendar import format_date_ko
from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.core.roles import Role

from .. import rules
from ..models import EvaluationItem, EvaluationItemVersion, ScoreSettings
from ..queries.config import clear_cache, config_at, period_bounds


def _officer(by) -> None:
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied("평가 항목과 점수 기준은 고객만족 담당관만 바꿀 수 있습니다.")


def _check_valid_from(valid_from: datetime, now: datetime) -> None:
    """A change may not reach back before the current half-year: finished periods keep their rules."""
    half = rules.Period.containing(timezone.localtime(now).date(), rules.HALF)
    start, _end = period_bounds(half)
    if valid_from < start:
        raise DomainError(
            "invalid",
            f"적용 시작은 이번 반기 첫날({format_date_ko(timezone.localtime(start).date())}) 이후여야 합니다. "
            "지난 기간의 점수는 그때의 기준으로 남습니다.",
            field="valid_from",
        )


def _note(note: str) -> str:
    note = (note or "").strip()
    if not note:
        raise DomainError("required", "바꾸는 까닭을 적어 주세요.", field="note")
    return note[:300]


def _item_rule(code, name, sign, points_per_event, cap, weight) -> rules.ItemRule:
    try:
        return rules.ItemRule(code, name, sign, points_per_event, cap, weight)
    except ValueError as error:
        raise DomainError("invalid", str(error), field="points_per_event") from None


def _after_commit() -> None:
    clear_cache()
    transaction.on_commit(clear_cache)


@transaction.atomic
def item_rule_change(
    *,
    item_code: str,
    points_per_event: Decimal,
    cap: Decimal | None,
    weight: Decimal,
    is_active: bool,
    valid_from: datetime,
    note: str,
    by,
    now: datetime,
) -> EvaluationItemVersion:
    """A new version of an item's rule."""
    _officer(by)
    item = EvaluationItem.objects.select_for_update().filter(code=item_code).first()
    if item is None:
        raise NotFound("평가 항목을 찾을 수 없습니다.")
    _check_valid_from(valid_from, now)
    _item_rule(item.code, item.name, item.sign, points_per_event, cap, weight)
    current = config_at(valid_from).versions.get(item.code)
    if current is not None and (
        current.points_per_event,
        current.cap,
        current.weight,
        current.is_active,
    ) == (points_per_event, cap, weight, is_active):
        raise DomainError("unchanged", "바뀐 내용이 없습니다.")
    version = _version_add(
        item,
        points_per_event=points_per_event,
        cap=cap,
        weight=weight,
        is_active=is_active,
        valid_from=valid_from,
        note=note,
        by=by,
    )
    _after_commit()
    return version


def _version_add(item: EvaluationItem, *, note: str, by, **rule) -> EvaluationItemVersion:
    """The item's next version with these rule parameters (points, cap, weight, in use, valid from)."""
    last = item.versions.aggregate(n=Max("version"))["n"] or 0
    return EvaluationItemVersion.objects.create(
        item=item, version=last + 1, note=_note(note), created_by=by, **rule
    )


@transaction.atomic
def item_describe(*, item_code: str, name: str, advice: str, by) -> EvaluationItem:
    """The item's name and the advice shown when it is someone's weakest (not part of the score)."""
    _officer(by)
    item = EvaluationItem.objects.select_for_update().filter(code=item_code).first()
    if item is None:
        raise NotFound("평가 항목을 찾을 수 없습니다.")
    name = (name or "").strip()
    if not name:
        raise DomainError("required", "항목 이름을 적어 주세요.", field="name")
    item.name, item.advice = name[:100], (advice or "").strip()[:300]
    item.save(update_fields=["name", "advice", "updated_at"])
    _after_commit()
    return item


@transaction.atomic
def item_create(
    *,
    code: str,
    name: str,
    sign: int,
    advice: str,
    points_per_event: Decimal,
    cap: Decimal | None,
    weight: Decimal,
    valid_from: datetime,
    note: str,
    by,
    now: datetime,
) -> EvaluationItem:
    """A new evaluation item with its first version."""
    _officer(by)
    code = (code or "").strip().lower()
    if EvaluationItem.objects.filter(code=code).exists():
        raise DomainError("duplicate", f"이미 있는 항목 코드입니다: {code}", field="code")
    _check_valid_from(valid_from, now)
    _item_rule(code, name, sign, points_per_event, cap, weight)
    order = (EvaluationItem.objects.aggregate(n=Max("sort_order"))["n"] or 0) + 1
    item = EvaluationItem.objects.create(
        code=code, name=name.strip()[:100], sign=sign, advice=(advice or "").strip()[:300], sort_order=order
    )
    _version_add(
        item,
        points_per_event=points_per_event,
        cap=cap,
        weight=weight,
        is_active=True,
        valid_from=valid_from,
        note=note,
        by=by,
    )
    _after_commit()
    return item


@transaction.atomic
def score_settings_change(
    *,
    base: Decimal,
    blue: Decimal,
    green: Decimal,
    yellow: Decimal,
    orange: Decimal,
    deduction_per_report: Decimal,
    deduction_cap: Decimal,
    min_members: int,
    valid_from: datetime,
    note: str,
    by,
    now: datetime,
) -> ScoreSettings:
    """A new version of the base score, traffic-light thresholds and department rules."""
    _officer(by)
    _check_valid_from(valid_from, now)
    try:
        rules.Thresholds(blue, green, yellow, orange)
    except ValueError as error:
        raise DomainError("invalid", str(error), field="blue") from None
    try:
        rules.ScoreRules(base=base, items=())
    except ValueError as error:
        raise DomainError("invalid", str(error), field="base") from None
    if orange < 0 or blue > 100:
        raise DomainError("invalid", "신호등 기준은 0점부터 100점 사이여야 합니다.", field="blue")
    if deduction_per_report < 0 or deduction_cap < 0:
        raise DomainError("invalid", "부서 감점은 0 이상이어야 합니다.", field="deduction_per_report")
    if min_members < 1:
        raise DomainError("invalid", "보정 기준 인원은 1명 이상이어야 합니다.", field="min_members")
    last = ScoreSettings.objects.aggregate(n=Max("version"))["n"] or 0
    row = ScoreSettings.objects.create(
        version=last + 1,
        base=base,
        blue=blue,
        green=green,
        yellow=yellow,
        orange=orange,
        deduction_per_report=deduction_per_report,
        deduction_cap=deduction_cap,
        min_members=min_members,
        valid_from=valid_from,
        note=_note(note),
        created_by=by,
    )
    _after_commit()
    return row
