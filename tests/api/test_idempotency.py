import threading

import pytest
from django.db import connection
from django.test import Client

from chinjeol.api import idempotency
from chinjeol.cases.models import Case
from chinjeol.community.models import Report
from chinjeol.core.models import ApiToken, IdempotencyRecord
from chinjeol.kindness.models import MileageEntry
from tests.cases.test_api import PAYLOAD


def bearer(user, key=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return headers


def post(client, headers, payload=PAYLOAD, path="/api/v1/cases"):
    return client.post(path, payload, content_type="application/json", **headers)


@pytest.mark.django_db
def test_a_retry_with_the_same_key_returns_the_first_answer_and_creates_nothing(client, org):
    headers = bearer(org.officer, "3f2a-첫")  # not ASCII: refused
    assert post(client, headers).status_code == 422
    headers = bearer(org.officer, "intake-0001")
    first = post(client, headers)
    assert first.status_code == 201 and "Idempotent-Replayed" not in first
    again = post(client, headers)
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert Case.objects.count() == 1
    # the same body with its keys in another order is the same request
    reordered = dict(reversed(list(PAYLOAD.items())))
    assert post(client, headers, reordered).json()["id"] == first.json()["id"]
    # without a key every request creates
    assert post(client, bearer(org.officer)).json()["id"] != first.json()["id"]
    assert Case.objects.count() == 2


@pytest.mark.django_db
def test_the_same_key_with_another_body_is_refused_in_korean(client, org):
    headers = bearer(org.officer, "k-1")
    assert post(client, headers).status_code == 201
    response = post(client, headers, {**PAYLOAD, "title": "다른 민원"})
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "Idempotency-Key" and "다른 내용" in body["message"]
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_keys_are_per_caller_and_per_path(client, org):
    assert post(client, bearer(org.officer, "shared")).status_code == 201
    other = post(client, bearer(org.clerk, "shared"))
    assert other.status_code == 201 and "Idempotent-Replayed" not in other
    assert Case.objects.count() == 2
    report = {
        "kind": "praise",
        "body": "친절하게 안내해 주셨습니다.",
        "reporter": {"name": "이시민", "phone": "01012345678"},
        "official_name": "김민원",
        "department": org.team.pk,
    }
    first = post(client, bearer(org.officer, "shared"), report, "/api/v1/community/reports")
    assert first.status_code == 201, first.json()
    second = post(client, bearer(org.officer, "shared"), report, "/api/v1/community/reports")
    assert second.json() == first.json() and Report.objects.count() == 1


@pytest.mark.django_db
def test_errors_are_not_remembered_and_nothing_is_half_written(client, org):
    headers = bearer(org.officer, "fix-and-retry")
    bad = post(client, headers, {**PAYLOAD, "received_at": "2026-11-23T09:30:00"})
    assert bad.status_code == 400 and not IdempotencyRecord.objects.exists()
    assert post(client, bearer(org.evaluator, "fix-and-retry")).status_code == 403
    assert post(client, headers).status_code == 201
    assert IdempotencyRecord.objects.count() == 1


@pytest.mark.django_db
def test_batch_registration_is_idempotent(client, org):
    row = {
        "employee_no": org.clerk.staff.employee_no,
        "item": "phone",
        "occurred_at": "2026-11-02T10:00:00+09:00",
    }
    payload = {"entries": [row]}
    headers = bearer(org.officer, "batch-1")
    first = post(client, headers, payload, "/api/v1/kindness/entries")
    assert first.status_code == 201, first.json()
    assert post(client, headers, payload, "/api/v1/kindness/entries").json() == first.json()
    assert MileageEntry.objects.count() == 1


@pytest.mark.django_db
def test_when_two_requests_race_the_second_is_rolled_back_and_gets_the_first_answer(client, org, monkeypatch):
    """Both looked before either committed: the unique index decides, the loser's case is rolled back."""
    headers = bearer(org.officer, "race")
    first = post(client, headers)
    real_stored = idempotency._stored
    calls = []

    def blind_first_time(pending):
        calls.append(pending.key)
        return None if len(calls) == 1 else real_stored(pending)

    monkeypatch.setattr(idempotency, "_stored", blind_first_time)
    second = post(client, headers)
    assert second.status_code == 201 and second["Idempotent-Replayed"] == "true"
    assert second.json() == first.json() and Case.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite의 메모리 시험 DB는 스레드 간 동시 쓰기를 못 합니다 (파일 DB는 bench/kill9.py가 확인).",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_create_one_case(org):
    token = ApiToken.issue(org.officer)[1]
    answers, errors = [], []
    start = threading.Barrier(4)

    def send():
        try:
            start.wait()
            response = Client().post(
                "/api/v1/cases",
                PAYLOAD,
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {token}",
                HTTP_IDEMPOTENCY_KEY="same-moment",
            )
            answers.append((response.status_code, response.json()["id"]))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert {status for status, _ in answers} == {201} and len({pk for _, pk in answers}) == 1
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_expired_records_are_purged(client, org):
    from datetime import timedelta

    from django.utils import timezone

    post(client, bearer(org.officer, "old"))
    now = timezone.now()
    assert idempotency.records_purge(now=now) == 0
    assert idempotency.records_purge(now=now + idempotency.TTL + timedelta(seconds=1)) == 1


@pytest.mark.django_db
def test_the_header_is_documented_on_every_creating_operation(client):
    spec = client.get("/api/v1/openapi.json").json()
    posts = {
        path: ops["post"]
        for path, ops in spec["paths"].items()
        if "post" in ops and "201" in ops["post"].get("responses", {})
    }
    assert len(posts) >= 4
    for path, operation in posts.items():
        names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "header"]
        assert "Idempotency-Key" in names, path


def test_the_worker_purges_records_periodically():
    from chinjeol.core.periodic import PERIODIC

    assert "chinjeol.api.tasks.purge_idempotency_records" in PERIODIC
