"""Finding a case while the citizen is on the phone: receipt number or its end, name, phone, words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.cases import queries, rules
from chinjeol.cases.models import Case
from chinjeol.korean.pii import normalize_phone
from tests.factories import at


def test_a_word_is_read_every_way_it_can_be_meant():
    (receipt,) = rules.search_terms("2026-0005579", phone_of=normalize_phone)
    assert receipt.receipt == "2026-0005579"
    (last,) = rules.search_terms("5579", phone_of=normalize_phone)
    assert last.digits == "5579" and last.phone is None
    (phone,) = rules.search_terms("010-2345-6789", phone_of=normalize_phone)
    assert phone.phone == "010-2345-6789" and phone.digits == "01023456789"
    (name,) = rules.search_terms("김민원", phone_of=normalize_phone)
    assert (name.digits, name.phone, name.receipt) == (None, None, None)
    assert len(rules.search_terms(" ".join(["가"] * 20), phone_of=normalize_phone)) == 8


@given(st.text(max_size=300))
def test_any_text_gives_at_most_eight_short_terms(text):
    terms = rules.search_terms(text, phone_of=normalize_phone)
    assert len(terms) <= 8 and all(len(t.text) <= 50 for t in terms)


@pytest.mark.django_db
def test_the_examples_find_the_case(make_case):
    case = make_case(
        now=at(2026, 11, 23, 10),
        title="가로등 고장 신고",
        body="아파트 정문 앞 가로등이 꺼져 있습니다.",
        customer_name="김민원",
        customer_phone="010-2345-6789",
    )
    other = make_case(now=at(2026, 11, 23, 11), customer_name="이다른", customer_phone="010-1111-2222")
    found = lambda q: set(queries.search(Case.objects.all(), q).values_list("pk", flat=True))  # noqa: E731
    assert found("김민원") == {case.pk}
    assert found("010-2345-6789") == {case.pk} and found("01023456789") == {case.pk}
    assert found("6789") == {case.pk}
    assert found(case.receipt_no) == {case.pk} and found(case.receipt_no[-4:]) == {case.pk}
    assert found("가로등 정문") == {case.pk}
    assert found("가로등 이다른") == set()
    assert found(other.receipt_no) == {other.pk}


@pytest.mark.django_db
def test_the_queue_page_and_the_api_search_the_same_way(client_for, org, make_case):
    from chinjeol.core.models import ApiToken

    case = make_case(now=at(2026, 11, 23, 10), customer_name="김민원", customer_phone="010-2345-6789")
    page = client_for(org.officer).get("/cases/", {"queue": "all", "q": "6789"}).content.decode()
    assert case.receipt_no in page
    token = ApiToken.issue(org.officer)[1]
    api = client_for(org.officer).get("/api/v1/cases", {"q": "김민원"}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert [c["id"] for c in api.json()["items"]] == [case.pk]
