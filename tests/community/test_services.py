"""Services of the report centre: intake, the investigation, and every consequence of a decision."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chinjeol.community import services
from chinjeol.community.models import Evidence, PreventionMeasure, Report, ReportEvent, Task
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.errors import DomainError
from chinjeol.kindness.models import DepartmentDeduction, MileageEntry

from .conftest import NOW, at, prevention_for

pytestmark = pytest.mark.django_db


# --- intake -----------------------------------------------------------------------------------
def test_receive_masks_free_text_and_keeps_contact_in_its_own_fields(make_report):
    report = make_report(reporter_phone="01098765432")
    assert report.receipt_no == "R2026-00001"
    assert "010-9876-5432" not in report.body and "010-9876-****" in report.body
    assert report.reporter_phone == "010-9876-5432"
    assert report.status == Report.Status.RECEIVED
    assert report.occurred_on == NOW.date()
    assert report.consent_at == NOW
    assert list(report.events.values_list("kind", flat=True)) == ["received"]
    assert make_report().receipt_no == "R2026-00002"


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"reporter_phone": ""}, "reporter.phone", "연락처가 필요"),
        ({"reporter_phone": "12-34"}, "reporter.phone", "전화번호 형식"),
        ({"body": "   "}, "body", "있었던 일"),
        ({"reporter_name": ""}, "reporter.name", "이름"),
        ({"consent": False}, "consent", "동의"),
        ({"occurred_on": date(2026, 11, 24)}, "occurred_on", "오늘보다 늦을 수 없습니다"),
        ({"kind": "other"}, "kind", "칭찬 또는 불친절"),
    ],
)
def test_refused_intake_names_the_field(make_report, overrides, field, words):
    with pytest.raises(DomainError) as caught:
        make_report(**overrides)
    assert caught.value.field == field
    assert words in caught.value.message
    assert not Report.objects.exists()


def test_praise_needs_no_phone(make_report):
    assert make_report("praise", reporter_phone="").reporter_phone == ""


# --- investigation ----------------------------------------------------------------------------
def test_investigation_trail(org, make_report):
    report = make_report()
    services.report_investigate(report_id=report.pk, by=org.officer, now=NOW)
    services.report_official_add(report_id=report.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=NOW)
    evidence = services.report_evidence_add(
        report_id=report.pk,
        by=org.officer,
        now=NOW,
        note="CCTV 확인, 통화 상대 010-1111-2222",
        upload=SimpleUploadedFile("확인서.pdf", b"%PDF-1.7\n...", content_type="application/pdf"),
    )
    assert "010-1111-2222" not in evidence.note
    assert evidence.file.name.endswith(".pdf") and evidence.original_name == "확인서.pdf"
    official = report.reportofficial_set.get()
    assert official.department == org.civil  # 민원팀 answers through 민원과
    kinds = list(report.events.values_list("kind", "actor__username"))
    assert kinds == [
        ("received", None),
        ("investigation", "officer"),
        ("official_added", "officer"),
        ("evidence", "officer"),
    ]


def test_evidence_file_refused(org, make_report):
    report = make_report()
    fake = SimpleUploadedFile("run.pdf", b"MZ\x90\x00binary", content_type="application/pdf")
    with pytest.raises(DomainError, match="확장자"):
        services.report_evidence_add(report_id=report.pk, by=org.officer, now=NOW, upload=fake)
    with pytest.raises(DomainError, match="메모를 적거나"):
        services.report_evidence_add(report_id=report.pk, by=org.officer, now=NOW)
    assert not Evidence.objects.exists()


def test_refused_transitions_in_korean(org, make_report, investigated):
    report = make_report()
    with pytest.raises(DomainError, match="조사를 시작한 신고만"):
        services.report_substantiate(report_id=report.pk, finding="사실", by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="조사를 시작한 뒤"):
        services.report_official_add(
            report_id=report.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=NOW
        )
    services.report_investigate(report_id=report.pk, by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="관련 직원을 한 명 이상"):
        services.report_substantiate(
            report_id=report.pk, finding="사실", by=org.officer, now=NOW, prevention=prevention_for(org)
        )
    services.report_official_add(report_id=report.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="재발 방지 조치를 함께"):
        services.report_substantiate(report_id=report.pk, finding="사실", by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="조사 결과를 적어"):
        services.report_substantiate(
            report_id=report.pk, finding=" ", by=org.officer, now=NOW, prevention=prevention_for(org)
        )
    with pytest.raises(DomainError, match="이미 지정"):
        services.report_official_add(
            report_id=report.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=NOW
        )
    report.refresh_from_db()
    assert report.status == Report.Status.INVESTIGATING


def test_unsubstantiated_then_reopened(org, make_report):
    report = make_report()
    with pytest.raises(DomainError, match="불인정 사유"):
        services.report_unsubstantiate(report_id=report.pk, finding="", by=org.officer, now=NOW)
    services.report_unsubstantiate(
        report_id=report.pk, finding="해당 시간 근무자 없음", by=org.officer, now=NOW
    )
    services.report_investigate(report_id=report.pk, by=org.officer, now=NOW)
    report.refresh_from_db()
    assert report.status == Report.Status.INVESTIGATING
    assert report.events.last().kind == ReportEvent.Kind.REOPENED
    assert not MileageEntry.objects.exists()


# --- a substantiated unkind report ------------------------------------------------------------
def test_substantiated_unkind_report_has_every_consequence(org, investigated):
    report = investigated("unkind", org.clerk, org.outsider)
    services.report_substantiate(
        report_id=report.pk,
        finding="CCTV로 반말 확인",
        by=org.officer,
        now=NOW,
        prevention=prevention_for(org),
    )
    report.refresh_from_db()
    assert report.status == Report.Status.SUBSTANTIATED and report.decided_by == org.officer

    penalties = MileageEntry.objects.filter(source_type="kindness_report", source_id=str(report.pk))
    assert {(e.staff_id, e.item.code) for e in penalties} == {
        (org.clerk.staff.pk, "unkind"),
        (org.outsider.staff.pk, "unkind"),
    }
    assert all(e.points < 0 for e in penalties)
    assert all(e.source_label == f"{report.receipt_no} 불친절 신고 인정" for e in penalties)

    deductions = DepartmentDeduction.objects.filter(source_type="kindness_report", source_id=str(report.pk))
    assert {d.department for d in deductions} == {org.team, org.tax}
    assert all(d.half == 2 and d.year == 2026 for d in deductions)

    apologies = Task.objects.filter(report=report, kind=Task.Kind.APOLOGY_CALL)
    assert {t.assignee_department for t in apologies} == {org.civil, org.tax}
    # Monday 10:00 + 3 working days → Thursday 10:00
    assert {t.due_at for t in apologies} == {at(2026, 11, 26, 10)}

    measure = PreventionMeasure.objects.get(report=report)
    assert measure.responsible == org.leader.staff
    prevention = Task.objects.get(report=report, kind=Task.Kind.PREVENTION)
    assert prevention.assignee_user == org.leader and prevention.assignee_department is None

    entries = CompensationEntry.objects.filter(source_type="kindness_report", source_id=str(report.pk))
    assert {(e.staff_id, e.amount, e.recipient_name, e.reason) for e in entries} == {
        (org.clerk.staff.pk, 10_000, "정시민", "unkind"),
        (org.outsider.staff.pk, 10_000, "정시민", "unkind"),
    }
    assert report.events.filter(kind=ReportEvent.Kind.CONSEQUENCE).count() == 1


def test_substantiation_is_idempotent(org, investigated):
    from chinjeol.community.services import consequences

    report = investigated("unkind", org.clerk)
    services.report_substantiate(
        report_id=report.pk, finding="확인", by=org.officer, now=NOW, prevention=prevention_for(org)
    )
    counts = (MileageEntry.objects.count(), Task.objects.count(), CompensationEntry.objects.count())
    with pytest.raises(DomainError, match="이미 인정된 신고"):
        services.report_substantiate(
            report_id=report.pk, finding="확인", by=org.officer, now=NOW, prevention=prevention_for(org)
        )
    with pytest.raises(DomainError, match="이미 인정된 신고"):
        services.report_unsubstantiate(report_id=report.pk, finding="번복", by=org.officer, now=NOW)
    officials = list(report.reportofficial_set.select_related("staff", "department", "staff__department"))
    consequences.apply_unkind(
        report, officials=officials, prevention=prevention_for(org), by=org.officer, now=NOW
    )
    assert (MileageEntry.objects.count(), Task.objects.count(), CompensationEntry.objects.count()) == counts
    assert DepartmentDeduction.objects.count() == 1
    assert PreventionMeasure.objects.count() == 1


def test_nothing_half_written_when_a_consequence_fails(org, investigated, monkeypatch):
    from chinjeol.community.services import consequences

    report = investigated("unkind", org.clerk)

    def broken(**kwargs):
        raise DomainError("ledger", "보상 대장에 쓸 수 없습니다.")

    monkeypatch.setattr(consequences, "compensation_record", broken)
    with pytest.raises(DomainError, match="보상 대장"):
        services.report_substantiate(
            report_id=report.pk, finding="확인", by=org.officer, now=NOW, prevention=prevention_for(org)
        )
    report.refresh_from_db()
    assert report.status == Report.Status.INVESTIGATING and report.decided_at is None
    assert not MileageEntry.objects.exists()
    assert not DepartmentDeduction.objects.exists()
    assert not Task.objects.exists()
    assert not PreventionMeasure.objects.exists()
    assert not report.events.filter(kind__in=["substantiated", "consequence"]).exists()


def test_bad_prevention_measure_refuses_the_whole_decision(org, investigated):
    report = investigated("unkind", org.clerk)
    with pytest.raises(DomainError, match="오늘 이후"):
        services.report_substantiate(
            report_id=report.pk,
            finding="확인",
            by=org.officer,
            now=NOW,
            prevention=prevention_for(org, due_on=NOW.date() - timedelta(days=1)),
        )
    assert not MileageEntry.objects.exists() and not CompensationEntry.objects.exists()
    report.refresh_from_db()
    assert report.status == Report.Status.INVESTIGATING


def test_prevention_for_someone_without_account_goes_to_their_department_head(org, investigated):
    from tests.factories import make_staff

    nobody = make_staff(department=org.team, name="계정없음")
    report = investigated("unkind", org.clerk)
    services.report_substantiate(
        report_id=report.pk,
        finding="확인",
        by=org.officer,
        now=NOW,
        prevention=prevention_for(org, responsible_id=nobody.pk),
    )
    task = Task.objects.get(report=report, kind=Task.Kind.PREVENTION)
    assert task.assignee_user is None and task.assignee_department == org.civil


# --- a substantiated kind report and the praise-twice rule ------------------------------------
def _praise(org, investigated, *people, now=NOW):
    report = investigated("praise", *people, now=now)
    services.report_substantiate(report_id=report.pk, finding="친절 확인", by=org.officer, now=now)
    return report


def test_substantiated_praise_gives_incentive_mileage(org, investigated):
    report = _praise(org, investigated, org.clerk)
    entry = MileageEntry.objects.get(source_type="kindness_report", source_id=str(report.pk))
    assert entry.item.code == "praise" and entry.points > 0 and entry.staff == org.clerk.staff
    assert not Task.objects.exists()  # praised once: no encouragement yet
    assert not CompensationEntry.objects.exists()


def test_praised_twice_in_a_year_opens_one_encouragement_for_the_director(org, investigated):
    _praise(org, investigated, org.clerk, now=at(2026, 3, 2))
    second = _praise(org, investigated, org.clerk, now=at(2026, 11, 23))
    task = Task.objects.get(kind=Task.Kind.ENCOURAGEMENT)
    assert task.subject_staff == org.clerk.staff and task.year == 2026
    assert task.assignee_department == org.bureau  # 민원팀 → 민원과 → 행정국
    assert task.report == second and "2회" in task.title
    _praise(org, investigated, org.clerk)
    assert Task.objects.filter(kind=Task.Kind.ENCOURAGEMENT).count() == 1


def test_praise_in_different_years_does_not_add_up(org, investigated):
    _praise(org, investigated, org.clerk, now=at(2025, 12, 30))
    _praise(org, investigated, org.clerk, now=at(2026, 1, 5))
    assert not Task.objects.filter(kind=Task.Kind.ENCOURAGEMENT).exists()


def test_report_and_praise_board_count_together(org, investigated):
    _praise(org, investigated, org.outsider)
    post = services.praise_post_submit(
        intake=services.PraiseIntake(
            title="세무과 박세무 주무관님 고맙습니다",
            body="지방세 납부를 친절히 도와주셨습니다.",
            official_name="박세무",
            writer_name="이시민",
            consent=True,
        ),
        now=NOW,
    )
    services.praise_post_approve(post_id=post.pk, official_id=org.outsider.staff.pk, by=org.officer, now=NOW)
    task = Task.objects.get(kind=Task.Kind.ENCOURAGEMENT)
    # 세무과 stands under no bureau: its own head encourages
    assert task.assignee_department == org.tax and task.praise_post == post


# --- tasks --------------------------------------------------------------------------------------
def _apology(org, investigated):
    report = investigated("unkind", org.clerk)
    services.report_substantiate(
        report_id=report.pk, finding="확인", by=org.officer, now=NOW, prevention=prevention_for(org)
    )
    return Task.objects.get(report=report, kind=Task.Kind.APOLOGY_CALL)


def test_apology_call_outcome(org, investigated):
    task = _apology(org, investigated)
    later = NOW + timedelta(hours=3)
    with pytest.raises(DomainError, match="전화한 시각을"):
        services.task_complete(task_id=task.pk, by=org.head, now=later, outcome="사과드림")
    with pytest.raises(DomainError, match="지금보다 늦을 수 없습니다"):
        services.task_complete(
            task_id=task.pk,
            by=org.head,
            now=later,
            outcome="사과",
            called_at=later + timedelta(hours=1),
            reached=True,
        )
    with pytest.raises(DomainError, match="연결되었는지"):
        services.task_complete(task_id=task.pk, by=org.head, now=later, outcome="사과", called_at=later)
    services.task_complete(
        task_id=task.pk,
        by=org.head,
        now=later,
        outcome="직접 사과드렸고 재발 방지를 약속함",
        called_at=later,
        reached=True,
    )
    task.refresh_from_db()
    assert task.status == Task.Status.DONE and task.reached is True and task.done_by == org.head
    assert task.report.events.filter(kind="consequence", note__contains="통화함").exists()
    with pytest.raises(DomainError, match="이미 완료한"):
        services.task_complete(
            task_id=task.pk, by=org.head, now=later, outcome="다시", called_at=later, reached=True
        )


# --- from a case --------------------------------------------------------------------------------
def test_report_from_an_unkind_case(org):
    from chinjeol.cases import services as case_services

    case = case_services.case_register(
        intake=case_services.CaseIntake(
            channel="web",
            kind="unkind",
            title="민원실 직원이 불친절했습니다",
            body="서류를 던지듯 주었습니다.",
            customer_name="최시민",
            customer_phone="010-2222-3333",
            department_id=org.civil.pk,
        ),
        by=None,
        now=at(2026, 11, 20),
    )
    report = services.report_from_case(
        case_id=case.pk, by=org.officer, now=NOW, official_name="창구 2번 직원"
    )
    assert report.case == case and report.source == Report.Source.CASE and report.kind == "unkind"
    assert report.reporter_phone == "010-2222-3333" and case.receipt_no in report.body
    assert report.occurred_on == date(2026, 11, 20) and report.official_name == "창구 2번 직원"
    with pytest.raises(DomainError, match="이미 신고센터에 등록"):
        services.report_from_case(case_id=case.pk, by=org.officer, now=NOW)


def test_only_praise_or_unkind_cases_become_reports(org):
    from chinjeol.cases import services as case_services

    case = case_services.case_register(
        intake=case_services.CaseIntake(
            channel="web",
            kind="inquiry",
            title="문의",
            body="문의합니다",
            customer_name="최시민",
            customer_phone="010-2222-3333",
            department_id=org.civil.pk,
        ),
        by=None,
        now=at(2026, 11, 20),
    )
    with pytest.raises(DomainError, match="칭찬 또는 불친절"):
        services.report_from_case(case_id=case.pk, by=org.officer, now=NOW)
