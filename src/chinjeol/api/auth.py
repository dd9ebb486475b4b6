"""API authentication: bearer tokens for integrations, the session (with CSRF) for the browser."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from chinjeol.core.access import READ_ONLY_MESSAGE, READING_POSTS, may_write, roles_of
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.memo import register_clear, ttl_cached
from chinjeol.core.models import ApiToken, User

# A token's user and roles are read from the database at most once per this many seconds per process
# (docs/decisions.md 13): a revoked token, a deactivated user or a changed role takes effect within it.
TOKEN_CACHE_SECONDS = 30
LAST_USED_RESOLUTION_SECONDS = 60


@dataclass
class _Entry:
    token_id: int
    user: User
    roles: dict
    last_used_at: datetime | None


@ttl_cached(TOKEN_CACHE_SECONDS)
def _token_entry(key_hash: str) -> _Entry | None:
    api_token = (
        ApiToken.objects.active().select_related("user", "user__staff").filter(key_hash=key_hash).first()
    )
    if api_token is None or not api_token.user.is_active:
        return None
    user = api_token.user
    return _Entry(api_token.pk, user, roles_of(user), api_token.last_used_at)


register_clear(_token_entry.cache_clear)


def _request_user(entry: _Entry) -> User:
    """A copy per request, so nothing one request sets on its user leaks into another."""
    user = copy.copy(entry.user)
    staff = entry.user._state.fields_cache.get("staff")
    if staff is not None:
        user._state.fields_cache["staff"] = copy.copy(staff)
    user._chinjeol_roles = {role: set(ids) for role, ids in entry.roles.items()}
    user.__dict__.pop("_chinjeol_scope_cache", None)
    return user


def _refuse_read_only_write(request, user) -> None:
    """A read-only account (the auditor) reads through the API and writes nothing (`may_write`)."""
    reads = request.method in ("GET", "HEAD", "OPTIONS") or request.path_info in READING_POSTS
    if not reads and not may_write(user):
        raise PermissionDenied(READ_ONLY_MESSAGE, code="read_only")


class BearerToken(HttpBearer):
    openapi_description = "`chinjeol createtoken 아이디`로 발급한 토큰: `Authorization: Bearer 토큰`"

    def authenticate(self, request, token):
        if not token:
            return None
        entry = _token_entry(ApiToken.hash(token))
        if entry is None:
            return None
        now = timezone.now()
        last = entry.last_used_at
        if last is None or (now - last).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
            entry.last_used_at = now
            ApiToken.objects.filter(pk=entry.token_id).update(last_used_at=now)
        user = _request_user(entry)
        request.user = user
        _refuse_read_only_write(request, user)
        return user


class Session(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is None or not user.is_active:
            return None
        _refuse_read_only_write(request, user)
        return user
