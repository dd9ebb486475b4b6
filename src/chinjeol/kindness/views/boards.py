"""The organisation view and the department board [K5]."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from chinjeol.core import exports
from chinjeol.core.access import has_role, role_required
from chinjeol.core.roles import Role

from .. import queries
from ..forms import PublishForm
from ..queries import exports as kindness_exports
from ..rules import HALF, Period
from .charts import distribution_chart
from .common import area, period_menu, selected_period

VIEWERS = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)


@role_required(*VIEWERS)
def organisation(request):
    """CS officer and auditor: everything. Heads and CS leaders: live department ranking. Staff: the
    published department ranking only."""
    area(request)
    period = selected_period(request)
    ranking_live = has_role(request.user, *queries.RANKING_ROLES)
    individuals = has_role(request.user, *queries.ORG_ROLES)
    live = ranking_live and request.GET.get("view") == "live"
    board = None
    if ranking_live:
        board = queries.organisation_board(period, live=live, individuals=individuals)
    else:
        board = queries.organisation_board(period, individuals=False)
        if board.snapshot is None:
            board = None
    scope = queries.board_scope(request.user)
    linkable = set()
    if board is not None and ranking_live:
        linkable = {r.id for r in board.departments if scope is None or r.id in scope}
    if board is not None:
        download = exports.download(
            request,
            name=f"kindness-ranking-{period}",
            title=f"친절 부서 순위 {period.label_ko}",
            headers=kindness_exports.DEPARTMENT_HEADERS,
            rows=lambda: kindness_exports.department_rows(board),
            sheets=lambda: [kindness_exports.staff_sheet(period, board.snapshot)] if individuals else [],
        )
        if download is not None:
            return download
    can_publish = has_role(request.user, Role.CS_OFFICER) and period.end <= timezone.localdate()
    last_finished = Period.containing(timezone.localdate(), HALF).previous()
    mine = getattr(request.user, "staff", None) if request.user.staff_id else None
    return render(
        request,
        "kindness/organisation.html",
        {
            **period_menu(period),
            "board": board,
            "chart": distribution_chart(board.distribution) if board else None,
            "individuals": individuals,
            "ranking_live": ranking_live,
            "live": live,
            "linkable": linkable,
            "my_department_id": mine.department_id if mine else None,
            "can_publish": can_publish,
            "publish_form": PublishForm(initial={"period": str(period)}) if can_publish else None,
            "extra_query": "&view=live" if live else "",
            "publish_hint": last_finished
            if has_role(request.user, Role.CS_OFFICER) and not can_publish
            else None,
        },
    )


@role_required(Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)
def department(request, pk: int):
    area(request)
    dept = queries.get_department_for_user(request.user, pk)
    period = selected_period(request)
    live = request.GET.get("view") == "live"
    board = queries.department_board(dept, period, live=live)
    return render(
        request,
        "kindness/department.html",
        {
            **period_menu(period),
            "board": board,
            "live": live,
            "extra_query": "&view=live" if live else "",
            "org_wide": has_role(request.user, *queries.ORG_ROLES),
        },
    )
