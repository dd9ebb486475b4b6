from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chinjeol.contact import queries
from chinjeol.contact.models import CallbackObligation, CallRecord, QueueEvent
from chinjeol.contact.services import cdr_import, extensions_remap, queue_log_import

from .conftest import day_files, kst

pytestmark = pytest.mark.django_db
NOW = kst(18, 0)
DAY = date(2026, 12, 2)


def load(queue_first=False):
    master, qlog = day_files()
    if queue_first:
        queue_log_import(qlog.splitlines(keepends=True), now=NOW)
    result = cdr_import(master.splitlines(keepends=True), now=NOW)
    if not queue_first:
        queue_log_import(qlog.splitlines(keepends=True), now=NOW)
    return result


def by_key(rows):
    return {r.key: r for r in rows}


@pytest.mark.parametrize("queue_first", [False, True])
def test_per_counsellor_figures_by_hand(centre, queue_first):
    result = load(queue_first)
    assert (result.read, result.inserted, result.error_count) == (11, 10, 1)
    assert result.errors[0].line == 11 and "열 수가 2개" in result.errors[0].message
    rows = by_key(queries.metrics(queries.Scope(all=True), date_from=DAY, date_to=DAY, group_by="staff"))
    clerk = rows[centre.clerk.staff_id]
    # 2001 (김민원): u1 5 s/180 s, u2 6 s/181 s, u3 no answer, u5 busy, u8 via the queue (ring 4 s, wait 12 s)
    assert clerk.label == "김민원"
    assert (clerk.offered, clerk.answered, clerk.answered_within_standard) == (5, 3, 2)
    assert clerk.within_standard_rate == Decimal("66.7")
    assert (clerk.over_3_min, clerk.customer_hung_up_first, clerk.missed, clerk.abandoned) == (2, 1, 2, 0)
    assert (clerk.callbacks_due, clerk.callbacks_met) == (2, 1)  # called back after 59 min: met; 61 min: late
    assert clerk.service_level == Decimal("100.0")
    assert clerk.asa_s == Decimal("7.7")  # (5 + 6 + 12) / 3
    assert clerk.aht_s == Decimal("220.3")  # (180 + 181 + 300) / 3
    assert clerk.fcr_rate == Decimal("66.7")  # u1 is followed by u8 from the same number
    leader = rows[centre.leader.staff_id]  # picked up u7 for 2001: credited to the colleague
    assert (leader.offered, leader.answered, leader.answered_within_standard, leader.missed) == (1, 1, 1, 0)
    assert rows[None].offered == 2  # the unmapped extension 2999 and the abandon in the queue


def test_department_service_level_counts_the_abandon_after_t(centre):
    load()
    rows = by_key(queries.metrics(queries.Scope(all=True), date_from=DAY, date_to=DAY, group_by="department"))
    civil, team = rows[centre.civil.pk], rows[centre.team.pk]
    assert (team.offered, team.answered, team.abandoned, team.service_level) == (5, 3, 0, Decimal("100.0"))
    # 민원과: u7 picked up by 리더임 within 20 s, u9 abandoned in its queue after 25 s → 1 ÷ (1 + 1)
    assert (civil.offered, civil.answered, civil.abandoned) == (2, 1, 1)
    assert civil.service_level == Decimal("50.0")
    assert civil.as_api().keys() == {
        "key", "label", "offered", "answered", "answered_within_standard", "within_standard_rate", "over_3_min",
        "customer_hung_up_first", "missed", "abandoned", "callbacks_due", "callbacks_met", "service_level",
        "asa_s", "aht_s", "fcr_rate",
    }  # fmt: skip


def test_records_callbacks_and_queue_join(centre):
    load()
    u7 = CallRecord.objects.get(key="u7")
    assert (u7.staff_id, u7.intended_staff_id, u7.answered_extension) == (
        centre.leader.staff_id,
        centre.clerk.staff_id,
        "2002",
    )
    u8 = CallRecord.objects.get(key="u8")
    assert (u8.queue_id, u8.ring_s, u8.wait_s, u8.customer_hung_up_first) == (centre.queue.pk, 4, 12, True)
    assert u8.number_masked == "010-1111-****" and len(u8.number_hash) == 32
    met = CallbackObligation.objects.get(call_id="u3")
    assert met.due_at == kst(11, 20, 20) and met.status == "met" and met.done_by_id == centre.mate.pk
    late = CallbackObligation.objects.get(call_id="u5")
    assert late.status == "late"
    assert QueueEvent.objects.count() == 7


def test_import_twice_changes_nothing_and_dry_run_writes_nothing(centre):
    master, _q = day_files()
    dry = cdr_import(master.splitlines(keepends=True), dry_run=True, now=NOW)
    assert dry.read == 11 and CallRecord.objects.count() == 0
    cdr_import(master.splitlines(keepends=True), now=NOW)
    before = list(CallRecord.objects.order_by("key").values())
    again = cdr_import(master.splitlines(keepends=True), now=NOW)
    assert again.inserted == 0 and again.existing == 10
    assert list(CallRecord.objects.order_by("key").values()) == before
    assert CallbackObligation.objects.count() == 2


def test_unmapped_extension_listed_then_mapped(centre):
    load()
    assert [r["extension"] for r in queries.unmapped_extensions()] == ["2999"]
    centre.outsider.staff.extension = "2999"
    centre.outsider.staff.save()
    assert extensions_remap() >= 1
    assert CallRecord.objects.get(key="u10").staff_id == centre.outsider.staff_id
    assert queries.unmapped_extensions() == []


def test_scopes(centre):
    load()
    clerk_scope = queries.scope_of(centre.clerk)
    assert set(queries.calls_for(clerk_scope).values_list("key", flat=True)) == {
        "u1",
        "u2",
        "u3",
        "u5",
        "u6",
        "u8",
    }
    head_scope = queries.scope_of(centre.head)
    assert "u10" not in set(queries.calls_for(head_scope).values_list("key", flat=True))
    assert queries.scope_of(centre.auditor).all


def test_measured_columns_match_the_insert(centre):
    from chinjeol.contact.services.columns import CALL_COLUMNS
    from chinjeol.contact.services.context import Measured

    assert [c for c in CALL_COLUMNS if c not in ("source", "repeat_7d")] == list(Measured._fields)
    names = {f.column for f in CallRecord._meta.concrete_fields}
    assert set(CALL_COLUMNS) <= names


def test_stored_times_equal_the_orm_ones(centre):
    load()
    u1 = CallRecord.objects.get(key="u1")
    assert (u1.started_at, u1.answered_at, u1.local_date, u1.local_hour) == (
        kst(10, 0),
        kst(10, 0, 5),
        DAY,
        10,
    )
    assert CallRecord.objects.filter(started_at__lt=kst(10, 0, 1)).filter(key="u1").exists()
