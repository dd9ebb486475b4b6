"""Authentication backend with login lockout and role-based model permissions."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from . import rules
from .access import has_role
from .models import LoginFailure
from .roles import Role


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def locked_until(username: str):
    now = timezone.now()
    times = LoginFailure.objects.filter(username__iexact=username, at__gt=now - _window()).values_list(
        "at", flat=True
    )
    return rules.lockout_until(times, now=now, max_failures=settings.LOGIN_MAX_FAILURES, window=_window())


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip=ip, at=timezone.now())


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()


class AccountLocked(PermissionDenied):
    def __init__(self, until):
        super().__init__("locked")
        self.until = until


class RoleBackend(ModelBackend):
    """Username/password login that refuses a locked account name. CS officers hold every
    model permission of the back office; auditors hold the view permissions only."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self.UserModel.USERNAME_FIELD)
        if not username or password is None:
            return None
        until = locked_until(username)
        if until is not None:
            raise AccountLocked(until)
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            ip = request.META.get("REMOTE_ADDR") if request is not None else None
            record_failure(username, ip)
        else:
            clear_failures(username)
        return user

    def has_perm(self, user_obj, perm, obj=None):
        if not user_obj.is_active:
            return False
        if has_role(user_obj, Role.CS_OFFICER):
            return True
        if has_role(user_obj, Role.AUDITOR):
            return perm.split(".")[-1].startswith("view_")
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        if user_obj.is_active and has_role(user_obj, Role.CS_OFFICER, Role.AUDITOR):
            return True
        return super().has_module_perms(user_obj, app_label)
