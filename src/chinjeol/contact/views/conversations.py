"""The console's SMS and chat pages: the conversations, one conversation (reply with templates and the knowledge
search, take it, make it a case, end it), and its live messages (htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from chinjeol.core.access import has_role, role_required
from chinjeol.core.pages import domain_errors
from chinjeol.core.roles import Role
from chinjeol.protection import rules as protection_rules

from .. import chat_queries, queries
from ..models import Conversation
from ..services import conversations as service
from .pages import _ctx, _writes


def _conversation(request, pk: int) -> Conversation:
    conversation = chat_queries.conversations_visible(request.user).filter(pk=pk).first()
    if conversation is None:
        raise Http404
    return conversation


@role_required(*queries.READERS)
def conversations(request):
    show = request.GET.get("show", "open")
    qs = chat_queries.conversations_visible(request.user)
    qs = (
        qs.filter(status=Conversation.Status.OPEN)
        if show == "open"
        else qs.exclude(status=Conversation.Status.OPEN)
    )
    return render(request, "contact/conversations.html", _ctx(request, items=list(qs[:200]), show=show))


def _detail(request, conversation: Conversation) -> dict:
    alert = None
    if conversation.alert_action:
        alert = {
            "action": conversation.alert_action,
            "category": protection_rules.LABEL_NAMES.get(conversation.alert_category, ""),
            "script": protection_rules.COUNSELLOR_SCRIPTS.get(conversation.alert_action, ""),
            "offences": conversation.offences,
        }
    incident = getattr(conversation, "incident", None) if conversation.offences else None
    return {
        "conversation": conversation,
        "chat": list(conversation.messages.select_related("staff")),
        "alert": alert,
        "incident": incident,
        "writes": _writes(request),
        "templates": chat_queries.reply_templates(),
    }


@role_required(*queries.READERS)
@require_http_methods(["GET", "POST"])
@domain_errors(back="contact:conversation", pages=())
def conversation(request, pk: int):
    item = _conversation(request, pk)
    if request.method == "POST" and _writes(request):
        staff = request.user.staff
        now = timezone.now()
        action = request.POST.get("action")
        if action == "reply":
            text = request.POST.get("text", "")
            service.conversation_reply(conversation_id=pk, staff=staff, text=text, now=now)
            messages.success(request, "답변을 보냈습니다.")
        elif action == "take":
            service.conversation_take(conversation_id=pk, staff=staff)
            messages.success(request, "이 상담을 맡았습니다.")
        elif action == "end":
            service.conversation_end(conversation_id=pk, staff=staff, now=now)
            messages.success(request, "상담을 끝냈습니다.")
        elif action == "case":
            title, name = request.POST.get("title", ""), request.POST.get("customer_name", "")
            case = service.conversation_to_case(
                conversation_id=pk, staff=staff, title=title, customer_name=name, now=now
            )
            messages.success(request, f"민원으로 접수했습니다 (접수번호 {case.receipt_no}).")
        return redirect("contact:conversation", pk=pk)
    context = _detail(request, item)
    context["can_case"] = has_role(request.user, *queries.WRITERS) and not item.case_id
    context["auditor"] = has_role(request.user, Role.AUDITOR)
    return render(request, "contact/conversation.html", _ctx(request, **context))


@role_required(*queries.READERS)
def conversation_live(request, pk: int):
    """The messages and the protocol banner, refreshed by htmx."""
    item = _conversation(request, pk)
    return render(request, "contact/_conversation_messages.html", _detail(request, item))


def open_count(user) -> int:
    return chat_queries.conversations_visible(user).filter(status=Conversation.Status.OPEN).count()
