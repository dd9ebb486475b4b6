"""What the counsellor console shows of protection: the repeat-caller banner, the call timer's start and
thresholds, and the 폭언 신고 categories."""

from __future__ import annotations

from chinjeol.contact.models import CtiEvent

from . import conf
from .models import Incident
from .queries import flag_for


def answered_at(call_id: str):
    return (
        CtiEvent.objects.filter(call_id=call_id, event=CtiEvent.Kind.ANSWER)
        .values_list("at", flat=True)
        .first()
    )


def console_extras(current: dict | None) -> dict:
    policy = conf.policy()
    extras = {
        "flag": None,
        "answered_at": None,
        "call_warn_s": policy.call_warn_s,
        "call_end_s": policy.call_end_s,
        "abuse_categories": Incident.Category.choices,
        "dedicated_team": conf.dedicated_team()[1],
    }
    if current:
        extras["flag"] = flag_for(current.get("number_hash", ""))
        if current.get("state") == CtiEvent.Kind.ANSWER:
            extras["answered_at"] = answered_at(current["call_id"])
    return extras
