from __future__ import annotations

import pytest

from chinjeol.contact.models import CallbackObligation, CtiEvent
from chinjeol.core.models import ApiToken

from .test_import import load

pytestmark = pytest.mark.django_db
METRIC_FIELDS = {
    "key", "label", "offered", "answered", "answered_within_standard", "within_standard_rate", "over_3_min",
    "customer_hung_up_first", "missed", "abandoned", "callbacks_due", "callbacks_met", "service_level", "asa_s",
    "aht_s", "fcr_rate",
}  # fmt: skip


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


def test_metrics_contract_and_scopes(client, centre):
    load()
    params = {"date_from": "2026-12-02", "date_to": "2026-12-02", "group_by": "staff"}
    rows = client.get("/api/v1/calls/metrics", params, **bearer(centre.officer)).json()
    assert all(set(r) == METRIC_FIELDS for r in rows)
    clerk = next(r for r in rows if r["key"] == centre.clerk.staff_id)
    assert (clerk["offered"], clerk["answered_within_standard"], clerk["within_standard_rate"]) == (
        5,
        2,
        "66.7",
    )
    own = client.get("/api/v1/calls/metrics", params, **bearer(centre.clerk)).json()
    assert [r["key"] for r in own] == [centre.clerk.staff_id]
    days = client.get(
        "/api/v1/calls/metrics", {**params, "group_by": "hour"}, **bearer(centre.auditor)
    ).json()
    assert [(r["key"], r["offered"]) for r in days] == [(10, 7), (11, 1)]


def test_metrics_errors_are_korean_and_name_the_field(client, centre):
    h = bearer(centre.officer)
    r = client.get("/api/v1/calls/metrics", {"date_from": "2026-12-02", "date_to": "x"}, **h)
    assert r.status_code == 422 and r.json()["field"] == "date_to" and "날짜" in r.json()["message"]
    r = client.get("/api/v1/calls/metrics", {"date_from": "2026-12-03", "date_to": "2026-12-02"}, **h)
    assert r.status_code == 400 and r.json()["field"] == "date_to"
    r = client.get(
        "/api/v1/calls/metrics", {"date_from": "2026-12-02", "date_to": "2026-12-02", "group_by": "x"}, **h
    )
    assert r.status_code == 422 and r.json()["field"] == "group_by"
    assert (
        client.get("/api/v1/calls/metrics", {"date_from": "2026-12-02", "date_to": "2026-12-02"}).status_code
        == 401
    )
    r = client.get("/api/v1/calls", **bearer(centre.evaluator))
    assert r.status_code == 403 and "권한" in r.json()["message"]


def test_calls_list_filters_and_masks(client, centre):
    load()
    r = client.get(
        "/api/v1/calls", {"disposition": "NO ANSWER", "direction": "inbound"}, **bearer(centre.officer)
    )
    body = r.json()
    assert body["count"] == 2  # u5 was BUSY
    assert {c["key"] for c in body["items"]} == {"u3", "u9"}
    assert all("****" in c["number"] for c in body["items"])


def test_callbacks_list_create_done_and_auditor_read_only(client, centre):
    load()
    h = bearer(centre.clerk)
    mine = client.get("/api/v1/callbacks", **h).json()
    assert {c["call"] for c in mine} == {"u3", "u5"}
    r = client.post("/api/v1/callbacks", {"number": "010-2222-3333", "outcome": "주차 요금 확인 후 회신"},
                    content_type="application/json", **h)  # fmt: skip
    assert r.status_code == 201 and r.json()["number"] == "010-2222-****" and r.json()["status"] == "open"
    new_id = r.json()["id"]
    bad = client.post("/api/v1/callbacks", {"number": "12"}, content_type="application/json", **h)
    assert bad.status_code == 400 and bad.json()["field"] == "number" and "전화번호" in bad.json()["message"]
    auditor = bearer(centre.auditor)
    assert client.get("/api/v1/callbacks", **auditor).status_code == 200
    denied = client.post(f"/api/v1/callbacks/{new_id}/done", {}, content_type="application/json", **auditor)
    assert denied.status_code == 403
    done = client.post(
        f"/api/v1/callbacks/{new_id}/done", {"outcome": "안내함"}, content_type="application/json", **h
    )
    assert done.status_code == 200 and done.json()["status"] == "met" and done.json()["by_hand"]
    again = client.post(f"/api/v1/callbacks/{new_id}/done", {}, content_type="application/json", **h)
    assert again.status_code == 409
    other = client.post(
        f"/api/v1/callbacks/{new_id}/done", {}, content_type="application/json", **bearer(centre.outsider)
    )
    assert other.status_code == 404
    assert CallbackObligation.objects.get(pk=new_id).number_hash


