"""The demo year of mileage: every colour present, most staff green or blue, traceable sources."""

import pytest
from django.utils import timezone

from chinjeol.core.models import User
from chinjeol.demo import demo_load
from chinjeol.kindness import queries
from chinjeol.kindness.models import MileageEntry, PeriodSnapshot, SnapshotAction
from chinjeol.kindness.rules import HALF, Period, Signal
from tests.clock import fixed_clock

_clock = fixed_clock(2026, 11, 23)  # these pages show today's month and half-year


def _spread_is_realistic(results) -> None:
    counts = results.distribution
    total = sum(counts.values())
    assert 370 <= total <= 430
    assert all(counts[s] > 0 for s in Signal), counts  # every colour present
    assert counts[Signal.BLUE] + counts[Signal.GREEN] > total / 2, counts  # most staff green or blue
    assert counts[Signal.RED] < total / 10 and counts[Signal.ORANGE] < total / 10, counts


@pytest.mark.django_db
def test_demo_year_of_mileage():
    demo_load()  # the whole year: the spread is only meaningful at full volume
    today = timezone.localdate()
    half = Period.containing(today, HALF)
    last_half = queries.compute_period(half.previous())
    _spread_is_realistic(last_half)
    assert today.month == 11  # the fixed clock: most of the current half has happened
    _spread_is_realistic(queries.compute_period(half))

    sources = set(MileageEntry.objects.values_list("source_type", flat=True).distinct())
    assert {
        "inspection",
        "happy_call",
        "training",
        "mystery",
        "kindness_report",
        "smile_selection",
    } <= sources
    assert MileageEntry.objects.filter(item__code="unkind").count() < 200
    first = MileageEntry.objects.order_by("occurred_at").first().occurred_at
    assert (timezone.localtime(first).date() - today).days > -366

    staff = User.objects.get(username="staff").staff
    mine = MileageEntry.objects.of_staff(staff.pk).in_period(half)
    assert mine.filter(item__code="phone", points__lt=0).count() >= 2
    assert mine.filter(item__code="training", points__gt=0).exists()
    counsellor = User.objects.get(username="counsellor").staff
    assert queries.compute_period(half.previous()).staff[counsellor.pk].signal in (Signal.BLUE, Signal.GREEN)

    snapshot = PeriodSnapshot.objects.latest_for(str(half.previous()))
    assert snapshot is not None and snapshot.staff_count == len(last_half.staff)
    kinds = list(snapshot.actions.values_list("kind", flat=True))
    assert kinds.count(SnapshotAction.Kind.AWARD) == 1 and kinds.count(SnapshotAction.Kind.ENCOURAGEMENT) == 3
