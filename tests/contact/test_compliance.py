from __future__ import annotations

from datetime import date

import pytest

from chinjeol.contact.services import cdr_import, queue_log_import
from chinjeol.core.periods import Period
from chinjeol.reports.compliance import queries as compliance

from .conftest import day_files, kst

pytestmark = pytest.mark.django_db


def load_day(day, month=12):
    master, qlog = day_files(day, month)
    cdr_import(master.splitlines(keepends=True), now=kst(18, 0, day=day, month=month))
    queue_log_import(qlog.splitlines(keepends=True), now=kst(18, 0, day=day, month=month))


def test_phone_rings_and_callback_absent_beside_the_case_standards(centre):
    load_day(2)
    summary = compliance.summary(Period.containing(date(2026, 12, 2), "month"), kst(18, 0))
    lines = {s.key: s for s in summary.standards}
    # judged calls: u1 (5 s), u2 (6 s), u7 (3 s), u8 (4 s), u10 (2 s) → 4 within the standard
    assert (lines["PHONE_RINGS"].tally.judged, lines["PHONE_RINGS"].tally.met) == (5, 4)
    assert lines["PHONE_RINGS"].versions[0][0].startswith("1판")
    # call-backs: u3 called back after 59 minutes (met), u5 after 61 minutes (missed)
    assert (lines["CALLBACK_ABSENT"].tally.judged, lines["CALLBACK_ABSENT"].tally.met) == (2, 1)
    team = next(d for d in summary.departments if d.key == centre.team.pk)
    assert (team.tally.judged, team.tally.met) == (5, 3)  # u1, u2, u8 + two call-backs


def test_open_callback_is_judged_only_when_due(centre):
    load_day(2)
    from chinjeol.contact.provider import call_tallies

    before_due = call_tallies(Period.containing(date(2026, 12, 2), "month"), kst(10, 21))
    # at 10:21 only u1 and u2 have been answered; neither call-back is due yet
    assert sum(t.judged for t in before_due.values()) == 2
    scoped = call_tallies(
        Period.containing(date(2026, 12, 2), "month"), kst(18, 0), departments={centre.tax.pk}
    )
    assert scoped == {}


def test_compliance_api_and_report_show_calls(client_for, centre):
    load_day(18, month=11)  # a finished day in November (a Wednesday)
    data = client_for(centre.auditor).get("/api/v1/charter/compliance", {"period": "2026-11"}).json()
    keys = {s["key"]: s for s in data["standards"]}
    assert keys["PHONE_RINGS"]["judged"] == 5 and keys["PHONE_RINGS"]["met"] == 4
    assert keys["CALLBACK_ABSENT"]["judged"] == 2
    page = client_for(centre.officer).get("/reports/compliance/", {"period": "2026-11"}).content.decode()
    assert "전화는 벨이 3번 울리기 전에 받겠습니다" in page and "1시간 안에 다시 연락드리겠습니다" in page
    from chinjeol.reports.services import charter_report_snapshot

    snapshot = charter_report_snapshot(period=Period.parse("2026-H2"), now=kst(18, 0, day=28))
    assert {"PHONE_RINGS", "CALLBACK_ABSENT"} <= {s["key"] for s in snapshot["standards"]}


def test_phone_standards_in_the_filter_and_their_calls_behind_the_figures(client_for, centre):
    load_day(18, month=11)
    choices = dict(compliance.standard_choices())
    assert {"PHONE_RINGS", "CALLBACK_ABSENT"} <= set(choices)
    officer = client_for(centre.officer)
    page = officer.get("/reports/compliance/", {"period": "2026-11", "standard": "PHONE_RINGS"})
    html = page.content.decode()
    assert 'value="PHONE_RINGS" selected' in html and "기준 안에 응대" in html and "답변하지 못함" not in html
    url = "/reports/compliance/cases/"
    calls = officer.get(url, {"period": "2026-11", "standard": "PHONE_RINGS"}).content.decode()
    assert "통화 목록" in calls and "5건" in calls and "010-1111-****" in calls
    assert "01011110001" not in calls and "010-1111-0001" not in calls  # numbers only masked
    missed = officer.get(url, {"period": "2026-11", "standard": "PHONE_RINGS", "result": "missed"})
    assert "1건" in missed.content.decode() and "벨 6초 뒤 응답" in missed.content.decode()  # u2
    team = officer.get(url, {"period": "2026-11", "standard": "PHONE_RINGS", "department": centre.tax.pk})
    assert "해당하는 통화가 없습니다" in team.content.decode()
    callbacks = officer.get(url, {"period": "2026-11", "standard": "CALLBACK_ABSENT", "result": "missed"})
    body = callbacks.content.decode()
    assert "콜백 목록" in body and "1건" in body and "늦음" in body  # u5 called back after 61 minutes
    # a department head sees only the calls of their departments
    head = client_for(centre.head).get(url, {"period": "2026-11", "standard": "PHONE_RINGS"})
    assert "2999" not in head.content.decode()
