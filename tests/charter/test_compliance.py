from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from chinjeol.cases import services as case_services
from chinjeol.charter import compliance, services
from chinjeol.charter.models import ComplianceReport, ServiceStandardVersion
from chinjeol.core.errors import DomainError
from chinjeol.core.periods import Period
from tests.factories import at


def test_judged_rule():
    due = at(2026, 11, 20, 18)
    assert compliance.judged(status="closed", deadline=due, closed_at=due, now=due) == (True, True)
    assert compliance.judged(
        status="closed", deadline=due, closed_at=due + timedelta(minutes=1), now=due
    ) == (True, False)
    assert compliance.judged(status="in_progress", deadline=due, closed_at=None, now=due) == (False, False)
    assert compliance.judged(
        status="in_progress", deadline=due, closed_at=None, now=due + timedelta(seconds=1)
    ) == (True, False)
    assert compliance.judged(
        status="withdrawn", deadline=due, closed_at=None, now=due + timedelta(days=9)
    ) == (False, False)


@pytest.fixture
def history(make_case, org):
    """Four web cases in November: one on time, one late, one open past its promise, one open in time."""
    made = [make_case(now=at(2026, 11, 2, 10)) for _ in range(3)] + [make_case(now=at(2026, 11, 27, 10))]
    for case in made[:2]:
        case_services.case_assign(
            case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 2, 11)
        )
    case_services.case_close(
        case_id=made[0].pk, answer="기한 안에 처리했습니다.", by=org.clerk, now=at(2026, 11, 5)
    )
    case_services.case_close(
        case_id=made[1].pk, answer="늦게 처리했습니다. 죄송합니다.", by=org.clerk, now=at(2026, 11, 20)
    )
    return made


@pytest.mark.django_db
def test_compliance_counts(history, org):
    from chinjeol.cases.models import Case

    rows = compliance.by_standard(Case.objects.all(), Period.parse("2026-11"), at(2026, 11, 28))
    assert [(r.key, r.judged, r.met, r.missed) for r in rows] == [("WEB_REPLY", 3, 1, 2)]
    departments = compliance.by_department(Case.objects.all(), Period.parse("2026-11"), at(2026, 11, 28))
    assert {(r.label, r.judged, r.met) for r in departments} == {("민원팀", 2, 1), ("민원과", 1, 0)}
    missed = compliance.drill_down(
        Case.objects.all(), Period.parse("2026-11"), at(2026, 11, 28), result="missed"
    )
    assert {c.pk for c in missed} == {history[1].pk, history[2].pk}


@pytest.mark.django_db
def test_compliance_page_by_role(client_for, history, org):
    body = client_for(org.auditor).get(reverse("charter:compliance"), {"period": "2026-11"}).content.decode()
    assert "홈페이지 질의·건의는 7일 안에" in body and "33.3%" in body
    assert client_for(org.clerk).get(reverse("charter:compliance")).status_code == 403
    drill = client_for(org.auditor).get(
        reverse("charter:compliance_cases"), {"period": "2026-11", "result": "missed"}
    )
    assert history[1].receipt_no in drill.content.decode()


@pytest.mark.django_db
def test_standard_revision_keeps_history_and_past_judgements(client_for, make_case, org):
    case = make_case(now=at(2026, 11, 2, 10))
    version = case.promise_version
    services.standard_revise(
        code="WEB_REPLY",
        target=Decimal("5"),
        valid_from=at(2026, 11, 10),
        note="약속 강화",
        by=org.officer,
        now=at(2026, 11, 3),
    )
    case.refresh_from_db()
    assert case.promise_version == version
    assert ServiceStandardVersion.objects.filter(standard__code="WEB_REPLY").count() == 2
    later = make_case(now=at(2026, 11, 23, 10))
    assert later.promise_version.version == 2 and later.due_at == at(
        2026, 11, 30, 10
    )  # 5 days = 40 working hours
    with pytest.raises(DomainError, match="지난 판정"):
        services.standard_revise(
            code="WEB_REPLY",
            target=Decimal("3"),
            valid_from=at(2026, 1, 1),
            note="x",
            by=org.officer,
            now=at(2026, 11, 3),
        )


@pytest.mark.django_db
def test_only_officer_revises(client_for, org):
    url = reverse("charter:revise", args=["WEB_REPLY"])
    assert (
        client_for(org.head)
        .post(url, {"target": "5", "valid_from": "2099-01-01T09:00", "note": "x"})
        .status_code
        == 403
    )
    assert client_for(org.clerk).get(reverse("charter:charter")).status_code == 200


@pytest.mark.django_db
def test_publish_report_public_page_and_pdf(client, client_for, history, org):
    from chinjeol.cases.models import Case

    with pytest.raises(DomainError, match="반기"):
        services.report_publish(
            period=Period.parse("2026-11"),
            improvements="x",
            cases=Case.objects.all(),
            by=org.officer,
            now=at(2026, 12, 1),
        )
    report = services.report_publish(
        period=Period.parse("2026-H2"),
        improvements="답변 기한 알림을 강화합니다.",
        cases=Case.objects.all(),
        by=org.officer,
        now=at(2026, 12, 1),
    )
    assert report.snapshot["judged"] == 3 and report.snapshot["standards"][0]["code"] == "WEB_REPLY"
    with pytest.raises(DomainError, match="이미"):
        services.report_publish(
            period=Period.parse("2026-H2"),
            improvements="x",
            cases=Case.objects.all(),
            by=org.officer,
            now=at(2026, 12, 1),
        )
    page = client.get(reverse("charter:report", args=["2026-H2"]))
    assert page.status_code == 200 and "답변 기한 알림을 강화합니다." in page.content.decode()
    pdf = client.get(reverse("charter:report_pdf", args=["2026-H2"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert ComplianceReport.objects.count() == 1


@pytest.mark.django_db
def test_calendar_day_changes_deadlines(client_for, make_case, org):
    response = client_for(org.officer).post(
        reverse("charter:calendar"), {"date": "2026-11-24", "kind": "closure", "name": "청사 점검"}
    )
    assert response.status_code == 302
    case = make_case(kind="other", channel="phone", now=at(2026, 11, 23, 17))
    assert case.due_at == at(2026, 11, 25, 11)
    assert (
        client_for(org.head)
        .post(reverse("charter:calendar"), {"date": "2026-11-25", "kind": "closure", "name": "x"})
        .status_code
        == 403
    )
