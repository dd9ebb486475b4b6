"""Registering results by people [K2]: CS leaders for their departments, external evaluators for the
phone and training/mystery-shopping items of anyone, the CS officer for everything. One at a time from
the form, or many at once from a file or the API — all or nothing, with an error per row."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_pii
from chinjeol.organization.models import Staff

from .. import entry_table
from ..models import EvaluationItem, MileageEntry
from ..queries.config import config_at
from .ledger import entry_points, ledger_changed, mileage_record, period_fields

REGISTER_ROLES = (Role.CS_LEADER, Role.EVALUATOR, Role.CS_OFFICER)
# External evaluators enter only their own scorecards.
EVALUATOR_ITEMS = frozenset({"phone", "training"})
# Results that come from the report centre and the monthly selection, not from a CS leader.
OFFICER_ONLY_ITEMS = frozenset({"unkind", "smile"})
MAX_ROWS = 5000
EARLIEST = datetime(2000, 1, 1, tzinfo=entry_table.SEOUL)


def _deny(message: str, field: str) -> DomainError:
    return PermissionDenied(message, field=field)


def leader_scope(user) -> set[int]:
    return scoped_department_ids(user, roles=frozenset({Role.CS_LEADER})) or set()


def registrable_item_codes(user, codes: Iterable[str]) -> list[str]:
    """The item codes the user may register for someone."""
    codes = list(codes)
    if has_role(user, Role.CS_OFFICER):
        return codes
    allowed: set[str] = set()
    if has_role(user, Role.EVALUATOR):
        allowed |= EVALUATOR_ITEMS
    if has_role(user, Role.CS_LEADER):
        allowed |= {c for c in codes if c not in OFFICER_ONLY_ITEMS}
    return [c for c in codes if c in allowed]


def registrable_staff(user):
    """The staff the user may register results for (a queryset)."""
    people = Staff.objects.active().select_related("department")
    if has_role(user, Role.CS_OFFICER, Role.EVALUATOR):
        return people
    return people.filter(department_id__in=leader_scope(user))


def check_can_register(user, staff: Staff, item_code: str) -> None:
    """Raise a 403 DomainError naming the field (employee_no or item) unless the user may register
    `item_code` for `staff`."""
    if has_role(user, Role.CS_OFFICER):
        return
    refusals: list[DomainError] = []
    if has_role(user, Role.EVALUATOR):
        if item_code in EVALUATOR_ITEMS:
            return
        refusals.append(
            _deny("외부 평가기관은 전화응대 점검과 교육 이수·암행 평가만 등록할 수 있습니다.", "item")
        )
    if has_role(user, Role.CS_LEADER):
        if staff.department_id not in leader_scope(user):
            refusals.append(
                _deny(f"담당 부서 직원이 아닙니다: {staff.name} ({staff.department.name})", "employee_no")
            )
        elif item_code in OFFICER_ONLY_ITEMS:
            refusals.append(_deny("불친절 사례와 스마일 직원 선정은 고객만족 담당관이 등록합니다.", "item"))
        else:
            return
    raise refusals[0] if refusals else _deny("점검 결과를 등록할 권한이 없습니다.", "employee_no")


def check_sign(item: EvaluationItem, points) -> None:
    """Items marked 가점 take no negative points from a person's hand: a weak result is entered on a
    scorecard (whose grading gives the mileage) or as a 감점 item."""
    if points is None or item.sign < 0:
        return
    try:
        negative = Decimal(str(points).strip()) < 0
    except ArithmeticError:
        return  # not a number: the ledger names that error
    if negative:
        raise DomainError(
            "invalid",
            f"'{item.name}'은(는) 가점 항목이라 음수를 넣을 수 없습니다. 부족했던 점은 평가표(평가 입력)로 채점해 주세요.",
            field="points",
        )


def _check_moment(moment: datetime, now: datetime, field: str = "occurred_at") -> None:
    if moment > now:
        raise DomainError("invalid", "앞으로의 일시로는 등록할 수 없습니다.", field=field)
    if moment < EARLIEST:
        raise DomainError("invalid", "2000년 이전 일자는 등록할 수 없습니다.", field=field)


@transaction.atomic
def inspection_register(
    *,
    staff_id: int,
    item_code: str,
    occurred_at: datetime,
    note: str,
    by,
    points=None,
    now: datetime | None = None,
    submission: str = "",
) -> MileageEntry:
    """One result entered on the form; the person's score and colour change at once. `submission` is the
    form's one-time token: the same form sent again returns the entry it made (`was_recorded_before`)."""
    now = now or timezone.now()
    if submission:
        earlier = MileageEntry.objects.filter(source_type="inspection", source_id=submission).first()
        if earlier is not None:
            earlier.was_recorded_before = True
            return earlier
    staff = Staff.objects.active().select_related("department").filter(pk=staff_id).first()
    if staff is None:
        raise DomainError("invalid", "재직 중인 직원을 골라 주세요.", field="staff")
    item = EvaluationItem.objects.filter(code=item_code).first()
    if item is None or not _in_use(item, now):
        raise DomainError("invalid", "사용 중인 평가 항목을 골라 주세요.", field="item")
    check_can_register(by, staff, item_code)
    check_sign(item, points)
    _check_moment(occurred_at, now)
    entry = mileage_record(
        staff=staff,
        item_code=item_code,
        occurred_at=occurred_at,
        source_type="inspection",
        source_id=submission or uuid.uuid4().hex,
        note=note,
        points=points,
        by=by,
        source_label=f"{item.name} 결과",
    )
    entry.was_recorded_before = False
    return entry


