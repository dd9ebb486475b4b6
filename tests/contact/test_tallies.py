"""The daily tallies give exactly the figures the calls give, whatever the calls are."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chinjeol.contact import queries
from chinjeol.contact.models import CallRecord, CallTally, CallTallyDay
from chinjeol.contact.services import call_mark_resolved, cdr_import, extensions_remap, queue_log_import
from chinjeol.contact.tallies import tallies_recount

from .conftest import SEOUL, day_files, kst

pytestmark = pytest.mark.django_db
FIRST = date(2026, 10, 30)
DAYS = 34  # 30 October to 2 December: all of November, so whole months are read from month rows

call = st.fixed_dictionaries(
    {
        "day": st.integers(0, DAYS - 1),
        "hour": st.integers(0, 23),
        "who": st.integers(0, 3),  # an index into the people, 3 = nobody
        "queue": st.booleans(),
        "direction": st.sampled_from(["inbound", "inbound", "outbound", "internal"]),
        "answered": st.booleans(),
        "ring": st.none() | st.integers(0, 30),
        "wait": st.none() | st.integers(0, 40),
        "billsec": st.integers(0, 400),
        "judged": st.booleans(),
        "within": st.booleans(),
        "missed": st.booleans(),
        "abandoned": st.booleans(),
        "in_hours": st.booleans(),
        "hung_up": st.none() | st.booleans(),
        "repeat": st.booleans(),
        "resolved": st.none() | st.booleans(),
    }
)


EVERY_DAY = {
    "hour": 10,
    "queue": False,
    "direction": "inbound",
    "answered": True,
    "wait": None,
    "billsec": 200,
    "judged": True,
    "within": True,
    "missed": False,
    "abandoned": False,
    "in_hours": True,
    "hung_up": True,
    "repeat": False,
    "resolved": None,
}


def _store(centre, calls: list[dict]) -> None:
    people = [
        (centre.clerk.staff_id, centre.team.pk),
        (centre.leader.staff_id, centre.civil.pk),
        (centre.outsider.staff_id, centre.tax.pk),
        (None, None),
    ]
    rows = []
    for i, c in enumerate(calls):
        staff, department = people[c["who"]]
        start = datetime.combine(FIRST + timedelta(days=c["day"]), time(c["hour"], 30), SEOUL)
        answered = c["answered"]
        rows.append(
            CallRecord(
                key=f"k{i}",
                direction=c["direction"],
                number_hash=f"n{i % 5}",
                staff_id=staff,
                department_id=department,
                queue=centre.queue if c["queue"] else None,
                started_at=start,
                answered_at=start + timedelta(seconds=c["ring"] or 0) if answered else None,
                ended_at=start + timedelta(seconds=600),
                local_date=start.date(),
                local_hour=start.hour,
                in_hours=c["in_hours"],
                billsec=c["billsec"] if answered else 0,
                duration=600,
                disposition="ANSWERED" if answered else "NO ANSWER",
                ring_s=c["ring"] if answered else None,
                wait_s=c["wait"],
                judged=c["judged"],
                within_standard=c["within"],
                over_3_min=answered and c["billsec"] > 180,
                missed=c["missed"],
                abandoned=c["abandoned"],
                customer_hung_up_first=c["hung_up"],
                repeat_7d=c["repeat"],
                resolved_first_contact=c["resolved"],
            )
        )
    CallRecord.objects.bulk_create(rows)


def _same(scope, date_from=FIRST, date_to=FIRST + timedelta(days=DAYS - 1), t=None):
    for group_by in queries.GROUPS:
        tallied = queries.metrics(scope, date_from=date_from, date_to=date_to, group_by=group_by, t=t)
        live = queries.metrics(
            scope, date_from=date_from, date_to=date_to, group_by=group_by, t=t, use_tallies=False
        )
        assert tallied == live, group_by


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    calls=st.lists(call, max_size=40),
    counted=st.tuples(st.integers(0, DAYS - 1), st.integers(0, DAYS - 1)),
    window=st.tuples(st.integers(0, DAYS - 1), st.integers(0, DAYS - 1)),
)
@example(calls=[], counted=(0, DAYS - 1), window=(0, DAYS - 1))
def test_tallied_metrics_equal_the_metrics_of_the_calls(centre, calls, counted, window):
    CallTally.objects.all().delete()
    CallTallyDay.objects.all().delete()
    CallRecord.objects.all().delete()
    if not calls:  # the explicit example: a call on every day, the whole range counted
        calls = [{**EVERY_DAY, "day": d, "who": d % 4, "ring": d % 9} for d in range(DAYS)]
    _store(centre, calls)
    # Some days counted, the others read from the calls: both paths and their sum are compared.
    low, high = sorted(counted)
    tallies_recount(FIRST + timedelta(days=low), FIRST + timedelta(days=high))
    a, b = sorted(window)
    date_from, date_to = FIRST + timedelta(days=a), FIRST + timedelta(days=b)
    for scope in (
        queries.Scope(all=True),
        queries.Scope(departments=frozenset({centre.civil.pk, centre.team.pk})),
        queries.Scope(staff_id=centre.clerk.staff_id),
    ):
        _same(scope, date_from, date_to)
    _same(queries.Scope(all=True), date_from, date_to, t=7)  # another T: read from the calls
    if low == 0 and high == DAYS - 1:
        assert CallTally.objects.filter(kind=CallTally.Kind.MONTH, day=date(2026, 11, 1)).exists() == bool(
            CallRecord.objects.filter(local_date__month=11).exists()
        )


def test_every_change_to_calls_recounts_its_days(centre):
    master, qlog = day_files()
    cdr_import(master.splitlines(keepends=True), now=kst(18, 0))
    day = date(2026, 12, 2)
    assert CallTallyDay.objects.filter(day=day).exists()
    all_ = queries.Scope(all=True)
    _same(all_, day, day)
    queue_log_import(qlog.splitlines(keepends=True), now=kst(18, 0))
    _same(all_, day, day)
    u1 = CallRecord.objects.get(key="u1")
    call_mark_resolved(call_id=u1.pk, staff=None, resolved=True)
    _same(all_, day, day)
    from tests.factories import make_staff

    make_staff(department=centre.tax, name="새직원", extension="2999")
    assert extensions_remap() == 1
    _same(all_, day, day)
    from chinjeol.contact.cti import CtiIn, cti_receive

    cti_receive(
        CtiIn.model_validate({"event": "hangup", "callId": "u7", "hangupBy": "agent"}), now=kst(18, 1)
    )
    _same(all_, day, day)
    rows = {r.key: r for r in queries.metrics(all_, date_from=day, date_to=day, group_by="staff")}
    assert rows[centre.clerk.staff_id].offered == 5  # the hand-checked figures of test_import still hold


def test_call_tallies_command(centre, capsys):
    from chinjeol import cli

    master, _qlog = day_files()
    cdr_import(master.splitlines(keepends=True), now=kst(18, 0))
    CallTally.objects.all().delete()
    assert cli.main(["call-tallies"]) == 0
    assert "2026. 12. 2.부터 2026. 12. 2.까지 1일의 통화를 다시 집계했습니다" in capsys.readouterr().out
    assert CallTally.objects.exists()
    assert cli.main(["call-tallies", "--from", "2026-12-03", "--to", "2026-12-01"]) == 2
    assert cli.main(["call-tallies", "--from", "어제"]) == 2
