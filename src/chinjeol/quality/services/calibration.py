"""Calibration sessions: several evaluators score the same interaction on the same sheet."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role

from ..models import CalibrationSession, Scorecard


@transaction.atomic
def calibration_create(*, title: str, scorecard: Scorecard, held_on: date, by, call=None,
                       staff=None) -> CalibrationSession:  # fmt: skip
    if not has_role(by, Role.CS_OFFICER):
        raise PermissionDenied("평가 보정 세션은 고객만족 담당관이 만듭니다.")
    if not title.strip():
        raise DomainError("required", "제목을 적어 주세요.", field="title")
    return CalibrationSession.objects.create(
        title=title.strip(), scorecard=scorecard, held_on=held_on, call=call, staff=staff
    )
