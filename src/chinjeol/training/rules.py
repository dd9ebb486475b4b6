"""Training rules, pure: quiz grading and the pass mark, completion rates, who an assignment reaches, the state
of an assignment against its due date, when to remind and chase, and the byte range of a video request.
No database, no clock: today and every figure are arguments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HUNDRED = Decimal(100)
ONE_PLACE = Decimal("0.1")

# ── Quiz ─────────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Grade:
    correct: int
    total: int
    pass_mark: int  # percent, 0–100

    @property
    def score(self) -> int:
        """The percentage shown (half up); 0 for an empty quiz."""
        if self.total == 0:
            return 0
        return int((Decimal(self.correct) * HUNDRED / self.total).quantize(Decimal(1), ROUND_HALF_UP))

    @property
    def passed(self) -> bool:
        """Exact comparison, no rounding: 7 of 9 (77.8 %) fails a pass mark of 78, 4 of 5 passes 80."""
        return self.total > 0 and self.correct * 100 >= self.pass_mark * self.total


def grade(answers: Mapping[int, int | None], key: Mapping[int, int], pass_mark: int) -> Grade:
    """Grade a quiz: `key` is question id → the index of the right choice; `answers` the chosen indexes
    (a question left out or answered None is wrong). Answers to questions not in the key are ignored."""
    if not 0 <= pass_mark <= 100:
        raise ValueError("pass mark must be 0–100")
    correct = sum(1 for question, right in key.items() if answers.get(question) == right)
    return Grade(correct, len(key), pass_mark)


# ── Completion rates ─────────────────────────────────────────────────────────────────────────────────


def completion_rate(done: int, assigned: int) -> Decimal | None:
    """Percent with one decimal (half up); None when nothing was assigned (no rate, not 0 %)."""
    if done < 0 or assigned < 0 or done > assigned:
        raise ValueError("done must be between 0 and assigned")
    if assigned == 0:
        return None
    return (Decimal(done) * HUNDRED / assigned).quantize(ONE_PLACE, ROUND_HALF_UP)


# ── Due dates ────────────────────────────────────────────────────────────────────────────────────────


class State(StrEnum):
    DONE = "done"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OPEN = "open"


STATE_LABELS = {
    State.DONE: "이수",
    State.DONE_LATE: "기한 후 이수",
    State.OVERDUE: "기한 경과",
    State.DUE_SOON: "기한 임박",
    State.OPEN: "진행 전",
}
SOON_DAYS = 3


def assignment_state(
    due_on: date, completed_on: date | None, today: date, soon_days: int = SOON_DAYS
) -> State:
    """Done on or before the due date → DONE; after it → DONE_LATE. Not done: past the due date (the due day
    itself still counts as in time) → OVERDUE; due within `soon_days` → DUE_SOON; else OPEN."""
    if completed_on is not None:
        return State.DONE if completed_on <= due_on else State.DONE_LATE
    if today > due_on:
        return State.OVERDUE
    if (due_on - today).days <= soon_days:
        return State.DUE_SOON
    return State.OPEN


def reminder_due(
    due_on: date, today: date, *, reminded_on: date | None, days_before: int = SOON_DAYS
) -> bool:
    """One reminder, from `days_before` days before the due date up to the due day itself."""
    return reminded_on is None and due_on - timedelta(days=days_before) <= today <= due_on


def chase_due(due_on: date, today: date, *, chased_on: date | None, every_days: int = 7) -> bool:
    """Overdue work is chased at most once every `every_days` days."""
    if today <= due_on:
        return False
    return chased_on is None or (today - chased_on).days >= every_days


# ── Targeting ────────────────────────────────────────────────────────────────────────────────────────


class TargetKind(StrEnum):
    ROLE = "role"
    DEPARTMENT = "department"
    NEW_STAFF = "new_staff"
    WEAKEST_ITEM = "weakest_item"
    PERSON = "person"


NEW_STAFF_DAYS = 90


@dataclass(frozen=True)
class Person:
    staff_id: int
    department_id: int
    roles: frozenset[str]
    registered_on: date
    weakest_item: str | None = None


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    role: str = ""
    department_ids: frozenset[int] = field(default_factory=frozenset)  # a department and its sub-departments
    item_code: str = ""
    staff_ids: frozenset[int] = field(default_factory=frozenset)
    new_within_days: int = NEW_STAFF_DAYS


def is_new_staff(registered_on: date, today: date, days: int = NEW_STAFF_DAYS) -> bool:
    """Registered within the last `days` days (today included), not in the future."""
    return 0 <= (today - registered_on).days < days


def is_targeted(person: Person, target: Target, today: date, scope: frozenset[int] | None = None) -> bool:
    """Does an assignment to `target` reach `person`? `scope` (the assigner's departments; None = everyone)
    always narrows it: a CS leader never assigns outside their department."""
    if scope is not None and person.department_id not in scope:
        return False
    if target.kind == TargetKind.ROLE:
        return target.role in person.roles
    if target.kind == TargetKind.DEPARTMENT:
        return person.department_id in target.department_ids
    if target.kind == TargetKind.NEW_STAFF:
        return is_new_staff(person.registered_on, today, target.new_within_days)
    if target.kind == TargetKind.WEAKEST_ITEM:
        return bool(target.item_code) and person.weakest_item == target.item_code
    if target.kind == TargetKind.PERSON:
        return person.staff_id in target.staff_ids
    return False


# ── Byte ranges (video seeking) ──────────────────────────────────────────────────────────────────────


class RangeNotSatisfiable(ValueError):
    pass


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
MAX_CHUNK = 4 * 1024 * 1024


def byte_range(header: str | None, size: int, max_chunk: int = MAX_CHUNK) -> tuple[int, int] | None:
    """The inclusive (first, last) byte of a `Range: bytes=…` request on a file of `size` bytes, cut to
    `max_chunk` bytes (the browser asks for the rest next). None: no range or one we do not serve (several
    ranges, another unit: the whole file is sent, as RFC 9110 allows). RangeNotSatisfiable: a range starting
    past the end (416)."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:  # suffix: the last N bytes
        suffix = int(last_text)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable(header)
        first, last = max(size - suffix, 0), size - 1
    else:
        first = int(first_text)
        last = int(last_text) if last_text else size - 1
        if last_text and last < first:
            return None  # syntactically invalid: ignore the header
        if first >= size:
            raise RangeNotSatisfiable(header)
        last = min(last, size - 1)
    return first, min(last, first + max_chunk - 1)
