"""Evaluations [issue 13.4]: an evaluator scores one interaction on a scorecard; the total, the grade
and the ledger entry are written in one transaction. Disputes by the official or their head, reviewed by
the CS officer; an upheld dispute reverses the entry and records the corrected one."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import DomainError, NotFound, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.organization.models import Staff

from .. import mileage, rules
from ..models import Dispute, Evaluation, EvaluationScore, Scorecard

EVALUATE_ROLES = (Role.EVALUATOR, Role.CS_LEADER, Role.CS_OFFICER)
EARLIEST = datetime(2020, 1, 1, tzinfo=timezone.get_fixed_timezone(540))


def sheet_specs(scorecard: Scorecard, items=None) -> list[rules.ItemSpec]:
    return [
        rules.ItemSpec(
            code=i.code,
            name=i.name,
            max_points=i.max_points,
            critical=i.critical,
            allow_na=i.allow_na,
            bonus=i.kind == i.Kind.BONUS,
        )
        for i in (scorecard.items.all() if items is None else items)
    ]


def evaluable_staff(user):
    """The people the user may evaluate: anyone for external evaluators and the CS officer, the
    departments in scope for a CS leader."""
    people = Staff.objects.active().select_related("department")
    if has_role(user, Role.CS_OFFICER, Role.EVALUATOR):
        return people
    return people.filter(
        department_id__in=scoped_department_ids(user, roles=frozenset({Role.CS_LEADER})) or ()
    )


def _source(user, kind: str) -> str:
    if has_role(user, Role.CS_OFFICER):
        return Evaluation.Source.OFFICER
    if has_role(user, Role.EVALUATOR):
        return Evaluation.Source.MYSTERY if kind.startswith("mystery") else Evaluation.Source.EXTERNAL
    return Evaluation.Source.CS_LEADER


def scorecard_current(code: str) -> Scorecard:
    sheet = (
        Scorecard.objects.filter(code=code, is_active=True)
        .prefetch_related("items")
        .order_by("-version")
        .first()
    )
    if sheet is None:
        raise DomainError("invalid", f"사용 중인 평가표가 아닙니다: {code}", field="scorecard")
    return sheet


@transaction.atomic
def evaluation_record(
    *,
    scorecard: str | Scorecard,
    staff: Staff | None = None,
    employee_no: str | None = None,
    kind: str,
    evaluated_at: datetime,
    scores: dict,
    note: str = "",
    by,
    now: datetime,
    call=None,
    calibration=None,
    assignment=None,
    source: str | None = None,
    external_id: str = "",
    evaluator_name: str = "",
) -> Evaluation:
    if not has_role(by, *EVALUATE_ROLES):
        raise PermissionDenied("평가를 입력할 권한이 없습니다.")
    sheet = scorecard if isinstance(scorecard, Scorecard) else scorecard_current(scorecard)
    if staff is None:
        staff = Staff.objects.active().select_related("department").filter(employee_no=employee_no).first()
        if staff is None:
            raise DomainError(
                "invalid", f"재직 중인 직원의 사번이 아닙니다: {employee_no}", field="employee_no"
            )
    if not evaluable_staff(by).filter(pk=staff.pk).exists():
        raise DomainError(
            "forbidden", f"담당 부서 직원이 아닙니다: {staff.name} ({staff.department.name})",
            field="employee_no", status=403,
        )  # fmt: skip
    if kind not in Evaluation.Kind.values:
        raise DomainError("invalid", "평가 방식이 올바르지 않습니다.", field="kind")
    if timezone.is_naive(evaluated_at):
        raise DomainError("invalid", "평가 일시에는 시간대가 있어야 합니다.", field="evaluated_at")
    if evaluated_at > now or evaluated_at < EARLIEST:
        raise DomainError("invalid", "평가 일시는 2020년부터 지금까지여야 합니다.", field="evaluated_at")
    if kind == Evaluation.Kind.RECORDING and call is None and calibration is None:
        pass  # a recording named by the agency's own reference is allowed without a call record
    items = list(sheet.items.all())
    try:
        result = rules.weighted_total(sheet_specs(sheet, items), scores)
    except rules.ScoreError as error:
        raise DomainError("invalid", error.message, field=f"scores.{error.field}") from None
    evaluation = Evaluation.objects.create(
        number=uuid.uuid4().hex[:20],
        scorecard=sheet,
        staff=staff,
        department=staff.department,
        kind=kind,
        source=source or _source(by, kind),
        evaluated_at=evaluated_at,
        evaluator=by,
        evaluator_name=(evaluator_name or by.display_name)[:100],
        call=call,
        calibration=calibration,
        assignment=assignment,
        total=result.total,
        grade=rules.grade(result.total, sheet.bands),
        critical_failed=result.critical_failed,
        note=note.strip(),
        external_id=external_id[:64],
    )
    evaluation.number = f"Q{timezone.localtime(evaluated_at).year}-{evaluation.pk:06d}"
    evaluation.save(update_fields=["number"])
    EvaluationScore.objects.bulk_create(
        EvaluationScore(
            evaluation=evaluation,
            item=i,
            points=None if scores.get(i.code) is None else Decimal(str(scores[i.code])),
        )
        for i in items
        if i.code in scores or i.allow_na
    )
    if assignment is not None:
        assignment.status = assignment.Status.DONE
        assignment.save(update_fields=["status", "updated_at"])
    if calibration is None:  # a calibration sheet measures the evaluators, not the official
        mileage.evaluation_mileage(evaluation)
    return evaluation


def may_dispute(user, evaluation: Evaluation) -> bool:
    if user.staff_id and user.staff_id == evaluation.staff_id:
        return True
    heads = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD})) or set()
    return evaluation.department_id in heads


@transaction.atomic
def dispute_open(*, evaluation: Evaluation, reason: str, by, now: datetime) -> Dispute:
    if not may_dispute(by, evaluation):
        raise PermissionDenied("평가받은 본인과 그 부서장만 이의를 신청할 수 있습니다.")
    if evaluation.calibration_id:
        raise DomainError("state", "보정 세션의 채점에는 이의를 신청하지 않습니다.")
    if Dispute.objects.filter(evaluation=evaluation).exists():
        raise DomainError("state", "이미 이의를 신청한 평가입니다.")
    reason = reason.strip()
    if not reason:
        raise DomainError("required", "이의 사유를 적어 주세요.", field="reason")
    dispute = Dispute.objects.create(evaluation=evaluation, raised_by=by, reason=reason)
    evaluation.status = Evaluation.Status.DISPUTED
    evaluation.save(update_fields=["status", "updated_at"])
    return dispute


@transaction.atomic
def dispute_review(
    *, dispute_id: int, upheld: bool, review: str, by, now: datetime, revised_total: Decimal | None = None
) -> Dispute:
    """The CS officer's review. Upheld with a corrected total: the ledger entry is reversed and the
    corrected one recorded (source id "<evaluation id>-r"), so both stay visible."""
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied("이의 검토는 고객만족 담당관이 합니다.")
    dispute = (
        Dispute.objects.select_for_update()
        .select_related("evaluation__scorecard")
        .filter(pk=dispute_id)
        .first()
    )
    if dispute is None:
        raise NotFound("이의 신청을 찾을 수 없습니다.")
    if dispute.status != Dispute.Status.OPEN:
        raise DomainError("state", "이미 검토한 이의입니다.")
    if not review.strip():
        raise DomainError("required", "검토 의견을 적어 주세요.", field="review")
    evaluation = dispute.evaluation
    dispute.status = Dispute.Status.UPHELD if upheld else Dispute.Status.REJECTED
    dispute.review = review.strip()
    dispute.reviewed_by = by
    dispute.reviewed_at = now
    evaluation.status = Evaluation.Status.FINAL
    if upheld and revised_total is not None:
        if not Decimal(0) <= revised_total <= rules.HUNDRED:
            raise DomainError("invalid", "정정 총점은 0~100점입니다.", field="revised_total")
        _revise(evaluation, revised_total.quantize(rules.TWO), by=by, now=now, reason=review)
        dispute.revised_total = evaluation.total
    elif upheld:
        evaluation.status = Evaluation.Status.REVISED
    dispute.save()
    evaluation.save(update_fields=["status", "total", "grade", "updated_at"])
    return dispute


def _revise(evaluation: Evaluation, total: Decimal, *, by, now: datetime, reason: str) -> None:
    from chinjeol.kindness.models import MileageEntry
    from chinjeol.kindness.services.ledger import mileage_record, mileage_reverse

    entry = MileageEntry.objects.filter(
        source_type=mileage.SOURCE_TYPE, source_id=str(evaluation.pk), reverses__isnull=True
    ).first()
    if entry is not None:
        mileage_reverse(entry_id=entry.pk, reason=f"평가 이의 인정: {reason}", by=by, now=now)
    sheet = evaluation.scorecard
    evaluation.total = total
    evaluation.grade = rules.grade(total, sheet.bands)
    evaluation.status = Evaluation.Status.REVISED
    mileage_record(
        staff=evaluation.staff,
        item_code=mileage.ledger_item(evaluation.kind, sheet.mileage_item),
        occurred_at=evaluation.evaluated_at,
        source_type=mileage.SOURCE_TYPE,
        source_id=f"{evaluation.pk}-r",
        points=rules.mileage_points(total, sheet.bands),
        by=by,
        note=f"{sheet.name} 정정 {total:.1f}점 ({evaluation.grade})",
        source_label=f"평가 {evaluation.number} 정정",
    )
