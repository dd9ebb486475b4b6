"""External agencies' results by Excel (H6): one row per evaluated person, a column per item of the
sheet (named as on the sheet), all or nothing with an error per row and column."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from chinjeol.core.access import has_role
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.kindness.entry_table import cell_text, parse_moment, parse_points
from chinjeol.organization.tables import read_table

from ..models import Evaluation, Scorecard
from .evaluations import evaluation_record, scorecard_current

MAX_ROWS = 2000
FIXED = {
    "사번": "employee_no",
    "평가표": "scorecard",
    "평가 방식": "kind",
    "평가 일시": "evaluated_at",
    "의견": "note",
}
KIND_NAMES = {label: value for value, label in Evaluation.Kind.choices} | {
    v: v for v in Evaluation.Kind.values
}


@dataclass
class ImportOutcome:
    checked: int = 0
    created: list[int] = field(default_factory=list)
    existing: int = 0
    errors: list[dict] = field(default_factory=list)


class ImportInvalid(DomainError):
    status = 422

    def __init__(self, errors: list[dict]):
        super().__init__(
            "invalid_rows",
            f"{len({e['row'] for e in errors})}개 행에 오류가 있어 아무것도 등록하지 않았습니다.",
        )
        self.errors = errors


def _sheet(text: str, cache: dict) -> Scorecard:
    if text not in cache:
        found = next((s for s in cache.get("_all", []) if s.name == text), None)
        cache[text] = found or scorecard_current(text)
    return cache[text]


@transaction.atomic
def evaluations_import(*, filename: str, data: bytes, by, now: datetime, evaluator_name: str = "",
                       dry_run: bool = False) -> ImportOutcome:  # fmt: skip
    if not has_role(by, Role.CS_OFFICER, Role.EVALUATOR):
        raise PermissionDenied("외부 평가 결과는 고객만족 담당관과 외부 평가기관이 등록합니다.")
    header, body = read_table(filename, data, max_rows=MAX_ROWS)
    header = [str(h or "").strip() for h in header]
    missing = [name for name in ("사번", "평가표", "평가 일시") if name not in header]
    if missing:
        raise DomainError("invalid", f"첫 줄에 {', '.join(missing)} 열이 없습니다.", field="file", status=422)
    digest = hashlib.sha256(data).hexdigest()[:16]
    outcome = ImportOutcome()
    cache: dict = {"_all": list(Scorecard.objects.filter(is_active=True).prefetch_related("items"))}
    for number, values in body:
        if not any(str(v).strip() for v in values if v is not None):
            continue
        outcome.checked += 1
        row = dict(zip(header, values, strict=False))
        key = f"{digest}:{number}"
        try:
            sheet = _sheet(cell_text(row.get("평가표")), cache)
            by_name = {i.name: i for i in sheet.items.all()} | {i.code: i for i in sheet.items.all()}
            scores: dict = {}
            for column, value in row.items():
                item = by_name.get(column)
                if item is None or column in FIXED:
                    continue
                text = cell_text(value)
                if text in ("", "-") and item.allow_na:
                    scores[item.code] = None
                elif text:
                    try:
                        scores[item.code] = parse_points(value)
                    except ValueError as error:
                        raise DomainError("invalid", str(error), field=column) from None
            kind = KIND_NAMES.get(cell_text(row.get("평가 방식")) or "전화 응대")
            if kind is None:
                raise DomainError("invalid", "평가 방식은 전화 응대, 방문 응대, 암행 전화, 암행 방문, 녹취 통화 중 하나입니다.",
                                  field="평가 방식")  # fmt: skip
            try:
                moment = parse_moment(row.get("평가 일시"))
            except ValueError as error:
                raise DomainError("invalid", str(error), field="평가 일시") from None
            if Evaluation.objects.filter(external_id=key).exists():
                outcome.existing += 1
                continue
            with transaction.atomic():
                evaluation = evaluation_record(
                    scorecard=sheet, employee_no=cell_text(row.get("사번")), kind=kind, evaluated_at=moment,
                    scores=scores, note=cell_text(row.get("의견")), by=by, now=now,
                    source=Evaluation.Source.IMPORT, external_id=key, evaluator_name=evaluator_name,
                )  # fmt: skip
            outcome.created.append(evaluation.pk)
        except DomainError as error:
            column = error.field or ""
            if column.startswith("scores."):
                code = column.removeprefix("scores.")
                column = next((i.name for i in sheet.items.all() if i.code == code), code)
            column = {"employee_no": "사번", "scorecard": "평가표", "evaluated_at": "평가 일시"}.get(
                column, column
            )
            outcome.errors.append({"row": number, "column": column, "message": error.message})
    if outcome.errors:
        transaction.set_rollback(True)
        raise ImportInvalid(outcome.errors)
    if dry_run:
        transaction.set_rollback(True)
    return outcome


def template_rows(sheet: Scorecard) -> tuple[list[str], list]:
    items = [i.name for i in sheet.items.all()]
    header = ["사번", "평가표", "평가 방식", "평가 일시", *items, "의견"]
    example = ["2019001", sheet.code, "전화 응대", "2026-11-02 10:30", *[str(i.max_points.normalize()) for i in
               sheet.items.all()], "친절하게 안내함"]  # fmt: skip
    return header, example
