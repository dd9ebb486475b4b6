"""Deadline reminders are unique by a key (case and deadline), not by what their text happens to contain."""

from datetime import timedelta

import pytest

from chinjeol.cases import services
from chinjeol.cases.models import Case
from chinjeol.notify.models import Message
from tests.factories import at


@pytest.mark.django_db
def test_one_reminder_per_case_and_deadline_whatever_the_text(make_case, org):
    case = make_case(kind="other", channel="phone")
    services.case_assign(case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 23, 11))
    assert services.reminders_check(now=at(2026, 11, 23, 11)) == 1
    reminder = Message.objects.get(kind="reminder")
    assert reminder.dedupe_key == f"reminder:{case.pk}:{case.due_at.timestamp():.0f}"
    # the wording changed since (a new template, an edited title): still the same reminder
    Message.objects.filter(pk=reminder.pk).update(body="다른 문구", subject="다른 제목")
    Case.objects.filter(pk=case.pk).update(title="고친 제목")
    assert services.reminders_check(now=at(2026, 11, 23, 11, 30)) == 0
    # a new deadline is a new reminder
    Case.objects.filter(pk=case.pk).update(due_at=case.due_at + timedelta(hours=1))
    assert services.reminders_check(now=at(2026, 11, 23, 11, 40)) == 1
    assert Message.objects.filter(kind="reminder").count() == 2
