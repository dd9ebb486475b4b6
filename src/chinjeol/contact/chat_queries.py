"""Reads of SMS and chat conversations for the console (kept apart from the call metrics' queries)."""

from __future__ import annotations

from django.db.models import Q

from . import queries
from .models import Conversation


def conversations_visible(user):
    """Conversations the user may see: all (CS officer, auditor); else unassigned ones, their own and those of
    the people of the departments they lead."""
    qs = Conversation.objects.select_related("staff", "case")
    scope = queries.scope_of(user)
    if scope.all:
        return qs
    reach = Q(staff__isnull=True) | Q(staff__department_id__in=scope.departments)
    if getattr(user, "staff_id", None):
        reach |= Q(staff_id=user.staff_id)
    return qs.filter(reach)
