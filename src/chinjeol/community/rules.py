"""Pure rules of the kindness report centre and the community boards.

No ORM, no request, no clock: the moment, the calendar and the organisation tree are arguments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# --- report workflow ------------------------------------------------------------------------
RECEIVED = "received"
INVESTIGATING = "investigating"
SUBSTANTIATED = "substantiated"
UNSUBSTANTIATED = "unsubstantiated"

REPORT_STATUS_LABELS = {
    RECEIVED: "접수",
    INVESTIGATING: "조사",
    SUBSTANTIATED: "인정",
    UNSUBSTANTIATED: "불인정",
}
# 접수 → 조사 → 인정 / 불인정. A report may be dismissed at 접수 (e.g. not about an official); a
# 불인정 may be reopened when new evidence comes in; an 인정 is final because its consequences
# (mileage, deductions, compensation) are already recorded.
REPORT_TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({INVESTIGATING, UNSUBSTANTIATED}),
    INVESTIGATING: frozenset({SUBSTANTIATED, UNSUBSTANTIATED}),
    UNSUBSTANTIATED: frozenset({INVESTIGATING}),
    SUBSTANTIATED: frozenset(),
}


def report_transition_problem(current: str, target: str) -> str | None:
    """None when the report may move from `current` to `target`, else why not (Korean)."""
    if target in REPORT_TRANSITIONS.get(current, frozenset()):
        return None
    now_label = REPORT_STATUS_LABELS.get(current, current)
    target_label = REPORT_STATUS_LABELS.get(target, target)
    if current == SUBSTANTIATED:
        return "이미 인정된 신고입니다. 인정된 신고는 결과(마일리지·보상 등)가 반영되어 바꿀 수 없습니다."
    if current == target:
        return f"이미 '{now_label}' 상태인 신고입니다."
    if target == SUBSTANTIATED:
        return "조사를 시작한 신고만 인정할 수 있습니다."
    return f"'{now_label}' 상태의 신고는 '{target_label}'(으)로 바꿀 수 없습니다."


def format_receipt_no(year: int, number: int) -> str:
    """R2026-00012: the report centre's own receipt numbers, distinct from 민원 numbers."""
    return f"R{year}-{number:05d}"


# --- the organisation -----------------------------------------------------------------------
TEAM = "team"
BUREAU = "bureau"


def responsible_department_id(
    department_id: int, parents: Mapping[int, int | None], kinds: Mapping[int, str]
) -> int:
    """The department that answers for an official: their own, or for a team the 과 above it
    (the 부서장 who makes the apology call and whose half-year score is deducted)."""
    current = department_id
    seen: set[int] = set()
    while kinds.get(current) == TEAM and parents.get(current) is not None and current not in seen:
        seen.add(current)
        current = parents[current]  # type: ignore[assignment]
    return current


def director_department_id(
    department_id: int, parents: Mapping[int, int | None], kinds: Mapping[int, str]
) -> int:
    """The department whose head encourages an official (실·국·본부장): the bureau above the
    official's 과, or the 과 itself where it stands under no bureau."""
    responsible = responsible_department_id(department_id, parents, kinds)
    if kinds.get(responsible) == BUREAU:
        return responsible
    parent = parents.get(responsible)
    if parent is not None and kinds.get(parent) == BUREAU:
        return parent
    return responsible


# --- deadlines ------------------------------------------------------------------------------
APOLOGY_WORKING_DAYS = 3
ENCOURAGEMENT_WORKING_DAYS = 10


def apology_due_at(decided_at: datetime, calendar) -> datetime:
    """The apology call is due 3 working days (in working hours) after the report is substantiated."""
    return calendar.add_working_hours(decided_at, APOLOGY_WORKING_DAYS * calendar.hours_per_day)


def encouragement_due_at(created_at: datetime, calendar) -> datetime:
    return calendar.add_working_hours(created_at, ENCOURAGEMENT_WORKING_DAYS * calendar.hours_per_day)


def prevention_due_problem(due_on: date, today: date) -> str | None:
    if due_on < today:
        return "재발 방지 조치 기한은 오늘 이후여야 합니다."
    if due_on > today + timedelta(days=366):
        return "재발 방지 조치 기한은 1년 안으로 정해 주세요."
    return None


# --- praise recognition [K7] ----------------------------------------------------------------
PRAISE_THRESHOLD = 2


@dataclass(frozen=True)
class Praise:
    """One recognised praise of an official: a substantiated kind report or an approved post."""

    staff_id: int
    on: date


def praise_counts(praises: Iterable[Praise], year: int) -> Counter:
    """Official → how many times they were praised in the calendar year."""
    return Counter(p.staff_id for p in praises if p.on.year == year)


def encouragements_due(
    praises: Iterable[Praise],
    *,
    year: int,
    already: Iterable[int] = (),
    threshold: int = PRAISE_THRESHOLD,
) -> list[int]:
    """Officials praised `threshold` times or more in `year` who have no encouragement yet that
    year (once per official per year), in a stable order."""
    done = set(already)
    counts = praise_counts(praises, year)
    return sorted(staff_id for staff_id, n in counts.items() if n >= threshold and staff_id not in done)


