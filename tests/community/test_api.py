import pytest

from chinjeol.community import services
from chinjeol.community.models import Report
from chinjeol.core.models import ApiToken, PersonalDataAccess

from .conftest import NOW

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "kind": "unkind",
    "official_name": "김민원",
    "department_name": "민원과",
    "body": "국민신문고로 접수된 불친절 신고입니다. 연락처 010-7777-8888",
    "reporter": {"name": "최시민", "phone": "01077778888"},
}


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


def test_integration_files_a_report(client, org):
    response = client.post(
        "/api/v1/community/reports", PAYLOAD, content_type="application/json", **bearer(org.officer)
    )
    assert response.status_code == 201
    data = response.json()
    assert data["receipt_no"].startswith("R") and data["kind"] == "unkind" and data["status"] == "received"
    report = Report.objects.get(pk=data["id"])
    assert report.source == "api" and report.reporter_phone == "010-7777-8888"
    assert "7777-8888" not in report.body and report.created_by == org.officer


def test_post_needs_a_token(client, org):
    assert (
        client.post("/api/v1/community/reports", PAYLOAD, content_type="application/json").status_code == 401
    )


def test_evaluator_cannot_file(client, org):
    response = client.post(
        "/api/v1/community/reports", PAYLOAD, content_type="application/json", **bearer(org.evaluator)
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_refusals_are_korean_json(client, org):
    headers = bearer(org.officer)
    missing_phone = {**PAYLOAD, "reporter": {"name": "최시민"}}
    response = client.post(
        "/api/v1/community/reports", missing_phone, content_type="application/json", **headers
    )
    assert response.status_code == 400
    assert response.json()["field"] == "reporter.phone" and "연락처" in response.json()["message"]
    bad_kind = {**PAYLOAD, "kind": "angry"}
    response = client.post("/api/v1/community/reports", bad_kind, content_type="application/json", **headers)
    assert response.status_code == 422 and response.json()["field"] == "kind"


@pytest.fixture
def report(org):
    report = services.report_receive(
        intake=services.ReportIntake(
            kind="praise", body="친절", reporter_name="정시민", reporter_phone="010-9876-5432", consent=True
        ),
        now=NOW,
    )
    services.report_investigate(report_id=report.pk, by=org.officer, now=NOW)
    services.report_official_add(report_id=report.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=NOW)
    return report


@pytest.mark.parametrize(
    ("who", "status"), [("officer", 200), ("auditor", 200), ("head", 403), ("clerk", 403)]
)
def test_reading_a_report_by_role(client, org, report, who, status):
    response = client.get(f"/api/v1/community/reports/{report.pk}", **bearer(getattr(org, who)))
    assert response.status_code == status
    if status == 200:
        data = response.json()
        assert data["receipt_no"] == report.receipt_no and data["status"] == "investigating"
        assert data["officials"] == [
            {
                "staff": org.clerk.staff.pk,
                "name": "김민원",
                "department": "민원팀",
                "responsible_department": "민원과",
            }
        ]
        assert data["reporter"] == {"name": "정시민", "phone": "010-9876-5432"}
        assert PersonalDataAccess.objects.filter(action="api", subject_id=str(report.pk)).exists()


def test_unknown_report_is_404(client, org):
    response = client.get("/api/v1/community/reports/999999", **bearer(org.officer))
    assert response.status_code == 404 and response.json()["code"] == "not_found"
