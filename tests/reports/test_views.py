"""The charter compliance pages by role: the CS officer and auditor (all departments) and department heads /
CS leaders (their scope); the drill-down; publishing the half-year report."""

import pytest
from django.urls import reverse

from chinjeol.cases import services as case_services
from tests.factories import at


# --- compliance ---------------------------------------------------------------------------------
@pytest.fixture
def november(make_case, org):
    """Web cases of November in 민원과, 민원팀 and 세무과: on time, late and open past the promise."""
    made = {}
    for key, department, closed in [
        ("civil_on_time", org.civil, at(2026, 11, 5)),
        ("team_late", org.team, at(2026, 11, 20)),
        ("team_open", org.team, None),
        ("tax_on_time", org.tax, at(2026, 11, 4)),
    ]:
        case = make_case(now=at(2026, 11, 2, 10), department_id=department.pk)
        if closed:  # assigning moves a case to the handler's department
            by = {org.civil: org.head, org.team: org.clerk, org.tax: org.outsider}[department]
            staff = by.staff
            case_services.case_assign(
                case_id=case.pk, staff_id=staff.pk, by=org.officer, now=at(2026, 11, 2, 11)
            )
            case_services.case_close(
                case_id=case.pk, answer="답변을 드립니다. 고맙습니다.", by=by, now=closed
            )
        made[key] = case
    return made


@pytest.mark.django_db
def test_compliance_for_officer_and_auditor_covers_every_department(client_for, november, org):
    for who in ("officer", "auditor"):
        page = client_for(org.people[who]).get(reverse("reports:compliance"), {"period": "2026-11"})
        body = page.content.decode()
        assert page.status_code == 200
        assert "세무과" in body and "민원팀" in body and "민원과" in body
        assert "홈페이지 질의·건의는 7일 안에" in body and "50.0%" in body  # 2 of 4 met
    assert "반기 보고서 공개" in client_for(org.officer).get(reverse("reports:compliance")).content.decode()
    assert (
        "반기 보고서 공개" not in client_for(org.auditor).get(reverse("reports:compliance")).content.decode()
    )


@pytest.mark.django_db
def test_department_head_and_leader_see_only_their_scope(client_for, november, org):
    for who in ("head", "leader"):
        c = client_for(org.people[who])
        body = c.get(reverse("reports:compliance"), {"period": "2026-11"}).content.decode()
        assert "민원과" in body and "민원팀" in body and "세무과" not in body
        assert "33.3%" in body  # 1 of the 3 cases of 민원과 and 민원팀
        assert (
            c.get(
                reverse("reports:compliance_cases"), {"period": "2026-11", "department": org.tax.pk}
            ).status_code
            == 403
        )
        listing = c.get(reverse("reports:compliance_cases"), {"period": "2026-11"}).content.decode()
        assert (
            november["team_late"].receipt_no in listing and november["tax_on_time"].receipt_no not in listing
        )


@pytest.mark.django_db
def test_staff_and_evaluators_cannot_read_compliance(client_for, november, org):
    for who in ("clerk", "outsider", "evaluator"):
        c = client_for(org.people[who])
        assert c.get(reverse("reports:compliance")).status_code == 403
        assert c.get(reverse("reports:compliance_cases")).status_code == 403


@pytest.mark.django_db
def test_drill_down_lists_the_cases_behind_a_figure(client_for, november, org):
    c = client_for(org.auditor)
    missed = c.get(
        reverse("reports:compliance_cases"),
        {"period": "2026-11", "department": org.team.pk, "result": "missed"},
    ).content.decode()
    assert november["team_late"].receipt_no in missed and november["team_open"].receipt_no in missed
    assert november["civil_on_time"].receipt_no not in missed
    assert "민원팀" in missed and "미이행" in missed and "늦음" in missed
    assert reverse("cases:detail", args=[november["team_late"].pk]) in missed
    met = c.get(reverse("reports:compliance_cases"), {"period": "2026-11", "result": "met"}).content.decode()
    assert november["civil_on_time"].receipt_no in met and november["team_late"].receipt_no not in met


@pytest.mark.django_db
def test_compliance_filters_and_bad_input(client_for, november, org):
    c = client_for(org.officer)
    by_standard = c.get(reverse("reports:compliance"), {"period": "2026-11", "standard": "LEGAL"})
    assert by_standard.status_code == 200 and "판정한 민원이 없습니다" in by_standard.content.decode()
    bad = c.get(reverse("reports:compliance"), {"period": "어제"})
    assert bad.status_code == 200 and "기간 형식이 올바르지 않습니다" in bad.content.decode()
    assert c.get(reverse("reports:compliance_cases"), {"department": "x"}).status_code == 404


