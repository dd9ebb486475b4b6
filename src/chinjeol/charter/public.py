"""The citizen's front door: a start page the logo leads to, and the service charter anyone may read."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import queries


@require_safe
def citizen_home(request):
    promises = queries.standards_in_force(timezone.now())
    return render(request, "charter/citizen_home.html", {"promises": promises[:4]})


@require_safe
def citizen_charter(request):
    promises = queries.standards_in_force(timezone.now())
    return render(request, "charter/citizen_charter.html", {"promises": promises})
