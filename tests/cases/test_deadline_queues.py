"""The deadline queues (기한 임박, 기한 경과) page through `DeadlineQueue` on both databases, empty or not."""

from __future__ import annotations

import pytest
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone

from chinjeol.cases import queries
from chinjeol.cases.models import Case
from tests.factories import at

CASE_READERS = ("officer", "auditor", "head", "leader", "clerk", "outsider")
EMPTY_QUERIES = ("", "&q=없는민원제목", "&status=closed", "&page=7", "&page=-1")


@pytest.mark.django_db
@pytest.mark.parametrize("queue", ["due_soon", "overdue"])
@pytest.mark.parametrize("who", CASE_READERS)
def test_an_empty_deadline_queue_is_an_empty_page(client_for, org, who, queue):
    client = client_for(getattr(org, who))
    for extra in EMPTY_QUERIES:
        response = client.get(f"{reverse('cases:queue')}?queue={queue}{extra}")
        assert response.status_code == 200, (who, queue, extra)


@pytest.mark.django_db
@pytest.mark.parametrize("queue", ["due_soon", "overdue"])
def test_a_search_that_matches_nothing_in_a_full_queue_is_an_empty_page(client_for, make_case, org, queue):
    now = timezone.now()
    make_case(now=at(2026, 10, 1, 10), title="오래된 민원")  # long overdue
    due_soon = make_case(now=now, title="곧 기한")
    Case.objects.filter(pk=due_soon.pk).update(due_at=now + timezone.timedelta(hours=2))
    client = client_for(org.officer)
    full = client.get(f"{reverse('cases:queue')}?queue={queue}").content.decode()
    assert ("오래된 민원" if queue == "overdue" else "곧 기한") in full
    response = client.get(f"{reverse('cases:queue')}?queue={queue}&q=없는민원제목")
    assert response.status_code == 200
    assert "오래된 민원" not in response.content.decode() and "곧 기한" not in response.content.decode()


@pytest.mark.django_db
def test_deadline_queue_slices_that_hold_nothing(make_case, org):
    now = timezone.now()
    for day in (1, 2, 3):
        make_case(now=at(2026, 10, day, 10))
    full = queries.DeadlineQueue(queries.queue(org.officer, "overdue", now))
    assert len(full[0:3]) == 3
    assert full[0:0] == [] and full[5:9] == [] and full[2:2] == []
    nothing = queries.DeadlineQueue(queries.queue(org.officer, "overdue", now).none())
    assert nothing[0:25] == []
    assert Paginator(queries.DeadlineQueue(Case.objects.none()), 25).get_page(1).object_list == []


@pytest.mark.django_db
def test_sqlite_reads_the_page_through_the_partial_index_without_falling_back(make_case, org):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite 전용 경로입니다.")
    for day in (1, 2, 3):
        make_case(now=at(2026, 10, day, 10))
    pager = queries.DeadlineQueue(queries.queue(org.officer, "overdue", timezone.now()))
    ids = pager._ids_through_index(slice(0, 2))
    assert ids is not None and len(ids) == 2  # None would mean SQLite refused the INDEXED BY plan
