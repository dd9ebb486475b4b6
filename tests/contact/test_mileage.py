from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chinjeol.contact import rules
from chinjeol.contact.mileage import SOURCE_TYPE, phone_mileage_month

from .conftest import kst
from .test_compliance import load_day


def test_phone_mileage_events_by_hand():
    good = rules.MonthFigures(answered=100, judged=100, within=92, over_3_min=20, hung_up_first=85,
                              callbacks_due=3, callbacks_met=3)  # fmt: skip
    assert len(rules.phone_mileage_events(good)) == 3
    slow = rules.MonthFigures(100, 100, 89, 20, 85, 3, 3)
    assert rules.phone_mileage_events(slow) == ["콜백 3건 모두 기한 안"]
    long_talks = rules.MonthFigures(100, 100, 95, 31, 85, 0, 0)
    assert rules.phone_mileage_events(long_talks) == ["기준 안 응답 95.0%"]
    few = rules.MonthFigures(19, 19, 19, 0, 19, 1, 1)
    assert rules.phone_mileage_events(few) == []
    strict = rules.MileageRule(within_rate=Decimal("96"))
    assert rules.phone_mileage_events(good, strict) == ["콜백 3건 모두 기한 안"]


@pytest.mark.django_db
def test_monthly_job_writes_traceable_idempotent_entries(centre, settings):
    from chinjeol.kindness.models import MileageEntry
    from chinjeol.kindness.sources import source_name

    settings.CHINJEOL_CONTACT = {"MILEAGE": {"MIN_ANSWERED": 1}}
    load_day(18, month=11)
    assert phone_mileage_month(date(2026, 11, 1), now=kst(9, 0)) == 1
    entry = MileageEntry.objects.get(source_type=SOURCE_TYPE)
    # 리더임 answered u7 within the standard (100 %); 김민원 had 2 of 3 and one late call-back
    assert entry.staff_id == centre.leader.staff_id and entry.source_id == f"2026-11:{centre.leader.staff_id}"
    assert "기준 안 응답 100.0%" in entry.note and entry.points > 0
    assert source_name(SOURCE_TYPE) == "전화응대 월간 집계"
    phone_mileage_month(date(2026, 11, 1), now=kst(9, 0))
    assert MileageEntry.objects.filter(source_type=SOURCE_TYPE).count() == 1