def _in_use(item: EvaluationItem, at: datetime) -> bool:
    version = config_at(at).versions.get(item.code)
    return version is not None and version.is_active


# ── Many rows at once (file upload, API) ─────────────────────────────────────────────────────────────


@dataclass
class EntryRow:
    """One row as read: raw values, validated by `entries_check`."""

    row: int
    employee_no: object = ""
    item: object = ""
    occurred_at: object = None
    points: object = None
    note: object = ""
    source_id: str = ""


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "message": self.message}


@dataclass
class Prepared:
    row: int
    staff: Staff
    item: EvaluationItem
    occurred_at: datetime
    points: Decimal
    note: str
    source_id: str


@dataclass
class ImportResult:
    checked: int
    created: list[int] = field(default_factory=list)
    existing: list[int] = field(default_factory=list)
    applied: bool = False


class EntriesInvalid(DomainError):
    """Some rows are wrong; nothing was written. `errors` names each row and field."""

    status = 422

    def __init__(self, errors: list[RowError], *, header_errors: list[str] | None = None):
        rows = len({e.row for e in errors})
        message = (
            "열 제목이 맞지 않아 아무것도 등록하지 않았습니다."
            if header_errors
            else f"{rows}개 행에 오류가 있어 아무것도 등록하지 않았습니다."
        )
        super().__init__("invalid_rows", message)
        self.errors = errors
        self.header_errors = header_errors or []

    def as_dict(self) -> dict:
        return {**super().as_dict(), "errors": [e.as_dict() for e in self.errors]}


def _item_lookup() -> dict[str, EvaluationItem]:
    lookup: dict[str, EvaluationItem] = {}
    for item in EvaluationItem.objects.all():
        lookup[entry_table.normalise_item_name(item.code)] = item
        lookup[entry_table.normalise_item_name(item.name)] = item
    return lookup


