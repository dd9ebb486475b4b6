"""API authentication: bearer tokens for integrations, the session (with CSRF) for the browser."""

from __future__ import annotations

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from chinjeol.core.models import ApiToken

TOKEN_CACHE_SECONDS = 30


class BearerToken(HttpBearer):
    openapi_description = "`chinjeol createtoken 아이디`로 발급한 토큰: `Authorization: Bearer 토큰`"

    def authenticate(self, request, token):
        if not token:
            return None
        try:
            api_token = (
                ApiToken.objects.active()
                .select_related("user", "user__staff")
                .get(key_hash=ApiToken.hash(token))
            )
        except ApiToken.DoesNotExist:
            return None
        user = api_token.user
        if not user.is_active:
            return None
        now = timezone.now()
        if api_token.last_used_at is None or (now - api_token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = user
        return user


class Session(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None
