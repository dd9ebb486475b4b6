"""Settings of counsellor protection, from `settings.CHINJEOL_PROTECTION` (all optional):

END_AT {"threat": 1, "sexual": 1, "profanity": 2}   offences at which a conversation ends
CALL_WARN_S 900, CALL_END_S 1200                     call-length warning and recommended end
REPEAT_THRESHOLD 3, REPEAT_WINDOW_DAYS 90            incidents that flag a number
DEDICATED_EXTENSION "2900", DEDICATED_TEAM "전담팀"  where flagged numbers are routed"""

from __future__ import annotations

from django.conf import settings

from . import rules


def _raw() -> dict:
    return getattr(settings, "CHINJEOL_PROTECTION", {}) or {}


def policy() -> rules.Policy:
    raw = _raw()
    return rules.Policy(
        end_at={**rules.DEFAULT_END_AT, **raw.get("END_AT", {})},
        call_warn_s=int(raw.get("CALL_WARN_S", rules.CALL_WARN_S)),
        call_end_s=int(raw.get("CALL_END_S", rules.CALL_END_S)),
        repeat_threshold=int(raw.get("REPEAT_THRESHOLD", rules.REPEAT_THRESHOLD)),
        repeat_window_days=int(raw.get("REPEAT_WINDOW_DAYS", rules.REPEAT_WINDOW_DAYS)),
    )


def dedicated_team() -> tuple[str, str]:
    raw = _raw()
    return str(raw.get("DEDICATED_EXTENSION", "2900")), str(raw.get("DEDICATED_TEAM", "폭언 대응 전담팀"))
