"""Login lockout (django-axes) and role-based model permissions."""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db.models import Sum
from django.shortcuts import render

from . import rules
from .access import has_role
from .roles import Role


def lockout_limits() -> list[int]:
    """The limit of each group django-axes counts (settings.AXES_LOCKOUT_PARAMETERS, in that order): one name
    from one address, then one address whatever the name. Nobody can lock out somebody else's name from
    another address, and one address cannot try name after name."""
    return [settings.LOGIN_MAX_FAILURES, settings.LOGIN_MAX_FAILURES_PER_ADDRESS]


def login_name(request, credentials) -> str | None:
    """The name a failure is counted under: case and surrounding spaces do not make a new name."""
    username = (credentials or {}).get("username")
    return username.strip().lower()[:150] if isinstance(username, str) else None


class LoginLockHandler(AxesDatabaseHandler):
    """axes' database handler with a limit per group (`lockout_limits`), and a successful login that clears
    only its own name's failures from its address, so a valid account cannot wipe an address's record."""

    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        return rules.lockout_count(counts, lockout_limits(), settings.LOGIN_MAX_FAILURES)

    def reset_user_attempts(self, request, credentials=None) -> int:
        pair = self.filter_user_attempts(request, credentials)[0]
        count, _ = pair.delete()
        return count


def locked_out(request, response=None, credentials=None):
    """What a locked-out login (the site's or the back office's) answers: a Korean page, 429."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return render(request, "core/locked_out.html", {"minutes": minutes}, status=429)


class RoleBackend(ModelBackend):
    """Username/password login (the lockout runs before it, in axes' backend). CS officers hold every
    model permission of the back office; auditors hold the view permissions only."""

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
