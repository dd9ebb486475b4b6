"""Training services: the quiz, completion and its mileage, assignments and their reach, reminders and chasing,
attendance, the unkind-report remedy and the xAPI record."""

from __future__ import annotations

from datetime import timedelta

import pytest

from chinjeol.core.errors import DomainError
from chinjeol.kindness.models import MileageEntry
from chinjeol.kindness.remedies import suggestions_for
from chinjeol.notify.models import Message
from chinjeol.training import queries, rules, services
from chinjeol.training.models import Assignment, Completion, Session, Statement

from .conftest import NOW, right_answers

pytestmark = pytest.mark.django_db


def test_passing_the_quiz_completes_the_course_and_earns_traceable_mileage(org, courses):
    course = courses["myungpum-1"]
    clerk = org.clerk.staff
    [assignment] = services.assign(
        course=course, target=rules.Target(rules.TargetKind.PERSON, staff_ids=frozenset({clerk.pk})),
        due_on=NOW.date() + timedelta(days=10), by=org.officer, now=NOW,
    )  # fmt: skip
    key = right_answers(course)
    wrong = {q: (a + 1) % 3 for q, a in key.items()}
    failed = services.quiz_submit(staff=clerk, course=course, answers=wrong, now=NOW)
    assert not failed.passed and failed.score == 0
    assert not Completion.objects.exists() and not MileageEntry.objects.exists()

    passed = services.quiz_submit(staff=clerk, course=course, answers=key, now=NOW + timedelta(minutes=5))
    assert passed.passed and passed.score == 100
    completion = Completion.objects.get()
    assignment.refresh_from_db()
    assert assignment.completed_at == NOW + timedelta(minutes=5)
    entry = MileageEntry.objects.get()
    assert (entry.staff, entry.item.code, entry.source_type, entry.source_id) == (
        clerk,
        "training",
        "training_completion",
        str(completion.pk),
    )
    assert entry.points == 2 and "명품 고객응대 1" in entry.source_label
    verbs = list(Statement.objects.filter(actor=clerk).values_list("verb", flat=True))
    assert verbs == ["assigned", "failed", "passed", "completed"]

    # A second pass in the same year is recorded as an attempt but earns nothing more.
    services.quiz_submit(staff=clerk, course=course, answers=key, now=NOW + timedelta(hours=1))
    assert Completion.objects.count() == 1 and MileageEntry.objects.count() == 1


def test_assignment_reaches_the_target_within_the_assigners_scope(org, courses):
    course = courses["phone-333"]
    scope = queries.scope_for(org.leader)  # 민원과 and 민원팀
    made = services.assign(
        course=course, target=rules.Target(rules.TargetKind.ROLE, role="staff"), due_on=NOW.date(),
        by=org.leader, now=NOW, scope=scope,
    )  # fmt: skip
    names = {a.staff.name for a in made}
    assert "김민원" in names and "박세무" not in names and "감사원" not in names
    # once per person and year: assigning again adds nobody
    again = services.assign(course=course, target=rules.Target(rules.TargetKind.ROLE, role="staff"),
                            due_on=NOW.date(), by=org.officer, now=NOW)  # fmt: skip
    assert {a.staff.name for a in again} == {"박세무", "감사원"}
    leaders = services.assign(course=courses["myungpum-2"], target=rules.Target(rules.TargetKind.ROLE,
                              role="cs_leader"), due_on=NOW.date(), by=org.officer, now=NOW)  # fmt: skip
    assert [a.staff.name for a in leaders] == ["리더임"]
    with pytest.raises(DomainError, match="오늘이나 그 뒤"):
        services.assign(course=course, target=rules.Target(rules.TargetKind.NEW_STAFF),
                        due_on=NOW.date() - timedelta(days=1), by=org.officer, now=NOW)  # fmt: skip


def test_new_staff_and_weakest_item_targets(org, courses):
    from chinjeol.kindness.services import mileage_record

    new = services.assign(course=courses["myungpum-1"], target=rules.Target(rules.TargetKind.NEW_STAFF),
                          due_on=NOW.date(), by=org.officer, now=NOW)  # fmt: skip
    assert len(new) == Assignment.objects.count() > 0  # everyone in the test agency was registered today
    # 김민원 trails the 민원팀 colleagues on the phone item
    from tests.factories import make_staff

    colleague = make_staff(department=org.team, name="이동료")
    mileage_record(staff=colleague, item_code="phone", occurred_at=NOW, source_type="inspection", source_id="t1",
                   points=6)  # fmt: skip
    weak = services.assign(
        course=courses["phone-333"], target=rules.Target(rules.TargetKind.WEAKEST_ITEM, item_code="phone"),
        due_on=NOW.date(), by=org.officer, now=NOW,
    )  # fmt: skip
    assert "김민원" in {a.staff.name for a in weak} and "이동료" not in {a.staff.name for a in weak}


