"""How the cases app shows up in the kindness ledger: happy-call answers link to their case."""

from __future__ import annotations

from django.urls import reverse

from .models import HappyCallAnswer


def happy_call_links(entries: list, user) -> dict[int, str]:
    ids = [int(e.source_id) for e in entries if e.source_id.isdigit()]
    case_of = dict(HappyCallAnswer.objects.filter(pk__in=ids).values_list("pk", "case_id"))
    return {
        e.pk: reverse("cases:detail", args=[case_of[int(e.source_id)]])
        for e in entries
        if e.source_id.isdigit() and int(e.source_id) in case_of
    }
