"""The counter, field visits, the expert room and meetings through their services, and their compliance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from chinjeol.charter.compliance import providers
from chinjeol.core.errors import DomainError
from chinjeol.core.periods import Period
from chinjeol.notify.models import Message
from chinjeol.reports.compliance import counts
from chinjeol.reports.compliance import queries as compliance
from chinjeol.visits import services
from chinjeol.visits.models import Booking, Expert, ExpertSlot, FieldVisit, Meeting, PriorityGroup
from chinjeol.visits.provider import visit_tallies
from chinjeol.visits.services.counter import VisitIntake
from chinjeol.visits.services.experts import BookingIntake
from chinjeol.visits.services.field import Appointment
from chinjeol.visits.services.meetings import MeetingRecord
from tests.factories import at

pytestmark = pytest.mark.django_db
NOVEMBER = Period.containing(date(2026, 11, 1), "month")


def log(org, arrived, guided=None, department=None):
    return services.visit_log(
        intake=VisitIntake(
            department_id=(department or org.civil).pk, purpose="여권 재발급 (010-1234-5678)", arrived_at=arrived,
            guided_at=guided,
        ),
        by=org.people["clerk"],
        now=max(arrived, guided or arrived) + timedelta(seconds=1),
    )  # fmt: skip


def test_a_visit_is_numbered_masked_and_judged_to_the_second(org):
    arrived = at(2026, 11, 23, 9, 30).replace(microsecond=400_000)
    first = log(org, arrived, arrived + timedelta(minutes=5, microseconds=500_000))
    second = log(org, arrived, arrived + timedelta(minutes=5, seconds=1))
    assert (first.number, second.number) == (1, 2)
    assert "5678" not in first.purpose
    assert first.version.standard.code == "VISIT_GUIDE" and first.deadline == at(2026, 11, 23, 9, 35)
    assert first.met is True and second.met is False
    lines = {s.key: s for s in compliance.summary(NOVEMBER, at(2026, 11, 30, 18)).standards}
    assert (lines["VISIT_GUIDE"].tally.judged, lines["VISIT_GUIDE"].tally.met) == (2, 1)
    assert lines["VISIT_GUIDE"].link == "/visits/"


def test_waiting_and_cancelled_visits(org):
    arrived = at(2026, 11, 23, 10, 0)
    waiting = log(org, arrived)
    early = log(org, arrived)
    late = log(org, arrived)
    services.visit_cancel(visit=early, now=arrived + timedelta(minutes=2))
    services.visit_cancel(visit=late, now=arrived + timedelta(minutes=9))
    tallies = visit_tallies(NOVEMBER, arrived + timedelta(minutes=4))
    assert sum(t.judged for t in tallies.values()) == 0  # nothing final yet
    tallies = visit_tallies(NOVEMBER, arrived + timedelta(minutes=30))
    assert sum(t.judged for t in tallies.values()) == 2  # waiting and late: missed; early: not judged
    assert sum(t.met for t in tallies.values()) == 0
    with pytest.raises(DomainError):
        services.visit_guide(
            visit=early, at=arrived + timedelta(minutes=3), now=arrived + timedelta(minutes=3)
        )
    services.visit_guide(visit=waiting, at=arrived + timedelta(minutes=3), now=arrived + timedelta(minutes=3))
    assert (
        visit_tallies(NOVEMBER, arrived + timedelta(minutes=30))[(org.civil.pk, waiting.version_id)].met == 1
    )


def test_visit_intake_refuses_bad_moments(org):
    now = at(2026, 11, 23, 10)
    with pytest.raises(DomainError) as error:
        services.visit_log(
            intake=VisitIntake(department_id=org.civil.pk, purpose="상담", arrived_at=now, guided_at=now - timedelta(1)),
            by=None, now=now,
        )  # fmt: skip
    assert error.value.field == "guided_at"
    with pytest.raises(DomainError) as error:
        services.visit_log(
            intake=VisitIntake(department_id=org.civil.pk, purpose=" ", arrived_at=now), by=None, now=now
        )
    assert error.value.field == "purpose"


# --- field visits -----------------------------------------------------------------------------------------
def schedule(org, when, now):
    return services.field_visit_schedule(
        appointment=Appointment(
            official_id=org.people["clerk"].staff_id, citizen_name="최시민", citizen_phone="01098765432",
            place="한빛로 12 상가", purpose="영업 신고 현장 확인", scheduled_at=when,
        ),
        by=org.people["clerk"], now=now,
    )  # fmt: skip


def test_the_day_before_sms_is_queued_by_the_periodic_job_and_judged(org):
    visit = schedule(org, at(2026, 11, 24, 14), now=at(2026, 11, 16, 9))  # a Tuesday visit
    assert visit.notice_send_at == at(2026, 11, 23, 10) and visit.notice_due_at == at(2026, 11, 24, 0)
    assert services.field_visit_notices_send(now=at(2026, 11, 23, 9, 59)) == 0
    assert services.field_visit_notices_send(now=at(2026, 11, 23, 10, 0)) == 1
    assert services.field_visit_notices_send(now=at(2026, 11, 23, 10, 10)) == 0  # once
    visit.refresh_from_db()
    message = visit.notice_message
    assert message.kind == "field_visit_notice" and message.channel == Message.Channel.SMS
    for text in ("민원팀", "김민원", "영업 신고 현장 확인", "2026. 11. 24. 14:00"):
        assert text in message.body
    tallies = visit_tallies(NOVEMBER, at(2026, 11, 30))
    assert tallies[(org.team.pk, visit.version_id)].judged == 1
    assert tallies[(org.team.pk, visit.version_id)].met == 0  # queued, never sent
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENT, sent_at=at(2026, 11, 23, 10) + timedelta(seconds=5)
    )
    tallies = visit_tallies(NOVEMBER, at(2026, 11, 30))
    assert tallies[(org.team.pk, visit.version_id)].met == 1
    assert visit_tallies(NOVEMBER, at(2026, 11, 23, 23)) == {}  # not final before the deadline


def test_a_visit_arranged_late_is_told_at_once_and_a_phone_call_counts(org):
    late = schedule(org, at(2026, 11, 24, 9), now=at(2026, 11, 23, 16))
    assert late.notice_message is not None
    called = schedule(org, at(2026, 11, 25, 9), now=at(2026, 11, 16, 9))
    services.field_visit_called(
        visit=called, at=at(2026, 11, 17, 9), by=org.people["clerk"], now=at(2026, 11, 17, 9)
    )
    tallies = visit_tallies(NOVEMBER, at(2026, 11, 30))
    assert tallies[(org.team.pk, called.version_id)].judged == 2
    assert tallies[(org.team.pk, called.version_id)].met == 1  # the phone call; the late SMS was never sent
    assert services.field_visit_notices_send(now=at(2026, 11, 24, 10)) == 0  # the called one needs no SMS


def test_result_follow_up_and_outcome(org):
    visit = schedule(org, at(2026, 11, 24, 14), now=at(2026, 11, 16, 9))
    clerk = org.people["clerk"]
    visit = services.field_visit_record(
        visit=visit, visited_at=at(2026, 11, 24, 14, 5), result="현장 확인을 마쳤습니다.",
        follow_up="간판 규격은 건축과 협의 후 알려 드림", by=clerk, now=at(2026, 11, 24, 16),
    )  # fmt: skip
    assert visit.status == FieldVisit.Status.FOLLOW_UP
    visit = services.field_visit_follow_up_done(
        visit=visit, outcome="간판 규격은 가로 3m까지 허용됩니다.", by=clerk, now=at(2026, 11, 26, 10)
    )
    assert visit.status == FieldVisit.Status.DONE
    assert "가로 3m" in visit.outcome_message.body and visit.outcome_message.kind == "field_visit_outcome"
    kinds = list(visit.events.values_list("kind", flat=True))
    assert kinds == ["scheduled", "visited", "follow_up_done"]


def test_a_visit_cancelled_before_its_notice_is_not_judged(org):
    visit = schedule(org, at(2026, 11, 24, 14), now=at(2026, 11, 16, 9))
    services.field_visit_cancel(visit=visit, by=org.people["clerk"], now=at(2026, 11, 20, 9))
    assert visit_tallies(NOVEMBER, at(2026, 11, 30)) == {}


# --- the expert room --------------------------------------------------------------------------------------
@pytest.fixture
def room(db):
    expert = Expert.objects.create(name="한변호", field=Expert.Field.LAW)
    slot = ExpertSlot.objects.create(expert=expert, starts_at=at(2026, 11, 26, 14), seats=2)
    poor = PriorityGroup.objects.create(name="기초생활수급자", rank=1)
    disabled = PriorityGroup.objects.create(name="장애인", rank=2)
    return slot, poor, disabled


def ask(slot, phone, group=None, minute=0, by=None):
    return services.booking_request(
        intake=BookingIntake(
            slot_id=slot.pk, citizen_name="김신청", citizen_phone=phone, topic="임대차 보증금 반환 상담",
            group_id=group.pk if group else None, channel=Booking.Channel.WEB,
        ),
        by=by, now=at(2026, 11, 20, 9, minute),
    )  # fmt: skip


def test_bookings_are_allocated_vulnerable_first_and_waitlist_moves_up(room):
    slot, poor, disabled = room
    first = ask(slot, "01011110001", minute=0)
    second = ask(slot, "01011110002", group=disabled, minute=1)
    third = ask(slot, "01011110003", group=poor, minute=2)
    assert {b.status for b in (first, second, third)} == {Booking.Status.REQUESTED}
    assert services.slots_allocate_due(now=at(2026, 11, 24, 9, 59)) == 0
    assert services.slots_allocate_due(now=at(2026, 11, 24, 10)) == 1
    statuses = dict(Booking.objects.values_list("pk", "status"))
    assert statuses[third.pk] == statuses[second.pk] == Booking.Status.CONFIRMED
    assert statuses[first.pk] == Booking.Status.WAITLISTED
    assert Message.objects.filter(kind="expert_booking").count() == 3
    services.booking_cancel(booking=second, now=at(2026, 11, 24, 11))
    assert Booking.objects.get(pk=first.pk).status == Booking.Status.CONFIRMED
    late = ask(slot, "01011110004", group=poor, minute=3)  # after allocation: no seat left, waits
    assert late.status == Booking.Status.WAITLISTED
    with pytest.raises(DomainError):
        ask(slot, "01011110001")  # the same phone twice


def test_reminder_record_and_satisfaction(room):
    slot, poor, _ = room
    booking = ask(slot, "01022220001", group=poor)
    services.slot_allocate(slot=slot, now=at(2026, 11, 24, 10))
    from chinjeol.visits.services.experts import reminders_send

    assert reminders_send(now=at(2026, 11, 25, 9)) == 0
    assert reminders_send(now=at(2026, 11, 25, 10)) == 1
    assert reminders_send(now=at(2026, 11, 25, 11)) == 0
    with pytest.raises(DomainError):
        services.booking_record(
            booking=booking, attended=True, record="x", satisfaction=5, now=at(2026, 11, 25)
        )
    done = services.booking_record(
        booking=booking, attended=True, record="보증금 반환 소송 절차 안내. 연락처 010-3333-4444", satisfaction=5,
        now=at(2026, 11, 26, 15),
    )  # fmt: skip
    assert done.status == Booking.Status.DONE and "4444" not in done.record and done.satisfaction == 5


# --- yearly counts ----------------------------------------------------------------------------------------
def test_meetings_and_surveys_are_counted_for_the_year(org, monkeypatch):
    for month in (3, 6):
        services.meeting_log(
            record=MeetingRecord(
                held_on=date(2026, month, 10), group="사회적경제 협의회", title="서비스 개선", attendees=12,
                minutes="의견 청취", opinions="", department_id=org.civil.pk,
            ),
            by=org.people["officer"], now=at(2026, 11, 1),
        )  # fmt: skip
    fake = {"n": 0}
    # in place of the surveys app's provider, which is put back afterwards whatever the test order
    monkeypatch.setitem(
        providers.COUNT_PROVIDERS, "SATISFACTION_SURVEY", lambda start, end, departments: fake["n"]
    )
    h1 = {c.code: c for c in counts.count_lines(Period("half", 2026, 1), at(2026, 11, 30))}
    assert h1["STAKEHOLDER_MEETINGS"].judgement.count == 2
    assert h1["STAKEHOLDER_MEETINGS"].status == "running"
    assert h1["STAKEHOLDER_MEETINGS"].status_label == "진행 중 (1회 남음)"
    year = {c.code: c for c in counts.count_lines(Period("year", 2026, 1), at(2027, 1, 2))}
    assert year["STAKEHOLDER_MEETINGS"].status == "missed"
    assert year["SATISFACTION_SURVEY"].status == "missed"
    fake["n"] = 1
    year = {c.code: c for c in counts.count_lines(Period("year", 2026, 1), at(2027, 1, 2))}
    assert year["SATISFACTION_SURVEY"].status == "met"
    summary = compliance.summary(Period("half", 2026, 2), at(2026, 12, 31, 12))
    assert [c.code for c in summary.counts] == ["STAKEHOLDER_MEETINGS", "SATISFACTION_SURVEY"]
    scoped = {
        c.code: c
        for c in counts.count_lines(Period("year", 2026, 1), at(2027, 1, 2), departments={org.tax.pk})
    }
    assert scoped["STAKEHOLDER_MEETINGS"].judgement.count == 0
    monkeypatch.delitem(providers.COUNT_PROVIDERS, "SATISFACTION_SURVEY")
    unmeasured = {c.code: c for c in counts.count_lines(Period("year", 2026, 1), at(2027, 1, 2))}
    assert unmeasured["SATISFACTION_SURVEY"].status == "unmeasured"
    assert Meeting.objects.count() == 2


def test_the_published_half_year_shows_the_yearly_counts(org):
    from chinjeol.charter.pdf import report_pdf
    from chinjeol.reports.services import charter_report_publish

    services.meeting_log(
        record=MeetingRecord(
            held_on=date(2026, 3, 10), group="주민자치위원회", title="의견 청취", attendees=9, minutes="회의록",
            opinions="", department_id=org.civil.pk,
        ),
        by=org.people["officer"], now=at(2026, 4, 1),
    )  # fmt: skip
    report = charter_report_publish(
        period=Period("half", 2026, 1), improvements="간담회를 하반기에 두 번 더 엽니다.", by=org.people["officer"],
        now=at(2026, 7, 15),
    )  # fmt: skip
    counted = {c["code"]: c for c in report.snapshot["counts"]}
    assert counted["STAKEHOLDER_MEETINGS"]["count"] == 1
    assert counted["STAKEHOLDER_MEETINGS"]["status_label"] == "진행 중 (2회 남음)"
    assert counted["STAKEHOLDER_MEETINGS"]["span"] == "2026. 1. 1. ~ 2026. 6. 30."
    assert report_pdf(report).startswith(b"%PDF")