def test_reminder_once_before_the_due_date_and_chasing_once_a_week(org, courses, settings):
    clerk = org.clerk.staff
    clerk.email = "clerk@example.go.kr"
    clerk.save()
    services.assign(course=courses["myungpum-1"], target=rules.Target(rules.TargetKind.PERSON,
                    staff_ids=frozenset({clerk.pk})), due_on=NOW.date() + timedelta(days=2), by=org.officer,
                    now=NOW)  # fmt: skip
    assert services.reminders_send(now=NOW) == 1
    assert services.reminders_send(now=NOW + timedelta(days=1)) == 0
    message = Message.objects.get(kind="training_reminder")
    assert "명품 고객응대 1" in message.subject and "2026. 11. 25." in message.body

    later = NOW + timedelta(days=5)
    assert services.gaps_chase(scope=queries.scope_for(org.leader), now=later) == 1
    assert services.gaps_chase(scope=None, now=later + timedelta(days=3)) == 0
    assert services.gaps_chase(scope=None, now=later + timedelta(days=7)) == 1
    assert Message.objects.filter(kind="training_chase").count() == 2
    # outside the chaser's departments nothing is chased
    assert services.gaps_chase(scope=frozenset({org.tax.pk}), now=later + timedelta(days=30)) == 0


def test_attendance_at_a_cascade_session_completes_its_course(org, courses):
    session = services.session_create(kind=Session.Kind.CASCADE, title="민원과 전달 교육", by=org.leader,
                                      course=courses["myungpum-1"], department=org.civil,
                                      starts_at=NOW - timedelta(hours=2))  # fmt: skip
    people = queries.staff_in(queries.scope_for(org.leader), org.civil.pk)
    present = {org.head.staff.pk}
    assert services.attendance_record(session=session, present_ids=present, candidates=people, by=org.leader,
                                      now=NOW) == 1  # fmt: skip
    assert Completion.objects.get().staff == org.head.staff
    assert queries.attendance_of(session)[org.leader.staff.pk] is False
    future = services.session_create(kind=Session.Kind.WORKSHOP, title="워크숍", by=org.leader,
                                     starts_at=NOW + timedelta(days=1))  # fmt: skip
    with pytest.raises(DomainError, match="열리기 전"):
        services.attendance_record(
            session=future, present_ids=present, candidates=people, by=org.leader, now=NOW
        )


def test_a_substantiated_unkind_report_assigns_the_kindness_course(org, courses):
    from chinjeol.community import services as community
    from tests.community.conftest import prevention_for

    report = community.report_receive(
        intake=community.ReportIntake(kind="unkind", body="창구에서 반말을 들었습니다.", reporter_name="정시민",
                                      reporter_phone="010-9876-5432", official_name="김민원",
                                      department_text="민원과", occurred_on=None, consent=True),
        now=NOW,
    )  # fmt: skip
    community.report_investigate(report_id=report.pk, by=org.officer, now=NOW)
    community.report_official_add(report_id=report.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=NOW)
    community.report_substantiate(report_id=report.pk, finding="사실", by=org.officer, now=NOW,
                                  prevention=prevention_for(org))  # fmt: skip
    assignment = Assignment.objects.get(staff=org.clerk.staff)
    assert assignment.course == courses["myungpum-3"] and assignment.reason == Assignment.Reason.UNKIND
    assert assignment.due_on == NOW.date() + timedelta(days=30) and report.receipt_no in assignment.note


def test_my_kindness_suggests_the_course_for_the_weakest_item(org, courses):
    [suggestion] = suggestions_for(org.clerk.staff, "phone", org.clerk)
    assert "전화응대 기본" in suggestion.label and suggestion.url == "/training/courses/phone-333/"
    assert suggestions_for(org.clerk.staff, "smile", org.clerk) == []


def test_statements_are_xapi(org, courses):
    course = courses["myungpum-1"]
    services.quiz_submit(staff=org.clerk.staff, course=course, answers=right_answers(course), now=NOW)
    [passed, completed] = [services.as_xapi(s) for s in Statement.objects.order_by("id")]
    assert passed["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert passed["result"]["success"] is True and passed["result"]["score"]["scaled"] == 1.0
    assert completed["actor"]["account"]["name"] == org.clerk.staff.employee_no
    assert completed["object"]["id"].endswith("/course/myungpum-1")
    assert completed["timestamp"] == "2026-11-23T01:00:00+00:00"  # UTC, as the LRS keeps it


def test_completion_rates_per_department(org, courses):
    services.assign(course=courses["myungpum-1"], target=rules.Target(rules.TargetKind.ROLE, role="staff"),
                    due_on=NOW.date() - timedelta(days=0), by=org.officer, now=NOW)  # fmt: skip
    course = courses["myungpum-1"]
    services.quiz_submit(staff=org.clerk.staff, course=course, answers=right_answers(course), now=NOW)
    rows = {r.name: r for r in queries.department_rates(None, 2026, NOW.date() + timedelta(days=1))}
    assert (rows["민원팀"].assigned, rows["민원팀"].done, str(rows["민원팀"].rate)) == (1, 1, "100.0")
    assert (rows["민원과"].assigned, rows["민원과"].done, rows["민원과"].overdue) == (3, 0, 3)
    assert str(queries.total_rate(list(rows.values())).rate) == "16.7"
