"""Reads of SMS and chat conversations for the console (kept apart from the call metrics' queries)."""

from __future__ import annotations

from django.db.models import Q

from chinjeol.organization.models import Agency

from . import queries
from .models import Conversation, ReplyTemplate

AGENCY_TOKEN = "{기관명}"


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


def reply_templates() -> list[tuple[str, str]]:
    """The active 자주 쓰는 문구 in order, as (button, text), with `{기관명}` filled in with the agency's name."""
    agency = Agency.objects.values_list("name", flat=True).first() or ""
    rows = ReplyTemplate.objects.filter(is_active=True).values_list("title", "body")
    return [(title, body.replace(AGENCY_TOKEN, agency)) for title, body in rows]
