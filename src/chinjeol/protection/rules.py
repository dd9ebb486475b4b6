"""Counsellor protection, the pure part: what the protocol does with an abusive message, how long a call may
run, when a caller counts as a repeat offender, and the keyed hash that stands for a number.

No ORM, no clock: the policy, the counts and the times are arguments (민원처리법 시행령 §4①: a recommended time
per call, ending a call after stating the reason for 욕설, 협박, 성희롱)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

# The labels of korean.abuse, most serious first.
LABELS = ("threat", "sexual", "profanity")
LABEL_NAMES = {"threat": "신변 위협", "sexual": "성희롱", "profanity": "욕설·모욕"}

# Offences (abusive messages in one conversation) at which the conversation ends; before that each one is
# answered with a warning. Threats and sexual harassment: the notice is given and the conversation ends at
# once; profanity: warned once, ended on the second.
DEFAULT_END_AT = {"threat": 1, "sexual": 1, "profanity": 2}

CALL_WARN_S = 15 * 60  # call-length warning
CALL_END_S = 20 * 60  # recommended end of a call

REPEAT_THRESHOLD = 3  # incidents on one number …
REPEAT_WINDOW_DAYS = 90  # … within this many days flag the number

COUNSELLOR_SCRIPTS = {
    "warn": "고객님, 욕설이나 모욕적인 표현을 계속하시면 관련 법령(민원처리법 시행령 제4조)에 따라 상담을 "
    "종료할 수 있습니다. 용건을 말씀해 주시면 끝까지 도와드리겠습니다.",
    "end": "고객님, 안내해 드렸듯이 폭언(욕설·위협·성희롱)이 계속되어 관련 법령에 따라 상담을 종료합니다. "
    "필요하신 내용은 다시 문의해 주시기 바랍니다.",
}
CITIZEN_NOTICES = {
    "warn": "[안내] 욕설·폭언·성희롱은 상담사에게 큰 상처가 됩니다. 같은 표현이 계속되면 민원처리법 시행령 "
    "제4조에 따라 상담이 종료될 수 있습니다.",
    "end": "[안내] 폭언(욕설·위협·성희롱)으로 민원처리법 시행령 제4조에 따라 상담을 종료합니다. 위협과 성희롱은 "
    "법적 조치의 대상이 될 수 있습니다. 필요한 내용은 다시 문의해 주십시오.",
}


@dataclass(frozen=True)
class Policy:
    end_at: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_END_AT))
    call_warn_s: int = CALL_WARN_S
    call_end_s: int = CALL_END_S
    repeat_threshold: int = REPEAT_THRESHOLD
    repeat_window_days: int = REPEAT_WINDOW_DAYS


@dataclass(frozen=True)
class Decision:
    action: str  # "none" | "warn" | "end"
    category: str  # the most serious label of the message ("" when none)
    offence: int  # the number of this offence in the conversation (0 when none)
    script: str = ""  # what the counsellor reads
    notice: str = ""  # what the citizen is sent

    @property
    def category_name(self) -> str:
        return LABEL_NAMES.get(self.category, "")


def main_category(labels) -> str:
    """The most serious of the labels ('' for none)."""
    found = set(labels)
    return next((label for label in LABELS if label in found), "")


def protocol_decision(labels, *, offences_before: int, policy: Policy | None = None) -> Decision:
    """What to do with a message carrying `labels`, after `offences_before` abusive messages in the same
    conversation: nothing, a warning, or the end. The strictest label decides; a label without a setting
    ends on the first offence."""
    policy = policy or Policy()
    category = main_category(labels)
    if not category:
        return Decision("none", "", 0)
    offence = max(offences_before, 0) + 1
    limit = min(max(policy.end_at.get(label, 1), 1) for label in set(labels) if label in LABEL_NAMES)
    action = "end" if offence >= limit else "warn"
    return Decision(action, category, offence, COUNSELLOR_SCRIPTS[action], CITIZEN_NOTICES[action])


def call_length_stage(elapsed_s: float, policy: Policy | None = None) -> str:
    """ "ok", "warn" (from 15 minutes) or "end" (from 20 minutes: the recommended end)."""
    policy = policy or Policy()
    if elapsed_s >= policy.call_end_s:
        return "end"
    if elapsed_s >= policy.call_warn_s:
        return "warn"
    return "ok"


def is_repeat_caller(incident_times, *, now: datetime, policy: Policy | None = None) -> bool:
    """At least `repeat_threshold` incidents on the number within the window ending at `now`."""
    policy = policy or Policy()
    since = now - timedelta(days=policy.repeat_window_days)
    return sum(1 for t in incident_times if since <= t <= now) >= policy.repeat_threshold


_NON_DIGITS = re.compile(r"\D")


def normalize_number(raw: str) -> str:
    """Digits only; +82 / 82 becomes the domestic leading 0."""
    digits = _NON_DIGITS.sub("", raw or "")
    if digits.startswith("82") and len(digits) > 9:
        digits = "0" + digits[2:]
    return digits


def caller_hash(raw: str, salt: bytes) -> str:
    """A keyed (salted) BLAKE2b hash of the normalised number: the same as the call records' number hash with
    the same key, so flags, calls and conversations meet without the number being stored. '' for no digits."""
    digits = normalize_number(raw)
    if not digits:
        return ""
    return hashlib.blake2b(digits.encode(), key=salt, digest_size=16).hexdigest()


def month_key(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def exposure_table(rows) -> dict[tuple[int, str], dict[str, int]]:
    """rows: (staff id, local moment, category, ended) → {(staff, "YYYY-MM"): {"total", category…, "ended"}}."""
    table: dict[tuple[int, str], dict[str, int]] = {}
    for staff_id, moment, category, ended in rows:
        cell = table.setdefault((staff_id, month_key(moment)), {"total": 0, "ended": 0})
        cell["total"] += 1
        cell[category] = cell.get(category, 0) + 1
        cell["ended"] += 1 if ended else 0
    return table
