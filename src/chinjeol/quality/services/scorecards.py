"""Scorecards change by versions: a sheet that evaluations use is never edited; a new version is a copy
with version + 1 that the CS officer then edits, and the previous version stops being offered."""

from __future__ import annotations

from django.db import transaction

from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role

from .. import rules
from ..models import Evaluation, Scorecard, ScorecardItem


def in_use(sheet: Scorecard) -> bool:
    return Evaluation.objects.filter(scorecard=sheet).exists()


@transaction.atomic
def scorecard_new_version(*, sheet: Scorecard, by, note: str = "") -> Scorecard:
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied("평가표는 고객만족 담당관이 바꿉니다.")
    try:
        rules.check_bands(sheet.bands)
    except rules.ScoreError as error:
        raise DomainError("invalid", error.message, field="bands") from None
    latest = (
        Scorecard.objects.filter(code=sheet.code)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    copy = Scorecard.objects.create(
        code=sheet.code,
        version=(latest or sheet.version) + 1,
        name=sheet.name,
        channel=sheet.channel,
        bands=sheet.bands,
        mileage_item=sheet.mileage_item,
        note=note[:300],
    )
    ScorecardItem.objects.bulk_create(
        ScorecardItem(
            scorecard=copy, code=i.code, name=i.name, max_points=i.max_points, kind=i.kind, critical=i.critical,
            allow_na=i.allow_na, behaviour_id=i.behaviour_id, guide=i.guide, sort_order=i.sort_order,
        )
        for i in sheet.items.all()
    )  # fmt: skip
    Scorecard.objects.filter(code=sheet.code).exclude(pk=copy.pk).update(is_active=False)
    return copy
