"""Each evaluation becomes one kindness-ledger entry (source_type "evaluation", source_id the
evaluation's id) through the documented conversion of docs/quality.md: the scorecard's grading band
gives the points (매우우수 +3, 우수 +2, 보통 +1, 미흡 −1 by default, data on the sheet), on the sheet's
ledger item — mystery calls and visits on 교육 이수·암행 평가 (`training`)."""

from __future__ import annotations

from . import rules

SOURCE_TYPE = "evaluation"
SOURCE_LABEL = "서비스 품질 평가"
MYSTERY_ITEM = "training"
MYSTERY_KINDS = frozenset({"mystery_call", "mystery_visit"})


def ledger_item(kind: str, scorecard_item: str) -> str:
    return MYSTERY_ITEM if kind in MYSTERY_KINDS else scorecard_item


def evaluation_mileage(evaluation, *, total=None):
    """Record (or find) the evaluation's ledger entry for its total."""
    from chinjeol.kindness.services.ledger import mileage_record

    sheet = evaluation.scorecard
    total = evaluation.total if total is None else total
    return mileage_record(
        staff=evaluation.staff,
        item_code=ledger_item(evaluation.kind, sheet.mileage_item),
        occurred_at=evaluation.evaluated_at,
        source_type=SOURCE_TYPE,
        source_id=evaluation.pk,
        points=rules.mileage_points(total, sheet.bands),
        by=evaluation.evaluator,
        note=f"{sheet.name} {total:.1f}점 ({rules.grade(total, sheet.bands)})",
        source_label=f"{evaluation.get_kind_display()} 평가 {evaluation.number}",
    )


def _links(entries: list, user) -> dict[int, str]:
    from django.urls import reverse

    out = {}
    for e in entries:
        number = e.source_id.split("-", 1)[0]
        if number.isdigit():
            out[e.pk] = reverse("quality:evaluation", args=[int(number)])
    return out


def register_source() -> None:
    from chinjeol.kindness.sources import MileageSource, register

    register(MileageSource(SOURCE_TYPE, SOURCE_LABEL, _links))
