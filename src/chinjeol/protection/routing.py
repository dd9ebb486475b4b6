"""The CTI webhook's routing hint for flagged numbers (registered with `contact.cti.register_router`)."""

from __future__ import annotations

from datetime import datetime

from chinjeol.contact.cti import Routing

from . import conf
from .models import CallerFlag


def dedicated_team_route(number_hash: str, now: datetime) -> Routing | None:
    if not CallerFlag.objects.filter(number_hash=number_hash, active=True).exists():
        return None
    extension, team = conf.dedicated_team()
    return Routing(extension=extension, team=team, reason=f"반복 폭언 번호: {team}으로 연결하세요")