@pytest.mark.django_db
def test_compliance_page_query_count_does_not_grow_with_cases(
    client_for, november, org, make_case, django_assert_max_num_queries
):
    c = client_for(org.officer)
    c.get(reverse("reports:compliance"), {"period": "2026-H2"})  # stores the finished months
    for _ in range(5):
        make_case(now=at(2026, 11, 3, 10), department_id=org.tax.pk)
    # a fixed number: the cases and calls, the counter and field visits (2 a period), the yearly counts (2)
    with django_assert_max_num_queries(29):
        assert c.get(reverse("reports:compliance"), {"period": "2026-H2"}).status_code == 200


# --- publishing the half-year report ------------------------------------------------------------
@pytest.fixture
def first_half(make_case, org):
    on_time = make_case(now=at(2026, 3, 3, 10))
    case_services.case_assign(
        case_id=on_time.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 3, 3, 11)
    )
    case_services.case_close(
        case_id=on_time.pk, answer="기한 안에 답변했습니다.", by=org.clerk, now=at(2026, 3, 5)
    )
    make_case(now=at(2026, 5, 4, 10), department_id=org.tax.pk)  # never answered: missed
    return on_time


@pytest.mark.django_db
def test_officer_publishes_and_anyone_reads_the_report(client, client_for, first_half, org):
    from chinjeol.reports.models import ComplianceReport

    c = client_for(org.officer)
    response = c.post(
        reverse("reports:charter_publish"),
        {
            "period": "2026-H1",
            "improvements": "세무과 답변 지연: 기한 알림을 하루 전으로 당깁니다. 담당 010-1234-5678",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "reports:charter_report", args=["2026-H1"]
    )
    report = ComplianceReport.objects.get()
    assert report.snapshot["total"]["judged"] == 2 and report.snapshot["total"]["rate"] == "50.0"
    assert "010-1234-5678" not in report.improvements  # free text is masked before it is stored
    client.logout()
    page = client.get(reverse("reports:charter_report", args=["2026-H1"]))
    body = page.content.decode()
    assert page.status_code == 200 and "2026년 상반기 고객서비스헌장 이행 점검 결과" in body
    assert "세무과 답변 지연" in body and "50.0%" in body and "data-print" in body
    assert "2026년 상반기" in client.get(reverse("reports:charter_list")).content.decode()
    pdf = client.get(reverse("reports:charter_report_pdf", args=["2026-H1"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    again = client_for(org.officer).post(
        reverse("reports:charter_publish"), {"period": "2026-H1", "improvements": "다시"}, follow=True
    )
    assert "보고서를 공개하지 못했습니다" in again.content.decode()
    assert ComplianceReport.objects.count() == 1


@pytest.mark.django_db
def test_a_published_report_does_not_change_afterwards(client, client_for, first_half, org):
    from chinjeol.reports.compliance.tallies import tallies_reset
    from chinjeol.reports.models import ComplianceReport

    client_for(org.officer).post(
        reverse("reports:charter_publish"), {"period": "2026-H1", "improvements": "개선"}
    )
    first_half.status = "withdrawn"
    first_half.save(update_fields=["status", "updated_at"])
    tallies_reset()
    client.logout()
    assert "50.0%" in client.get(reverse("reports:charter_report", args=["2026-H1"])).content.decode()
    assert ComplianceReport.objects.get().snapshot["total"]["judged"] == 2


@pytest.mark.django_db
def test_only_the_officer_publishes_and_only_finished_halves(client_for, first_half, org):
    from chinjeol.reports.models import ComplianceReport

    for who in ("auditor", "head", "leader", "clerk"):
        response = client_for(org.people[who]).post(
            reverse("reports:charter_publish"), {"period": "2026-H1", "improvements": "x"}
        )
        assert response.status_code == 403
    early = client_for(org.officer).post(
        reverse("reports:charter_publish"), {"period": "2099-H1", "improvements": "x"}, follow=True
    )
    assert "보고서를 공개하지 못했습니다" in early.content.decode()
    assert not ComplianceReport.objects.exists()


@pytest.mark.django_db
def test_unknown_report_is_404(client):
    assert client.get(reverse("reports:charter_report", args=["2020-H1"])).status_code == 404
    assert client.get(reverse("reports:charter_report_pdf", args=["2020-H1"])).status_code == 404


def test_period_options_are_recent_first():
    from datetime import date

    from chinjeol.reports.forms import period_options

    options = [str(p) for p in period_options(date(2026, 11, 23))]
    assert (
        options[:4] == ["2026-H2", "2026-H1", "2025-H2", "2025-H1"]
        and "2026" in options
        and "2026-11" in options
    )
