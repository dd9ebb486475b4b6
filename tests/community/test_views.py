"""Pages by role: the citizen form is public, the investigation is the CS officer's, the auditor
reads, a department head sees only their department's tasks, staff cannot moderate."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from chinjeol.community import services
from chinjeol.community.models import BestCase, BroadcastRequest, Initiative, PraisePost, Report, Task
from chinjeol.core.models import PersonalDataAccess
from chinjeol.core.roles import Role
from tests.clock import fixed_clock
from tests.factories import make_member, make_user

from .conftest import prevention_for

_clock = fixed_clock(2026, 11, 23)  # these pages show today's month and half-year

pytestmark = pytest.mark.django_db


def now():
    return timezone.now()


def _form(**overrides):
    data = {
        "kind": "unkind",
        "official_name": "김민원",
        "department_text": "민원과",
        "occurred_on": timezone.localdate().isoformat(),
        "body": "창구에서 반말을 했습니다. 제 주민번호 900101-1234567 입니다.",
        "reporter_name": "정시민",
        "reporter_phone": "010-9876-5432",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


# --- the public form --------------------------------------------------------------------------
def test_citizen_reports_without_login(client):
    assert client.get(reverse("community:report_new")).status_code == 200
    response = client.post(reverse("community:report_new"), _form(), follow=True)
    report = Report.objects.get()
    assert report.receipt_no in response.content.decode()
    assert "1234567" not in report.body
    assert report.reporter_phone == "010-9876-5432"


def test_unkind_report_needs_a_phone(client):
    response = client.post(reverse("community:report_new"), _form(reporter_phone=""))
    assert response.status_code == 400
    assert "연락처가 필요합니다" in response.content.decode()
    assert not Report.objects.exists()


def test_honeypot_stores_nothing(client):
    response = client.post(reverse("community:report_new"), _form(website="http://spam"), follow=True)
    assert response.status_code == 200 and not Report.objects.exists()


def test_public_form_is_rate_limited_per_address(client):
    for _ in range(5):
        client.post(reverse("community:report_new"), _form())
    response = client.post(reverse("community:report_new"), _form())
    assert "너무 많이 신고" in response.content.decode()
    assert Report.objects.count() == 5


# --- investigation ----------------------------------------------------------------------------
@pytest.fixture
def report(org):
    return services.report_receive(
        intake=services.ReportIntake(
            kind="unkind", body="불친절", reporter_name="정시민", reporter_phone="010-9876-5432", consent=True
        ),
        now=now(),
    )


@pytest.mark.parametrize(
    ("who", "status"), [("officer", 200), ("auditor", 200), ("head", 403), ("clerk", 403)]
)
def test_report_pages_by_role(org, client_for, report, who, status):
    client = client_for(getattr(org, who))
    assert client.get(reverse("community:report_list")).status_code == status
    assert client.get(reverse("community:report_detail", args=[report.pk])).status_code == status


def test_anonymous_is_sent_to_login(client, report):
    response = client.get(reverse("community:report_detail", args=[report.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_auditor_reads_but_cannot_investigate(org, client_for, report):
    client = client_for(org.auditor)
    page = client.get(reverse("community:report_detail", args=[report.pk])).content.decode()
    assert "010-9876-5432" in page and "조사 시작" not in page
    assert PersonalDataAccess.objects.filter(subject_type="kindness_reporter", username="auditor").exists()
    response = client.post(reverse("community:report_act", args=[report.pk, "investigate"]))
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == "received"


def test_officer_investigates_and_substantiates_through_the_page(org, client_for, report):
    client = client_for(org.officer)
    act = lambda action, data=None: client.post(  # noqa: E731
        reverse("community:report_act", args=[report.pk, action]), data or {}, follow=True
    )
    assert "조사를 시작했습니다" in act("investigate").content.decode()
    assert (
        "김민원 직원을 관련 직원으로" in act("official_add", {"staff": org.clerk.staff.pk}).content.decode()
    )
    upload = SimpleUploadedFile("cctv.png", b"\x89PNG\r\n\x1a\nxxxx", content_type="image/png")
    assert "증거를 추가했습니다" in act("evidence", {"note": "CCTV 확인", "file": upload}).content.decode()
    evidence = report.evidence.get()
    download = client.get(reverse("community:evidence_file", args=[report.pk, evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"\x89PNG")
    bad = act("evidence", {"file": SimpleUploadedFile("x.exe", b"MZ")})
    assert "첨부할 수 있는 파일 형식" in bad.content.decode()
    page = act(
        "substantiate",
        {
            "finding": "반말 확인",
            "measure": "응대 교육",
            "responsible": org.leader.staff.pk,
            "due_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
        },
    ).content.decode()
    assert "불친절 신고를 인정했습니다" in page and "10,000원" in page
    assert "이미 인정된 신고" in act("unsubstantiate", {"finding": "번복"}).content.decode()


def test_evidence_download_is_for_readers_only(org, client_for, report):
    services.report_evidence_add(
        report_id=report.pk, by=org.officer, now=now(), upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4")
    )
    evidence = report.evidence.get()
    url = reverse("community:evidence_file", args=[report.pk, evidence.pk])
    assert client_for(org.head).get(url).status_code == 403


def test_report_from_case_is_for_the_cs_officer(org, client_for):
    from chinjeol.cases import services as case_services

    case = case_services.case_register(
        intake=case_services.CaseIntake(
            channel="web",
            kind="praise",
            title="친절한 직원 칭찬",
            body="고맙습니다",
            customer_name="최시민",
            customer_phone="010-2222-3333",
            department_id=org.civil.pk,
        ),
        by=None,
        now=now(),
    )
    url = reverse("community:report_from_case", args=[case.pk])
    assert client_for(org.head).get(url).status_code == 403
    client = client_for(org.officer)
    assert "신고센터에 등록" in client.get(url).content.decode()
    response = client.post(url, {"official_name": "김민원"})
    report = Report.objects.get(case=case)
    assert response.status_code == 302 and report.kind == "praise" and report.official_name == "김민원"
    assert "이미 신고센터에 등록된" in client.get(url).content.decode()


def test_report_list_query_count_does_not_grow(org, client_for, django_assert_max_num_queries):
    for i in range(12):
        services.report_receive(
            intake=services.ReportIntake(kind="praise", body=f"칭찬 {i}", reporter_name="시민", consent=True),
            now=now(),
        )
    client = client_for(org.officer)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("community:report_list")).status_code == 200


# --- tasks --------------------------------------------------------------------------------------
@pytest.fixture
def apology(org):
    report = services.report_receive(
        intake=services.ReportIntake(
            kind="unkind", body="불친절", reporter_name="정시민", reporter_phone="010-9876-5432", consent=True
        ),
        now=now(),
    )
    services.report_investigate(report_id=report.pk, by=org.officer, now=now())
    services.report_official_add(report_id=report.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=now())
    prevention = prevention_for(org, due_on=timezone.localdate() + timedelta(days=7))
    services.report_substantiate(
        report_id=report.pk, finding="확인", by=org.officer, now=now(), prevention=prevention
    )
    return Task.objects.get(report=report, kind=Task.Kind.APOLOGY_CALL)


def test_department_head_sees_and_completes_the_apology_call(org, client_for, apology):
    client = client_for(org.head)
    page = client.get(reverse("community:tasks")).content.decode()
    assert apology.title in page
    detail = client.get(reverse("community:task_detail", args=[apology.pk])).content.decode()
    assert "010-9876-5432" in detail and "결과 기록하고 완료" in detail
    assert PersonalDataAccess.objects.filter(username="head", subject_type="kindness_reporter").exists()
    response = client.post(
        reverse("community:task_complete", args=[apology.pk]),
        {
            "called_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "reached": "yes",
            "outcome": "직접 사과드렸습니다",
        },
        follow=True,
    )
    assert "결과를 기록하고 완료했습니다" in response.content.decode()
    apology.refresh_from_db()
    assert apology.status == "done" and apology.reached is True


def test_others_do_not_see_the_department_heads_task(org, client_for, apology):
    tax_head = make_member("taxhead", department=org.tax, roles=(Role.DEPT_HEAD,), name="세무과장")
    for user in (org.clerk, org.outsider, tax_head, org.leader):
        client = client_for(user)
        assert apology.title not in client.get(reverse("community:tasks")).content.decode()
        assert client.get(reverse("community:task_detail", args=[apology.pk])).status_code == 403
        assert client.post(reverse("community:task_complete", args=[apology.pk]), {}).status_code == 403


def test_the_officer_follows_tasks_but_does_not_complete_them(org, client_for, apology):
    client = client_for(org.officer)
    assert apology.title in client.get(reverse("community:tasks_all")).content.decode()
    page = client.get(reverse("community:task_detail", args=[apology.pk])).content.decode()
    assert "결과 기록하고 완료" not in page
    assert (
        client.post(reverse("community:task_complete", args=[apology.pk]), {"outcome": "x"}).status_code
        == 403
    )
    assert client_for(org.head).get(reverse("community:tasks_all")).status_code == 403


def test_prevention_task_is_on_the_responsible_persons_list(org, client_for, apology):
    page = client_for(org.leader).get(reverse("community:tasks")).content.decode()
    assert "재발 방지 조치" in page


# --- relay and smile ------------------------------------------------------------------------
def test_relay_page(org, client_for):
    client = client_for(org.clerk)
    response = client.post(
        reverse("community:relay"),
        {"recommended": org.outsider.staff.pk, "reason": "늘 친절합니다"},
        follow=True,
    )
    assert "바통을 넘겼습니다" in response.content.decode()
    page = client_for(org.outsider).get(reverse("community:relay")).content.decode()
    assert "스마일 바통이 도착했습니다" in page and "김민원" in page
    mine = client_for(org.clerk).post(
        reverse("community:relay"), {"recommended": org.clerk.staff.pk, "reason": "나"}
    )
    assert mine.status_code == 400
    assert client_for(org.evaluator).get(reverse("community:relay")).status_code == 403


def test_only_the_officer_selects_smile_employees(org, client_for):
    month = timezone.localdate().strftime("%Y-%m")
    data = {"month": month, "staff": org.clerk.staff.pk, "reason": "늘 웃는 얼굴"}
    assert client_for(org.clerk).post(reverse("community:smile_select"), data).status_code == 403
    response = client_for(org.officer).post(reverse("community:smile_select"), data, follow=True)
    assert "스마일 직원으로 선정했습니다" in response.content.decode()
    page = client_for(org.clerk).get(reverse("community:smile")).content.decode()
    assert "김민원" in page and "늘 웃는 얼굴" in page and "스마일 직원 선정" not in page


# --- boards ------------------------------------------------------------------------------------
def test_best_case_board_is_moderated(org, client_for):
    client = client_for(org.clerk)
    client.post(reverse("community:best_new"), {"title": "좋은 사례", "body": "끝까지 경청했습니다"})
    post = BestCase.objects.get()
    assert client_for(org.outsider).get(reverse("community:best_detail", args=[post.pk])).status_code == 404
    assert "좋은 사례" not in client_for(org.outsider).get(reverse("community:best_list")).content.decode()
    moderate = reverse("community:best_moderate", args=[post.pk])
    assert client.post(moderate, {"status": "published"}).status_code == 403
    client_for(org.officer).post(moderate, {"status": "published"})
    assert "좋은 사례" in client_for(org.outsider).get(reverse("community:best_list")).content.decode()


def test_praise_board_public_and_moderated(org, client, client_for):
    assert client.get(reverse("community:praise_list")).status_code == 200
    client.post(
        reverse("community:praise_new"),
        {
            "official_name": "김민원",
            "title": "고맙습니다",
            "body": "친절하게 안내해 주셨어요",
            "writer_name": "이시민",
            "consent": "on",
            "website": "",
        },
    )
    post = PraisePost.objects.get()
    assert "고맙습니다" not in client.get(reverse("community:praise_list")).content.decode()
    assert client_for(org.clerk).get(reverse("community:praise_manage")).status_code == 403
    approve = reverse("community:praise_moderate", args=[post.pk, "approve"])
    assert client_for(org.clerk).post(approve, {"official": org.clerk.staff.pk}).status_code == 403
    auditor_page = client_for(org.auditor).get(reverse("community:praise_manage")).content.decode()
    assert "고맙습니다" in auditor_page and "직원 확인하고 게시" not in auditor_page
    assert client_for(org.auditor).post(approve, {"official": org.clerk.staff.pk}).status_code == 403
    officer = client_for(org.officer)
    assert (
        f'value="{org.clerk.staff.pk}" selected'
        in officer.get(reverse("community:praise_manage")).content.decode()
    )
    officer.post(approve, {"official": org.clerk.staff.pk})
    client.logout()
    listing = client.get(reverse("community:praise_list")).content.decode()
    assert "고맙습니다" in listing and "이*민" in listing and "이시민" not in listing


def test_broadcast_requests(org, client_for):
    data = {"title": "생일 축하", "content": "축하합니다", "requested_on": timezone.localdate().isoformat()}
    client_for(org.clerk).post(reverse("community:broadcast"), data)
    row = BroadcastRequest.objects.get()
    decide = reverse("community:broadcast_decide", args=[row.pk])
    assert client_for(org.clerk).post(decide, {"status": "approved"}).status_code == 403
    assert "생일 축하" not in client_for(org.outsider).get(reverse("community:broadcast")).content.decode()
    client_for(org.officer).post(decide, {"status": "approved"})
    row.refresh_from_db()
    assert row.status == "approved"
    assert client_for(org.evaluator).post(reverse("community:broadcast"), data).status_code == 403
    auditor_only = make_user("auditor2", roles=(Role.AUDITOR,))
    assert "생일 축하" in client_for(auditor_only).get(reverse("community:broadcast")).content.decode()
    assert client_for(auditor_only).post(reverse("community:broadcast"), data).status_code == 403


# --- initiatives --------------------------------------------------------------------------------
def test_initiatives_by_role(org, client_for):
    data = {
        "department": org.civil.pk,
        "year": timezone.localdate().year,
        "title": "대기 0분",
        "goal": "대기 5분 이내",
        "planned_actions": "도우미 배치",
    }
    assert client_for(org.outsider).post(reverse("community:initiative_new"), data).status_code == 403
    assert client_for(org.officer).get(reverse("community:initiative_new")).status_code == 403
    client_for(org.head).post(reverse("community:initiative_new"), data)
    initiative = Initiative.objects.get()
    # a head cannot register for another department
    other = client_for(org.head).post(reverse("community:initiative_new"), {**data, "department": org.tax.pk})
    assert other.status_code == 400 and Initiative.objects.count() == 1
    overview = client_for(org.officer).get(reverse("community:initiatives")).content.decode()
    assert "대기 0분" in overview and "세무과" in overview and "미등록" in overview
    assert (
        client_for(org.auditor).get(reverse("community:initiative_detail", args=[initiative.pk])).status_code
        == 200
    )
    tax_head = make_member("taxhead", department=org.tax, roles=(Role.DEPT_HEAD,), name="세무과장")
    assert (
        client_for(tax_head).get(reverse("community:initiative_detail", args=[initiative.pk])).status_code
        == 403
    )
    progress = reverse("community:initiative_act", args=[initiative.pk, "progress"])
    assert client_for(tax_head).post(progress, {"note": "x"}).status_code == 403
    client_for(org.leader).post(progress, {"note": "도우미 2명 배치"})
    initiative.refresh_from_db()
    assert initiative.status == "in_progress"


def test_hub_pages(org, client, client_for):
    assert "친절·불친절 신고" in client.get(reverse("community:hub")).content.decode()
    for who in ("officer", "auditor", "head", "clerk"):
        assert client_for(getattr(org, who)).get(reverse("community:hub")).status_code == 200
