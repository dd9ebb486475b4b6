"""개인정보 접속기록: every display or export of a person's contact details is recorded."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from . import rules
from .models import PersonalDataAccess


def request_ip(request) -> str | None:
    """The one client address of a request: throttles, login lockout and the access log all use it."""
    return rules.client_ip(request.META, proxy_hops=settings.PROXY_HOPS)


def personal_access_log(
    request,
    *,
    action: str,
    subject_type: str,
    subject_id: str = "",
    subject_label: str,
    fields: str,
    count: int = 1,
) -> PersonalDataAccess:
    user = request.user if request.user.is_authenticated else None
    return PersonalDataAccess.objects.create(
        at=timezone.now(),
        user=user,
        username=user.username if user else "(익명)",
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        subject_label=subject_label[:200],
        fields=fields[:200],
        ip=request_ip(request),
        path=request.get_full_path()[:300],
        count=count,
    )
