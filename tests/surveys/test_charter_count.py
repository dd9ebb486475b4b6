"""A published satisfaction survey counts toward the charter's "at least once a year" standard."""

from datetime import date

import pytest

from chinjeol.charter.compliance.providers import COUNT_PROVIDERS
from chinjeol.surveys.models import Survey
from tests.factories import at


@pytest.mark.django_db
def test_published_surveys_count_for_the_yearly_standard(org):
    count = COUNT_PROVIDERS["SATISFACTION_SURVEY"]
    assert count(date(2026, 1, 1), date(2027, 1, 1), None) == 0
    Survey.objects.create(title="2026년 민원 만족도 조사", published_at=at(2026, 11, 30))
    assert count(date(2026, 1, 1), date(2027, 1, 1), None) == 1
    assert count(date(2026, 1, 1), date(2026, 11, 30), {org.civil.pk}) == 0  # the end is not included
    assert count(date(2026, 1, 1), date(2026, 12, 1), {org.civil.pk}) == 1
