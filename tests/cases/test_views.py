import pytest
from django.urls import reverse

from chinjeol.cases import services
from chinjeol.cases.models import Case
from chinjeol.core.models import PersonalDataAccess
from tests.clock import fixed_clock

_clock = fixed_clock(2026, 11, 23)  # these pages show today's month and half-year

FORM = {
    "kind": "grievance",
    "title": "가로등 고장",
    "body": "OO로 12 앞 가로등이 꺼져 있습니다.",
    "name": "이민원",
    "phone": "010-2222-3333",
    "email": "",
    "consent": "on",
    "website": "",
}


@pytest.mark.django_db
def test_citizen_form_creates_case_and_shows_receipt(client, org):
    response = client.post(reverse("cases:citizen_new"), FORM)
    body = response.content.decode()
    case = Case.objects.get()
    assert case.receipt_no in body and case.channel == "web" and case.customer_phone == "010-2222-3333"


@pytest.mark.django_db
def test_citizen_form_errors_name_the_field(client, org):
    response = client.post(reverse("cases:citizen_new"), {**FORM, "phone": "12", "consent": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert (
        "전화번호 형식이 올바르지 않습니다" in body
        and "개인정보 수집·이용에 동의해야 신청할 수 있습니다" in body
    )
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_citizen_form_is_rate_limited(client, org):
    for _ in range(5):
        client.post(reverse("cases:citizen_new"), FORM)
    body = client.post(reverse("cases:citizen_new"), FORM).content.decode()
    assert "너무 많이" in body and Case.objects.count() == 5


@pytest.mark.django_db
def test_honeypot_creates_nothing(client, org):
    client.post(reverse("cases:citizen_new"), {**FORM, "website": "http://spam"})
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_status_page_needs_matching_phone(client, make_case):
    case = make_case()
    wrong = client.post(
        reverse("cases:citizen_status"), {"receipt_no": case.receipt_no, "phone_last4": "0000"}
    )
    assert "맞는 민원이 없습니다" in wrong.content.decode()
    right = client.post(
        reverse("cases:citizen_status"), {"receipt_no": case.receipt_no, "phone_last4": "5678"}
    )
    assert case.title in right.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("officer", 200),
        ("auditor", 200),
        ("head", 200),
        ("leader", 200),
        ("clerk", 404),
        ("outsider", 404),
        ("evaluator", 403),
    ],
)
def test_case_detail_by_role(client_for, make_case, org, persona, status):
    case = make_case()  # 민원과
    assert (
        client_for(getattr(org, persona)).get(reverse("cases:detail", args=[case.pk])).status_code == status
    )


@pytest.mark.django_db
def test_contact_shown_to_head_and_logged_masked_for_auditor(client_for, make_case, org):
    case = make_case()
    body = client_for(org.head).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "010-1234-5678" in body
    assert PersonalDataAccess.objects.filter(username="head", subject_type="case_customer").exists()
    body = client_for(org.auditor).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "010-1234-****" in body and "홍*동" in body


@pytest.mark.django_db
def test_actions_through_pages(client_for, make_case, org):
    case = make_case()
    client = client_for(org.head)
    client.post(reverse("cases:act", args=[case.pk, "assign"]), {"staff": org.clerk.staff.pk})
    client = client_for(org.clerk)
    client.post(reverse("cases:act", args=[case.pk, "start"]))
    client.post(reverse("cases:act", args=[case.pk, "close"]), {"answer": "처리했습니다. 확인 부탁드립니다."})
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED


@pytest.mark.django_db
def test_auditor_cannot_act(client_for, make_case, org):
    case = make_case()
    response = client_for(org.auditor).post(reverse("cases:act", args=[case.pk, "withdraw"]), {"reason": "x"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == Case.Status.RECEIVED


@pytest.mark.django_db
def test_only_head_or_officer_extends(client_for, make_case, org):
    case = make_case(kind="grievance", channel="phone")
    services.case_assign(case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=case.received_at)
    response = client_for(org.clerk).post(
        reverse("cases:act", args=[case.pk, "extend"]), {"days": 3, "reason": "조사"}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_queue_query_count_is_flat(client_for, make_case, org, django_assert_max_num_queries):
    for _ in range(3):
        make_case()
    client = client_for(org.officer)
    client.get(reverse("cases:queue") + "?queue=all")
    for _ in range(20):
        make_case()
    with django_assert_max_num_queries(12):
        assert client.get(reverse("cases:queue") + "?queue=all").status_code == 200


@pytest.mark.django_db
def test_staff_intake_with_first_contact_resolution(client_for, org):
    response = client_for(org.clerk).post(
        reverse("cases:staff_new"),
        {
            "channel": "phone",
            "kind": "other",
            "title": "여권 발급 기간 문의",
            "body": "여권 발급에 며칠 걸리나요?",
            "name": "박문의",
            "phone": "01055556666",
            "email": "",
            "department": "",
            "answer": "보통 4~5 근무일 걸립니다. 안내해 드렸습니다.",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert (
        case.status == Case.Status.CLOSED and case.first_contact_resolved and case.assignee == org.clerk.staff
    )


@pytest.mark.django_db
def test_message_log_for_officer_only(client_for, make_case, org):
    make_case()
    assert client_for(org.clerk).get(reverse("cases:messages")).status_code == 403
    assert "접수 안내" in client_for(org.officer).get(reverse("cases:messages")).content.decode()


@pytest.mark.django_db
def test_overdue_queue_pages_in_deadline_order_through_the_open_deadline_index(client_for, make_case, org):
    from django.core.paginator import Paginator
    from django.db import connection
    from django.utils import timezone

    from chinjeol.cases import queries
    from tests.factories import at

    for day in (3, 1, 4, 1, 5, 9, 2, 6):
        make_case(now=at(2026, 10, day, 10), title=f"{day}일 민원")
    closed = make_case(now=at(2026, 10, 7, 10))
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED)
    now = timezone.now()
    plain = list(queries.queue(org.officer, "overdue", now).values_list("id", flat=True))
    assert len(plain) == 8 and closed.pk not in plain
    paged = Paginator(queries.DeadlineQueue(queries.queue(org.officer, "overdue", now)), 3)
    assert paged.count == 8
    assert [c.pk for n in paged.page_range for c in paged.page(n)] == plain
    if connection.vendor == "sqlite":
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries_run:
            assert len(list(paged.page(2))) == 3
        # the ids through the index, then the cases by id: no fallback to the plain query
        assert len(queries_run) == 2 and "INDEXED BY case_open_due" in queries_run[0]["sql"]
    page = client_for(org.officer).get(reverse("cases:queue") + "?queue=overdue&page=2")
    assert page.status_code == 200 and "4일 민원" in page.content.decode()


@pytest.mark.django_db
def test_praise_case_page_links_to_the_report_centre(client_for, make_case, org):
    case = make_case(kind="praise", title="친절한 안내에 감사드립니다")
    officer = client_for(org.officer).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert reverse("community:report_from_case", args=[case.pk]) in officer
    head = client_for(org.head).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert reverse("community:report_from_case", args=[case.pk]) not in head
    plain = make_case(kind="inquiry")
    page = client_for(org.officer).get(reverse("cases:detail", args=[plain.pk])).content.decode()
    assert "신고센터로 보내기" not in page
