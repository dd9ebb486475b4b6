"""The demo's counter, field visits, expert room and meetings are there and judged."""

from __future__ import annotations

import time

import pytest
from django.utils import timezone

from chinjeol.core.periods import Period
from chinjeol.demo import demo_load
from chinjeol.notify.models import Message
from chinjeol.reports.compliance import queries as compliance
from chinjeol.visits.models import Booking, FieldVisit, Meeting, Visit


@pytest.mark.django_db
def test_demo_visits():
    started = time.monotonic()
    demo_load(scale=0.05)
    print(f"demo at 0.05: {time.monotonic() - started:.1f} s")
    now = timezone.now()
    assert Visit.objects.filter(department__name="민원여권과").count() > 20
    assert Visit.objects.filter(status=Visit.Status.WAITING).count() == 3
    guided = Visit.objects.filter(guided_at__isnull=False)
    assert 0 < sum(1 for v in guided if not v.met) < guided.count() / 4
    assert FieldVisit.objects.filter(notice_message__sent_at__isnull=False).exists()
    assert FieldVisit.objects.filter(status=FieldVisit.Status.SCHEDULED, scheduled_at__gt=now).count() >= 3
    assert Message.objects.filter(kind="field_visit_notice", status=Message.Status.SENT).exists()
    assert Booking.objects.filter(status=Booking.Status.DONE, satisfaction__isnull=False).exists()
    assert Booking.objects.filter(group__isnull=False, status__in=["confirmed", "done"]).exists()
    assert Meeting.objects.exists()
    year = compliance.summary(Period.containing(timezone.localdate(), "year"), now)
    lines = {s.key: s for s in year.standards}
    assert lines["VISIT_GUIDE"].tally.judged > 0 and lines["FIELD_VISIT_NOTICE"].tally.judged > 0
    assert 80 <= lines["VISIT_GUIDE"].tally.rate <= 99
    assert "STAKEHOLDER_MEETINGS" in {c.code for c in year.counts}
