"""Daily / monthly / yearly call volumes (H5), on screen and exported as XLSX or CSV (with BOM)."""

from __future__ import annotations

from datetime import date

from django.shortcuts import render
from django.utils import timezone

from chinjeol.core import exports
from chinjeol.core.access import role_required

from .. import queries
from ..conf import contact_settings

HEADERS = ["기간", "인입", "응답", "응답률(%)", "포기", "부재(못 받음)", "운영시간 외", "기준 안 응답률(%)"]
UNITS = {"day": "일별", "month": "월별", "year": "연도별"}


def _row(r: dict) -> list:
    rate = r["answer_rate"]
    within = r["within_rate"]
    return [r["label"], r["offered"], r["answered"], float(rate) if rate is not None else "", r["abandoned"],
            r["missed"], r["outside_hours"], float(within) if within is not None else ""]  # fmt: skip


def _period(request) -> tuple[date, date, str]:
    today = timezone.now().astimezone(contact_settings().tz).date()
    unit = request.GET.get("unit", "month")
    unit = unit if unit in UNITS else "month"
    try:
        date_from = date.fromisoformat(request.GET.get("from", ""))
    except ValueError:
        date_from = (
            today.replace(month=1, day=1)
            if unit != "year"
            else today.replace(year=today.year - 2, month=1, day=1)
        )
    try:
        date_to = date.fromisoformat(request.GET.get("to", ""))
    except ValueError:
        date_to = today
    if date_to < date_from:
        date_from, date_to = date_to, date_from
    if unit == "day" and (date_to - date_from).days > 92:
        date_from = date_to.replace(day=1)
    return date_from, date_to, unit


@role_required(*queries.READERS)
def volumes(request):
    scope = queries.scope_of(request.user)
    date_from, date_to, unit = _period(request)
    rows = queries.volumes(scope, date_from=date_from, date_to=date_to, unit=unit)
    download = exports.download(
        request,
        name=f"call-volumes-{unit}-{date_from:%Y%m%d}-{date_to:%Y%m%d}",
        title=f"{UNITS[unit]} 통화량",
        headers=HEADERS,
        rows=lambda: [_row(r) for r in rows],
    )
    if download is not None:
        return download
    return render(
        request,
        "contact/volumes.html",
        {
            "current_area": "callcenter",
            "rows": rows,
            "unit": unit,
            "units": UNITS,
            "date_from": date_from,
            "date_to": date_to,
            "headers": HEADERS,
        },  # fmt: skip
    )
