"""queue_log events in the per-person figures: TRANSFER, RINGNOANSWER, PAUSE/UNPAUSE (hand-computed)."""

from __future__ import annotations

from datetime import date

import pytest

from chinjeol.contact import queries
from chinjeol.contact.agents import agent_figures, agent_rows
from chinjeol.contact.models import CallRecord
from chinjeol.contact.services import cdr_import, queue_log_import

from .conftest import day_files, kst, qlog

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 2)


def load_with_agent_events():
    master, queue = day_files()
    queue += "".join(
        [
            # u8 (answered by 2001 through the queue) transferred to 2002 at 10:44
            qlog(
                kst(10, 44), "u8", "q120", "SIP/2001", "TRANSFER", "2002", "from-internal", "12", "228", "1"
            ),
            # rings not answered: 2003 twice, 2001 once
            qlog(kst(10, 39, 50), "u8", "q120", "SIP/2003-0000001f", "RINGNOANSWER", "15000"),
            qlog(kst(10, 50, 5), "u9", "q120", "SIP/2003", "RINGNOANSWER", "15000"),
            qlog(kst(10, 50, 20), "u9", "q120", "SIP/2001", "RINGNOANSWER", "5000"),
            # 2001 paused at 12:00 by the day file; back at 13:00 → 60 min. 2003: 15:00–15:45 → 45 min
            qlog(kst(13, 0), "NONE", "q120", "SIP/2001", "UNPAUSE", ""),
            qlog(kst(15, 0), "NONE", "q120", "SIP/2003", "PAUSE", "교육"),
            qlog(kst(15, 45), "NONE", "q120", "SIP/2003", "UNPAUSE", ""),
        ]
    )
    cdr_import(master.splitlines(keepends=True), now=kst(18, 0))
    queue_log_import(queue.splitlines(keepends=True), now=kst(18, 0))


def test_transfer_is_credited_to_who_finally_handled_it(centre):
    load_with_agent_events()
    u8 = CallRecord.objects.get(key="u8")
    assert (u8.staff_id, u8.answered_extension, u8.transferred) == (centre.leader.staff_id, "2002", True)
    assert u8.department_id == centre.leader.staff.department_id
    assert CallRecord.objects.filter(transferred=True).count() == 1
    rows = {
        r.key: r
        for r in queries.metrics(queries.Scope(all=True), date_from=DAY, date_to=DAY, group_by="staff")
    }
    # 김민원 answered u1, u2 and (first) u8: now u1, u2; 리더임 u7 and u8
    assert (rows[centre.clerk.staff_id].answered, rows[centre.leader.staff_id].answered) == (2, 2)


def test_rings_not_answered_and_pauses_per_person(centre):
    load_with_agent_events()
    figures = agent_figures(queries.Scope(all=True), date_from=DAY, date_to=DAY, now=kst(18, 0))
    clerk, mate, leader = (
        figures[pk] for pk in (centre.clerk.staff_id, centre.mate.pk, centre.leader.staff_id)
    )
    assert (clerk.rings_not_answered, clerk.pause_by_day, clerk.transferred) == (1, {DAY: 3600}, 0)
    assert (mate.rings_not_answered, mate.pause_by_day, mate.pause_minutes) == (2, {DAY: 2700}, 45)
    assert (leader.transferred, leader.rings_not_answered, leader.pause_s) == (1, 0, 0)
    # a counsellor sees only their own figures
    own = agent_figures(queries.scope_of(centre.clerk), date_from=DAY, date_to=DAY, now=kst(18, 0))
    assert set(own) == {centre.clerk.staff_id}
    names = [
        name for name, _f in agent_rows(queries.Scope(all=True), date_from=DAY, date_to=DAY, now=kst(18, 0))
    ]
    assert names == sorted(names) and len(names) == 3


def test_dashboard_shows_the_queue_figures(client_for, centre):
    load_with_agent_events()
    html = client_for(centre.officer).get("/callcenter/333/", {"month": "2026-12"}).content.decode()
    assert "큐 기록 (사람별)" in html and "벨 울림 무응답" in html and "자리 비움(분)" in html
