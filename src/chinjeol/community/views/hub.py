"""The community front page: where each part of the report centre and the boards lives."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from chinjeol.core.access import has_role
from chinjeol.core.roles import Role

from .. import queries
from ..models import BestCase, PraisePost, Report
from .http import area


def hub(request):
    if not request.user.is_authenticated:
        return render(request, "community/hub_public.html")
    area(request)
    user = request.user
    office = has_role(user, *queries.REPORT_READERS)
    staffish = has_role(user, *queries.STAFF_READERS)
    today = timezone.localdate()
    context = {
        "office": office,
        "staffish": staffish,
        "initiatives": has_role(user, *queries.INITIATIVE_READERS),
        "my_open_tasks": queries.my_tasks(user).open().count() if staffish else 0,
        "baton": queries.open_baton(user.staff_id) if user.staff_id else None,
        "smiles": queries.smile_month(today.year, today.month),
        "year": today.year,
        "month": today.month,
    }
    if office:
        context["counts"] = queries.report_counts()
        context["praise_waiting"] = PraisePost.objects.waiting().count()
        context["best_waiting"] = BestCase.objects.waiting().count()
        context["open_reports"] = Report.objects.open().count()
    context["is_officer"] = has_role(user, Role.CS_OFFICER)
    return render(request, "community/hub.html", context)
