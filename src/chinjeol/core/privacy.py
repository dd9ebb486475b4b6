"""개인정보 접속기록: every display or export of a person's contact details is recorded."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from . import rules
from .models import PersonalDataAccess

# Whose personal data a log line concerns (정보주체 유형), registered by the app that shows it (in its
# `AppConfig.ready()`): `personal_access_log` refuses a type nobody registered, so every line of the log can be
# named in Korean and searched by type. Back-office forms log under the model's name ("case", "staff").
SUBJECT_TYPES: dict[str, str] = {}


def register_subject_type(code: str, label: str) -> None:
    SUBJECT_TYPES[code] = label


def subject_type_choices() -> list[tuple[str, str]]:
    return list(SUBJECT_TYPES.items())


def subject_type_label(code: str) -> str:
    return SUBJECT_TYPES.get(code, "기타")


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
    if subject_type not in SUBJECT_TYPES:
        raise ValueError(
            f"등록되지 않은 정보주체 유형입니다: {subject_type!r} (core.privacy.register_subject_type)"
        )
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


def contact_view_log(request, obj, fields, *, action: str = "view") -> PersonalDataAccess | None:
    """Record that `request` was shown the filled ones among `fields` (field names) of `obj`; nothing when
    all are empty. The one helper for back-office forms and pages that show someone's contact details."""
    shown = [name for name in fields if getattr(obj, name, "")]
    if not shown:
        return None
    return personal_access_log(
        request,
        action=action,
        subject_type=obj._meta.model_name,
        subject_id=str(obj.pk),
        subject_label=str(obj),
        fields=", ".join(str(obj._meta.get_field(name).verbose_name) for name in shown),
    )


def accessor_label(entry: PersonalDataAccess) -> str:
    """Who looked, as a person: "김민원 (민원과)"; the account name only when no staff record is linked."""
    user = entry.user
    staff = getattr(user, "staff", None) if user is not None else None
    if staff is None:
        return user.display_name if user is not None else entry.username
    department = getattr(staff, "department", None)
    return f"{staff.name} ({department.name})" if department else staff.name
