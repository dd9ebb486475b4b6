"""Happy-call answers feed the satisfaction part of the service-quality index."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.core.periods import Period
from chinjeol.quality.queries import SQI_COMPONENTS
from chinjeol.surveys import rules, services
from chinjeol.surveys.models import HappyCall
from tests.factories import at


@given(st.decimals(min_value=1, max_value=5, places=2))
def test_the_index_runs_from_0_to_100_with_the_score(mean):
    value = rules.satisfaction_index(mean)
    assert Decimal(0) <= value <= Decimal(100)
    assert value == rules.satisfaction_index(mean)  # the same every time


def test_channels_map_to_contact_points():
    assert rules.contact_point_of("phone") == "phone"
    assert rules.contact_point_of("visit") == "visit"
    assert rules.contact_point_of("chat") == "callcenter"
    assert rules.contact_point_of("epeople") == "web" and rules.contact_point_of("web") == "web"


@pytest.mark.django_db
def test_answered_happy_calls_give_the_department_its_satisfaction(closed_case, org):
    component = SQI_COMPONENTS["survey"]
    case = closed_case(channel="phone")
    call = HappyCall.objects.get(case=case)
    services.happy_call_answer(
        call_id=call.pk, scores={"score_result": 5, "score_kindness": 5, "score_speed": 4, "score": 4},
        comment="", via="phone", now=at(2026, 11, 26, 12),
    )  # fmt: skip
    month = Period.parse("2026-11")
    case.refresh_from_db()
    assert component(month, at(2026, 12, 2)) == {(case.department_id, "phone"): Decimal("75.00")}
    assert component(Period.parse("2026-10"), at(2026, 12, 2)) == {}
    assert component(month, at(2026, 11, 26, 11)) == {}  # not answered yet at that moment