def entries_check(rows: list[EntryRow], *, by, now: datetime) -> tuple[list[Prepared], list[RowError]]:
    """Validate every row (who, which item, when, how many points, may `by` register it) without
    writing anything. Two queries whatever the number of rows."""
    if not rows:
        return [], [RowError(0, "entries", "등록할 행이 없습니다.")]
    if len(rows) > MAX_ROWS:
        return [], [RowError(0, "entries", f"한 번에 {MAX_ROWS:,}행까지 등록할 수 있습니다.")]
    numbers = {entry_table.cell_text(r.employee_no) for r in rows}
    staff = {
        s.employee_no: s
        for s in Staff.objects.active().select_related("department").filter(employee_no__in=numbers)
    }
    items = _item_lookup()
    names = ", ".join(sorted({i.name for i in items.values()}))
    prepared: list[Prepared] = []
    errors: list[RowError] = []
    for r in rows:
        mine: list[RowError] = []
        number = entry_table.cell_text(r.employee_no)
        person = staff.get(number)
        if not number:
            mine.append(RowError(r.row, "employee_no", "사번을 적어 주세요."))
        elif person is None:
            mine.append(RowError(r.row, "employee_no", f"재직 중인 직원의 사번이 아닙니다: {number}"))
        item_text = entry_table.cell_text(r.item)
        item = items.get(entry_table.normalise_item_name(item_text))
        if not item_text:
            mine.append(RowError(r.row, "item", "항목을 적어 주세요."))
        elif item is None:
            mine.append(
                RowError(r.row, "item", f"알 수 없는 평가 항목입니다: {item_text} (쓸 수 있는 항목: {names})")
            )
        elif not _in_use(item, now):
            mine.append(RowError(r.row, "item", f"사용하지 않는 평가 항목입니다: {item.name}"))
        moment = None
        try:
            moment = entry_table.parse_moment(r.occurred_at)
            _check_moment(moment, now)
        except ValueError as error:
            mine.append(RowError(r.row, "occurred_at", str(error)))
            moment = None
        except DomainError as error:
            mine.append(RowError(r.row, "occurred_at", error.message))
            moment = None
        points = None
        try:
            raw_points = entry_table.parse_points(r.points)
            if item is not None:
                check_sign(item, raw_points)
            if item is not None and moment is not None:
                points = entry_points(item, points=raw_points, at=moment)
        except ValueError as error:
            mine.append(RowError(r.row, "points", str(error)))
        except DomainError as error:
            mine.append(RowError(r.row, "points", error.message))
        note = entry_table.cell_text(r.note)
        if len(note) > 500:
            mine.append(RowError(r.row, "note", "비고는 500자까지 적을 수 있습니다."))
        if person is not None and item is not None:
            try:
                check_can_register(by, person, item.code)
            except DomainError as error:
                mine.append(RowError(r.row, error.field or "employee_no", error.message))
        if mine:
            errors.extend(mine)
            continue
        assert person is not None and item is not None and moment is not None and points is not None
        prepared.append(
            Prepared(r.row, person, item, moment, points, mask_pii(note).text, str(r.source_id or "")[:64])
        )
    return prepared, errors


@transaction.atomic
def entries_import(
    *,
    rows: list[EntryRow],
    by,
    now: datetime,
    source_type: str,
    source_key: str = "",
    label: str = "",
    dry_run: bool = False,
) -> ImportResult:
    """Register every row or none. A row's source is `source_id` when given, else `source_key:row`
    (so the same file uploaded twice adds nothing the second time), else a fresh id."""
    prepared, errors = entries_check(rows, by=by, now=now)
    if errors:
        raise EntriesInvalid(errors)
    result = ImportResult(checked=len(prepared))
    if dry_run:
        return result
    for p in prepared:
        p.source_id = p.source_id or (f"{source_key}:{p.row}" if source_key else uuid.uuid4().hex)
    existing = {
        (source_id, staff_id, item_id): pk
        for pk, source_id, staff_id, item_id in MileageEntry.objects.filter(
            source_type=source_type, source_id__in=[p.source_id for p in prepared]
        ).values_list("pk", "source_id", "staff_id", "item_id")
    }
    fresh: list[MileageEntry] = []
    seen: set[tuple] = set()
    for p in prepared:
        key = (p.source_id, p.staff.pk, p.item.pk)
        if key in existing:
            result.existing.append(existing[key])
            continue
        if key in seen:
            raise EntriesInvalid(
                [RowError(p.row, "source_id", f"같은 근거 ID가 두 번 있습니다: {p.source_id}")]
            )
        seen.add(key)
        fresh.append(
            MileageEntry(
                staff=p.staff,
                item=p.item,
                points=p.points,
                occurred_at=p.occurred_at,
                source_type=source_type,
                source_id=p.source_id,
                source_label=f"{p.item.name} 결과 ({label or by.display_name}, {p.row}행)"[:200],
                registered_by=by,
                note=p.note,
                **period_fields(p.occurred_at),
            )
        )
    created = MileageEntry.objects.bulk_create(fresh, batch_size=1000)
    if fresh:
        ledger_changed()
    if created and created[0].pk is None:  # a backend that cannot return ids from a bulk insert
        created = list(
            MileageEntry.objects.filter(source_type=source_type, source_id__in=[e.source_id for e in fresh])
        )
    result.created = [e.pk for e in created]
    result.applied = True
    return result
