from __future__ import annotations

import pytest
from django.utils import timezone

from chinjeol.core.models import User
from chinjeol.demo import demo_load
from chinjeol.kindness.models import MileageEntry
from chinjeol.surveys import inbox, queries
from chinjeol.surveys.models import HappyCall, Survey


@pytest.mark.django_db
def test_demo_has_a_year_of_happy_calls_and_the_published_annual_survey():
    demo_load(scale=0.05)
    now = timezone.now()
    statuses = set(HappyCall.objects.values_list("status", flat=True))
    assert statuses == {"waiting", "answered", "unreachable"}
    assert set(HappyCall.objects.exclude(answered_via="").values_list("answered_via", flat=True)) == {
        "link",
        "phone",
    }
    answered = HappyCall.objects.filter(status="answered")
    assert (
        MileageEntry.objects.filter(source_type="happy_call").count()
        == answered.exclude(case__assignee__isnull=True).count()
    )
    assert HappyCall.objects.filter(dissatisfied=True, catch_done_at__isnull=False).exists()
    head = User.objects.get(username="head")
    items = {i.label: i.count for i in inbox.work_for(head, now)}
    assert items["불만족 해피콜 — 부서장 불만 해소 전화"] >= 1
    annual = Survey.objects.get(is_annual=True)
    assert annual.published_at and annual.action_lines and annual.responses.count() >= 50
    assert queries.published_count(annual.published_at.date(), annual.published_at.date()) == 1
    assert Survey.objects.filter(status="open").exists()
