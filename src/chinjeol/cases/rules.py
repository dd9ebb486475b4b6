"""Pure rules of case handling: transitions, receipt numbers, routing, compensation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

RECEIVED, ASSIGNED, IN_PROGRESS, CLOSED, TRANSFERRED, WITHDRAWN = (
    "received",
    "assigned",
    "in_progress",
    "closed",
    "transferred",
    "withdrawn",
)
OPEN = (RECEIVED, ASSIGNED, IN_PROGRESS)
STATUS_LABELS = {
    RECEIVED: "접수",
    ASSIGNED: "배정",
    IN_PROGRESS: "처리중",
    CLOSED: "완료",
    TRANSFERRED: "이송",
    WITHDRAWN: "취하",
}
TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({ASSIGNED, IN_PROGRESS, CLOSED, TRANSFERRED, WITHDRAWN}),
    ASSIGNED: frozenset({ASSIGNED, IN_PROGRESS, CLOSED, TRANSFERRED, WITHDRAWN}),
    IN_PROGRESS: frozenset({ASSIGNED, IN_PROGRESS, CLOSED, TRANSFERRED, WITHDRAWN}),
    CLOSED: frozenset(),
    TRANSFERRED: frozenset(),
    WITHDRAWN: frozenset(),
}


def transition_error(current: str, target: str) -> str | None:
    """None when allowed, else the Korean reason."""
    if target in TRANSITIONS.get(current, frozenset()):
        return None
    if current in (CLOSED, TRANSFERRED, WITHDRAWN):
        return f"이미 '{STATUS_LABELS[current]}' 상태인 민원은 바꿀 수 없습니다."
    return f"'{STATUS_LABELS.get(current, current)}' 상태에서 '{STATUS_LABELS.get(target, target)}'(으)로 바꿀 수 없습니다."


def format_receipt_no(year: int, number: int) -> str:
    if not 1 <= number <= 9_999_999:
        raise ValueError("접수번호가 범위를 벗어났습니다.")
    return f"{year:04d}-{number:07d}"


@dataclass(frozen=True)
class Route:
    keyword: str
    kind: str
    channel: str
    department_id: int


def route(title: str, body: str, *, kind: str, channel: str, routes: Sequence[Route]) -> int | None:
    """The department of the first route (in priority order) whose non-empty conditions all match."""
    text = f"{title}\n{body}".replace(" ", "")
    for r in routes:
        if r.kind and r.kind != kind:
            continue
        if r.channel and r.channel != channel:
            continue
        if r.keyword and r.keyword.replace(" ", "") not in text:
            continue
        return r.department_id
    return None


def compensation_owed(
    *,
    status: str,
    promise_due_at: datetime | None,
    interim_last_at: datetime | None,
    first_interim_at: datetime | None,
    closed_at: datetime | None,
    now: datetime,
) -> bool:
    """서비스헌장: a gift is owed when the promised deadline passed with the case not done and no
    interim contact made before that deadline. Transferred and withdrawn cases owe nothing."""
    if promise_due_at is None or status in (TRANSFERRED, WITHDRAWN):
        return False
    if now <= promise_due_at:
        return False
    if closed_at is not None and closed_at <= promise_due_at:
        return False
    contacted = first_interim_at if first_interim_at is not None else interim_last_at
    return not (contacted is not None and contacted <= promise_due_at)


def handler_contact(*, extension: str, department_phone: str, agency_phone: str) -> str:
    """The contact a notice gives for its handler (시행령 제31조)."""
    if department_phone and extension:
        prefix = department_phone.rsplit("-", 1)[0]
        return f"{prefix}-{extension}"
    if extension:
        return f"{agency_phone} (내선 {extension})" if agency_phone else f"내선 {extension}"
    return department_phone or agency_phone


# --- finding a case while the citizen is on the phone -------------------------------------------------
_RECEIPT = re.compile(r"^\d{4}-\d{7}$")
_SEPARATORS = re.compile(r"[\s\-.()]")


@dataclass(frozen=True)
class SearchTerm:
    """One word of a search, read every way it can be meant: a whole receipt number, the last digits of a
    receipt or phone number, a whole phone number (canonical form), or words of the name, title or body."""

    text: str
    receipt: str | None = None  # a whole receipt number
    digits: str | None = None  # 4+ digits: the end of a receipt or phone number
    phone: str | None = None  # a whole phone number, 010-1234-5678 form


def search_terms(query: str, *, phone_of) -> list[SearchTerm]:
    """The words of `query` (at most 8, each at most 50 characters), each with its possible readings.
    `phone_of` turns a string into the canonical phone form or raises ValueError."""
    terms = []
    for word in query.split()[:8]:
        word = word[:50]
        if _RECEIPT.match(word):
            terms.append(SearchTerm(word, receipt=word))
            continue
        bare = _SEPARATORS.sub("", word)
        digits = bare if bare.isdigit() and len(bare) >= 4 else None
        phone = None
        if digits and len(digits) >= 9:
            try:
                phone = phone_of(word)
            except ValueError:
                phone = None
        terms.append(SearchTerm(word, digits=digits, phone=phone))
    return terms


# --- the queue's columns -------------------------------------------------------------------------------
def elapsed_days(received_on: date, until: date) -> int:
    """Calendar days since the case was received (0 on the day itself), up to `until`: today for an open
    case, the day it was closed otherwise (경과일)."""
    return max(0, (until - received_on).days)


# --- who takes which step, and which step comes next ---------------------------------------------------
STEPS_ALL = frozenset({"assign", "start", "transfer", "interim", "extend", "close", "withdraw"})
ASSIGNEE_STEPS = frozenset({"start", "interim", "close", "transfer", "withdraw"})
COLLEAGUE_STEPS = frozenset({"assign"})  # an unassigned case of one's own department: take it or hand it on


def steps_for(*, manager: bool, head: bool, assignee: bool, colleague: bool) -> frozenset[str]:
    """The steps a person may take on an open case: a manager of its department (head, CS leader, CS officer)
    every step but the extension, which only a head (or the CS officer, passed as `head`) approves; its
    assignee the handling steps; a colleague of its department only the assignment of an unassigned case."""
    steps: set[str] = set()
    if manager:
        steps |= STEPS_ALL - {"extend"}
    if head:
        steps.add("extend")
    if assignee:
        steps |= ASSIGNEE_STEPS
    if colleague:
        steps |= COLLEAGUE_STEPS
    return frozenset(steps)


def next_step(status: str, *, assigned: bool) -> str | None:
    """The one step a case waits for in its state (the page's primary action): assign, start, answer."""
    if status == "received" or (status == "assigned" and not assigned):
        return "assign"
    if status == "assigned":
        return "start"
    if status == "in_progress":
        return "close" if assigned else "assign"
    return None