def test_cti_events_idempotent_with_routing_hint(client, centre):
    load()
    h = bearer(centre.officer)
    new = {"event": "newCall", "callId": "c-1", "from": "01011110001", "to": "120", "direction": "in"}
    r = client.post("/api/v1/cti/events", new, content_type="application/json", **h)
    assert r.status_code == 200
    # the demo day is in 2026-12; the hint looks back 7 days from now, so it may be empty today
    assert r.json()["ok"] and r.json()["duplicate"] is False
    dup = client.post("/api/v1/cti/events", new, content_type="application/json", **h)
    assert dup.json()["duplicate"] is True
    form = {"event": "answer", "callId": "c-1", "from": "01011110001", "to": "120", "direction": "in",
            "user[]": "김민원", "answeringNumber": "2001"}  # fmt: skip
    assert client.post("/api/v1/cti/events", form, **h).status_code == 200
    bad = client.post(
        "/api/v1/cti/events", {"event": "ring", "callId": "c-1"}, content_type="application/json", **h
    )
    assert bad.status_code == 400 and bad.json()["field"] == "event"
    assert CtiEvent.objects.filter(call_id="c-1").count() == 2
    assert CtiEvent.objects.get(call_id="c-1", event="answer").extension == "2001"
    assert CtiEvent.objects.get(call_id="c-1", event="newCall").number_masked == "010-1111-****"


def test_calls_page_by_limit_and_offset_and_unknown_calls_are_404_naming_the_field(client, centre):
    load()
    h = bearer(centre.officer)
    every = client.get("/api/v1/calls", **h).json()
    page = client.get("/api/v1/calls", {"limit": 2, "offset": 1}, **h).json()
    assert page["count"] == every["count"] and [c["id"] for c in page["items"]] == [
        c["id"] for c in every["items"][1:3]
    ]
    outside = every["items"][0]["id"]
    r = client.post(
        "/api/v1/callbacks", {"call": outside}, content_type="application/json", **bearer(centre.outsider)
    )
    assert (
        r.status_code == 404
        and r.json()["field"] == "call"
        and r.json()["message"] == "통화를 찾을 수 없습니다."
    )
    r = client.post("/api/v1/callbacks/999999/done", {}, content_type="application/json", **h)
    assert r.status_code == 404 and r.json()["message"] == "콜백을 찾을 수 없습니다."


def test_metrics_by_month_add_up_the_days(client, centre):
    """Two copies of the hand-checked day in December (2nd and 3rd) and one in November (30th): each day
    offers 8 inbound calls (김민원 5, 리더임 1, the unmapped 2999 and the queue's abandon) and 2 call-backs."""
    from chinjeol.contact.services import cdr_import

    from .conftest import day_files, kst

    for prefix, day, month in (("u", 2, 12), ("v", 3, 12), ("w", 30, 11)):
        master, _q = day_files(day=day, month=month)
        cdr_import(master.replace('"u', f'"{prefix}').splitlines(keepends=True), now=kst(18, 0, day=4))
    params = {"date_from": "2026-11-01", "date_to": "2026-12-31", "group_by": "month"}
    rows = client.get("/api/v1/calls/metrics", params, **bearer(centre.officer)).json()
    assert all(set(r) == METRIC_FIELDS for r in rows)
    assert [(r["key"], r["label"], r["offered"], r["callbacks_due"]) for r in rows] == [
        ("2026-11", "2026년 11월", 8, 2),
        ("2026-12", "2026년 12월", 16, 4),
    ]
    december = rows[1]
    # December is the same day twice: counts doubled, rates and averages unchanged
    day = client.get(
        "/api/v1/calls/metrics",
        {**params, "date_from": "2026-12-02", "date_to": "2026-12-02", "group_by": "day"},
        **bearer(centre.officer),
    ).json()[0]
    for name in ("answered", "answered_within_standard", "over_3_min", "missed", "abandoned"):
        assert december[name] == 2 * day[name], name
    for name in ("within_standard_rate", "service_level", "asa_s", "aht_s"):
        assert december[name] == day[name], name
    only_dec = client.get(
        "/api/v1/calls/metrics", {**params, "date_from": "2026-12-03"}, **bearer(centre.officer)
    ).json()
    assert [(r["key"], r["offered"]) for r in only_dec] == [("2026-12", 8)]