# --- smile relay [K8] -----------------------------------------------------------------------
def relay_problem(
    *,
    recommender_id: int,
    recommended_id: int,
    holders: Iterable[int],
    passed_to_me_by: int | None = None,
    recommended_active: bool = True,
) -> str | None:
    """Why this recommendation may not be made, or None.

    - nobody recommends themselves;
    - one open baton per person: a colleague who already holds a baton cannot receive another;
    - the baton is not handed straight back to the colleague who passed it;
    - only serving staff can be recommended."""
    if recommender_id == recommended_id:
        return "자기 자신은 추천할 수 없습니다."
    if not recommended_active:
        return "재직 중인 직원만 추천할 수 있습니다."
    if recommended_id in set(holders):
        return "이미 바통을 들고 있는 직원입니다. 그 직원이 다음 사람을 추천한 뒤에 추천해 주세요."
    if passed_to_me_by is not None and passed_to_me_by == recommended_id:
        return "바통을 건네준 직원에게 바로 되돌려 줄 수는 없습니다. 다른 동료를 추천해 주세요."
    return None


def smile_month_problem(year: int, month: int, today: date) -> str | None:
    if not 1 <= month <= 12:
        return "월은 1부터 12 사이여야 합니다."
    if (year, month) > (today.year, today.month):
        return "아직 오지 않은 달의 스마일 직원은 선정할 수 없습니다."
    if year < today.year - 1:
        return "지난해보다 이전 달의 스마일 직원은 선정할 수 없습니다."
    return None


# --- boards ---------------------------------------------------------------------------------
SUBMITTED = "submitted"
PUBLISHED = "published"
HIDDEN = "hidden"
POST_STATUS_LABELS = {SUBMITTED: "검토 대기", PUBLISHED: "게시", HIDDEN: "숨김"}
BEST_CASE_TRANSITIONS: dict[str, frozenset[str]] = {
    SUBMITTED: frozenset({PUBLISHED, HIDDEN}),
    PUBLISHED: frozenset({HIDDEN}),
    HIDDEN: frozenset({PUBLISHED}),
}
# A published praise post has already given the official mileage, so it stays published.
PRAISE_POST_TRANSITIONS: dict[str, frozenset[str]] = {
    SUBMITTED: frozenset({PUBLISHED, HIDDEN}),
    HIDDEN: frozenset({PUBLISHED}),
    PUBLISHED: frozenset(),
}


def post_transition_problem(
    current: str, target: str, transitions: Mapping[str, frozenset[str]]
) -> str | None:
    if target in transitions.get(current, frozenset()):
        return None
    if current == target:
        return f"이미 '{POST_STATUS_LABELS.get(current, current)}' 상태인 글입니다."
    if current == PUBLISHED and not transitions.get(current):
        return "게시된 칭찬글은 직원 마일리지에 반영되어 숨길 수 없습니다."
    return (
        f"'{POST_STATUS_LABELS.get(current, current)}' 상태의 글은 "
        f"'{POST_STATUS_LABELS.get(target, target)}'(으)로 바꿀 수 없습니다."
    )


REQUESTED = "requested"
APPROVED = "approved"
DECLINED = "declined"
AIRED = "aired"
BROADCAST_STATUS_LABELS = {REQUESTED: "신청", APPROVED: "승인", DECLINED: "반려", AIRED: "방송 완료"}
BROADCAST_TRANSITIONS: dict[str, frozenset[str]] = {
    REQUESTED: frozenset({APPROVED, DECLINED}),
    APPROVED: frozenset({AIRED, DECLINED}),
    DECLINED: frozenset(),
    AIRED: frozenset(),
}


def broadcast_transition_problem(current: str, target: str) -> str | None:
    if target in BROADCAST_TRANSITIONS.get(current, frozenset()):
        return None
    now_label = BROADCAST_STATUS_LABELS.get(current, current)
    if target == AIRED:
        return "승인된 신청만 방송 완료로 기록할 수 있습니다."
    return f"이미 '{now_label}' 처리된 신청입니다."


def requested_date_problem(requested_on: date, today: date) -> str | None:
    if requested_on < today:
        return "방송 희망일은 오늘 이후여야 합니다."
    if requested_on > today + timedelta(days=180):
        return "방송 희망일은 6개월 안으로 정해 주세요."
    return None


# --- evidence files -------------------------------------------------------------------------
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# Extension → accepted opening bytes (HWP 5 is an OLE compound file; HWPX and DOCX are ZIP).
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
EVIDENCE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "hwp": (_OLE, _ZIP),
    "docx": (_ZIP,),
}
EVIDENCE_TYPES_LABEL = "PDF, JPG, PNG, HWP, DOCX"


def file_extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def evidence_file_problem(
    name: str, size: int, head: bytes, *, max_bytes: int = MAX_EVIDENCE_BYTES
) -> str | None:
    """Why an uploaded evidence file is refused, or None. The opening bytes must match the
    extension, so a renamed program is not accepted as a PDF."""
    extension = file_extension(name)
    if extension not in EVIDENCE_SIGNATURES:
        return f"첨부할 수 있는 파일 형식은 {EVIDENCE_TYPES_LABEL}입니다."
    if size <= 0:
        return "빈 파일은 첨부할 수 없습니다."
    if size > max_bytes:
        return f"파일이 너무 큽니다. {max_bytes // (1024 * 1024)}MB 이하만 첨부할 수 있습니다."
    if not any(head.startswith(sig) for sig in EVIDENCE_SIGNATURES[extension]):
        return f"파일 내용이 확장자(.{extension})와 맞지 않습니다."
    return None


# --- 1부서 1친절시책 [K9] --------------------------------------------------------------------
def initiative_year_problem(year: int, today: date) -> str | None:
    if year < today.year - 1 or year > today.year + 1:
        return "시책 연도는 지난해부터 내년 사이로 정해 주세요."
    return None
