"""The workflow kit every app shares: counters, locked rows, status transitions, event rows."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from chinjeol.cases.models import Case, CaseEvent, ReceiptCounter
from chinjeol.core.counters import next_number
from chinjeol.core.errors import DomainError
from chinjeol.core.workflow import locked, transition


@pytest.mark.django_db
def test_next_number_starts_at_one_and_counts_per_key():
    assert [next_number(ReceiptCounter, 2026) for _ in range(3)] == [1, 2, 3]
    assert next_number(ReceiptCounter, 2027) == 1
    assert ReceiptCounter.objects.get(year=2026).last == 3


@pytest.mark.django_db
def test_next_number_rolls_back_with_its_transaction():
    next_number(ReceiptCounter, 2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        next_number(ReceiptCounter, 2026)
        raise RuntimeError
    assert next_number(ReceiptCounter, 2026) == 2


@pytest.mark.django_db(transaction=True)
def test_next_number_is_unique_under_concurrency():
    if connection.vendor == "sqlite":
        pytest.skip(
            "메모리 위 SQLite 시험 DB는 연결이 하나뿐입니다 (쓰기 대기열은 tests/core/test_sqlite_queue.py)"
        )
    numbers: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(6)

    def take() -> None:
        try:
            start.wait()
            for _ in range(10):
                with transaction.atomic():
                    n = next_number(ReceiptCounter, 2030)
                with lock:
                    numbers.append(n)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, 61))


@pytest.mark.django_db
def test_locked_returns_the_row_and_a_korean_404(make_case):
    case = make_case()
    with transaction.atomic():
        assert locked(Case, case.pk, related=("department",)).pk == case.pk
        with pytest.raises(DomainError) as error:
            locked(Case, case.pk + 999, missing="민원을 찾을 수 없습니다.")
    assert error.value.status == 404 and error.value.message == "민원을 찾을 수 없습니다."


def test_transition_moves_by_the_rule_and_returns_the_old_status():
    class Subject:
        status = "received"

    def problem(current: str, target: str) -> str | None:
        return (
            None
            if (current, target) == ("received", "assigned")
            else f"{current}에서 {target}(으)로 갈 수 없습니다."
        )

    subject = Subject()
    assert transition(subject, "assigned", problem=problem) == "received"
    assert subject.status == "assigned"
    with pytest.raises(DomainError) as error:
        transition(subject, "closed", problem=problem)
    assert error.value.code == "state" and subject.status == "assigned"


@pytest.mark.django_db
def test_event_record_appends_on_its_subject(make_case, org):
    case = make_case()
    before = CaseEvent.objects.filter(case=case).count()
    event = CaseEvent.record(
        case, CaseEvent.Kind.NOTE, by=org.officer, at=case.received_at, note="메모", after="x"
    )
    assert CaseEvent.objects.filter(case=case).count() == before + 1
    assert (event.case, event.actor, event.note, event.from_status, event.to_status) == (
        case,
        org.officer,
        "메모",
        "",
        "x",
    )
