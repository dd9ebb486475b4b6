"""The agency's name on every page: the setting when one is given, else the agency recorded in the organisation."""

from __future__ import annotations

from django.conf import settings

from .models import Agency


def agency(request):
    name = settings.CHINJEOL["AGENCY_NAME"]
    if not name:
        current = Agency.current()
        name = current.name if current else ""
    return {"agency_name": name}
