"""내 친절 [K3] and a colleague's kindness page (within role scope)."""

from __future__ import annotations

from django.shortcuts import render

from chinjeol.core.access import has_role, role_required
from chinjeol.core.privacy import personal_access_log
from chinjeol.core.roles import Role

from .. import queries
from ..forms import ReverseForm
from ..remedies import suggestions_for
from ..sources import source_links, source_name
from .charts import trend_chart
from .common import area, period_menu, selected_period


@role_required(Role.STAFF)
def me(request):
    return _page(request, request.user.staff_id)


@role_required(*Role)
def staff_page(request, pk: int):
    return _page(request, pk)


def _page(request, staff_id: int):
    area(request)
    staff = queries.get_staff_for_user(request.user, staff_id)
    own = request.user.staff_id == staff.pk
    if not own:
        personal_access_log(
            request,
            action="view",
            subject_type="staff_kindness",
            subject_id=str(staff.pk),
            subject_label=f"{staff.name} ({staff.employee_no})",
            fields="친절 점수·마일리지 기록",
        )
    period = selected_period(request)
    data = queries.staff_breakdown(staff, period)
    links = source_links(data.entries, request.user)
    entries = [
        {"entry": e, "link": links.get(e.pk), "source": source_name(e.source_type)} for e in data.entries
    ]
    return render(
        request,
        "kindness/staff.html",
        {
            **period_menu(period),
            "staff": staff,
            "own": own,
            "data": data,
            "entries": entries,
            # asked even without a weakest item, so the page's queries do not depend on the results
            "suggestions": suggestions_for(staff, data.weakest.code if data.weakest else "", request.user),
            "chart": trend_chart(data.trend, data.config.thresholds),
            "can_reverse": has_role(request.user, Role.CS_OFFICER),
            "reverse_form": ReverseForm(),
        },
    )
