from __future__ import annotations

import pytest

from chinjeol.contact import queries
from chinjeol.contact.models import CallbackObligation, CallRecord

pytestmark = pytest.mark.django_db


def test_demo_year_is_realistic_at_small_scale(org):
    from chinjeol.contact.demo import build
    from tests.factories import make_department, make_staff

    centre = make_department("민원콜센터", parent=org.civil, kind="team")
    for i in range(4):
        make_staff(department=centre, name=f"상담{i}")
    build(scale=0.02)
    calls = CallRecord.objects.all()
    assert calls.filter(queue__name="120").count() > 5000
    assert calls.filter(abandoned=True).exists() and calls.filter(missed=True).exists()
    assert calls.filter(direction="outbound").exists()
    assert set(queries.unmapped_extensions(10)[0].keys()) >= {"extension", "calls"}
    assert (
        CallbackObligation.objects.filter(status="met").count()
        > CallbackObligation.objects.filter(status="late").count()
    )
    answered = calls.filter(judged=True)
    share = answered.filter(within_standard=True).count() / answered.count()
    assert 0.5 < share < 0.98
