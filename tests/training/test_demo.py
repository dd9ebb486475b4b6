"""The demo's year of training: the course set with its video, completions as 교육 이수 mileage, realistic gaps."""

from __future__ import annotations

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_a_year_of_training_with_gaps():
    from chinjeol.core.models import User
    from chinjeol.demo import charter, organization, training
    from chinjeol.kindness.models import MileageEntry
    from chinjeol.training import queries
    from chinjeol.training.models import Assignment, Completion, Material, Session

    organization.build()
    charter.build()
    training.build()
    assert Material.objects.get(kind="video").file.read(4) == b"\x1aE\xdf\xa3"  # WebM
    completions = Completion.objects.count()
    assert completions > 500
    assert MileageEntry.objects.filter(source_type="training_completion").count() == completions
    for course_id in Completion.objects.values_list("course_id", flat=True).distinct():
        done = set(Completion.objects.filter(course_id=course_id).values_list("staff_id", flat=True))
        still_open = set(
            Assignment.objects.filter(course_id=course_id, completed_at__isnull=True).values_list(
                "staff_id", flat=True
            )
        )
        assert not done & still_open  # a completion closes the assignment
    today = timezone.localdate()
    rates = [r.rate for r in queries.department_rates(None, today.year, today) if r.rate is not None]
    assert min(rates) < 70 < max(rates)  # some departments lag
    slow = User.objects.get(username="staff").staff
    assert any(r.state == "overdue" for r in queries.my_assignments(slow, today))
    assert Session.objects.filter(attendance__present=True).exists()
