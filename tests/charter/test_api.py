"""The charter API: deadlines (shapes, the agency calendar, Korean 422 errors naming the field) and
compliance figures by role."""

import pytest

from chinjeol.charter.models import CalendarDay, StatutoryService
from chinjeol.core.models import ApiToken

URL = "/api/v1/charter/deadline"


@pytest.fixture
def headers(org):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(org.clerk)[1]}"}


def _get(client, headers, **params):
    return client.get(URL, params, **headers)


@pytest.mark.django_db
def test_deadline_by_days_around_chuseok(client, headers):
    response = _get(client, headers, received_at="2026-09-23T10:00:00+09:00", days=7)
    assert response.status_code == 200
    data = response.json()
    assert data["due_at"] == "2026-10-06T18:00:00+09:00"
    assert "초일 산입" in data["rule"] and "2026. 10. 6. 18:00" in data["rule"]
    assert set(data) >= {"due_at", "rule"}


@pytest.mark.django_db
def test_deadline_in_utc_is_answered_in_seoul_time(client, headers):
    data = _get(client, headers, received_at="2026-11-23T08:00:00Z", hours=3).json()
    assert data["due_at"] == "2026-11-24T11:00:00+09:00"  # 17:00 KST + 3 working hours


@pytest.mark.django_db
def test_the_law_calendar_ignores_closures_and_the_promise_counts_them(client, headers):
    CalendarDay.objects.create(date="2026-11-24", kind="closure", name="청사 점검")
    data = _get(client, headers, received_at="2026-11-23T17:00:00+09:00", days=1).json()
    assert data["due_at"] == "2026-11-24T17:00:00+09:00"  # a closure is not a public holiday
    assert data["calendar"] == "law" and data["calendar_label"] == "토요일·공휴일 제외(민원처리법 제19조)"
    promised = _get(
        client, headers, received_at="2026-11-23T10:00:00+09:00", kind="suggestion", channel="web"
    ).json()
    assert promised["legal_due_at"] == "2026-12-10T18:00:00+09:00"  # 14일, the closure left out of it
    assert (
        promised["due_at"] == promised["promise_due_at"] == "2026-12-02T18:00:00+09:00"
    )  # 7일 + the closure
    assert promised["calendar"] == "agency" and "기관 휴무일" in promised["calendar_label"]


@pytest.mark.django_db
def test_deadline_in_weeks_and_months_moves_off_a_saturday_or_holiday(client, headers):
    # 1개월 from Friday 2026-09-04 ends 10-03 (Saturday, 개천절); 10-04 is a Sunday, 10-05 the substitute
    month = _get(client, headers, received_at="2026-09-04T10:00:00+09:00", months=1).json()
    assert month["due_at"] == "2026-10-06T18:00:00+09:00" and month["calendar"] == "law"
    weeks = _get(client, headers, received_at="2026-11-23T10:00:00+09:00", weeks=2).json()
    assert weeks["due_at"] == "2026-12-07T18:00:00+09:00"  # ends Sunday 12-06 → Monday 12-07
    both = _get(client, headers, received_at="2026-11-23T10:00:00+09:00", weeks=2, days=3)
    assert both.status_code == 422 and both.json()["field"] == "weeks"


@pytest.mark.django_db
def test_deadline_by_kind_and_channel_applies_the_charter_promise(client, headers):
    data = _get(
        client, headers, received_at="2026-11-23T10:00:00+09:00", kind="suggestion", channel="web"
    ).json()
    assert data["due_at"] == data["promise_due_at"] == "2026-12-01T18:00:00+09:00"
    assert data["legal_due_at"] == "2026-12-10T18:00:00+09:00"
    assert data["promise"] == "WEB_REPLY 1판 7일" and "서비스헌장 약속" in data["rule"]
    other = _get(client, headers, received_at="2026-11-23T17:00:00+09:00", kind="other").json()
    assert other["due_at"] == "2026-11-24T11:00:00+09:00" and other["promise_due_at"] is None


@pytest.mark.django_db
def test_statutory_deadline_by_days_or_by_the_table(client, headers):
    by_days = _get(
        client, headers, received_at="2026-11-23T10:00:00+09:00", kind="statutory", statutory_days=10
    )
    assert by_days.status_code == 200 and by_days.json()["due_at"] == "2026-12-04T18:00:00+09:00"
    service = StatutoryService.objects.create(code="ST-BUILD", name="건축 허가", days=10)
    by_table = _get(
        client,
        headers,
        received_at="2026-11-23T10:00:00+09:00",
        kind="statutory",
        statutory_service=service.pk,
    )
    assert by_table.json()["due_at"] == by_days.json()["due_at"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"received_at": "2026-11-23T10:00:00", "days": 7}, "received_at", "시간대"),
        ({"received_at": "어제", "days": 7}, "received_at", "ISO 8601"),
        ({"days": 7}, "received_at", "필수"),
        ({"received_at": "2026-11-23T10:00:00+09:00", "days": 0}, "days", "1 이상"),
        ({"received_at": "2026-11-23T10:00:00+09:00", "kind": "complaint"}, "kind", "허용되는 값"),
        (
            {"received_at": "2026-11-23T10:00:00+09:00", "kind": "inquiry", "channel": "pigeon"},
            "channel",
            "허용되는 값",
        ),
        ({"received_at": "2026-11-23T10:00:00+09:00"}, "days", "하나가 필요합니다"),
        ({"received_at": "2026-11-23T10:00:00+09:00", "days": 7, "kind": "inquiry"}, "kind", "하나로만"),
        ({"received_at": "2026-11-23T10:00:00+09:00", "kind": "statutory"}, "statutory_days", "법정민원"),
        (
            {"received_at": "2026-11-23T10:00:00+09:00", "kind": "statutory", "statutory_service": 999},
            "statutory_service",
            "민원처리기준표",
        ),
        ({"received_at": "2026-11-23T10:00:00+09:00", "days": 7, "channel": "web"}, "channel", "kind와 함께"),
    ],
)
def test_deadline_errors_are_422_in_korean_naming_the_field(client, headers, params, field, words):
    response = _get(client, headers, **params)
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["field"] == field and words in data["message"]


@pytest.mark.django_db
def test_deadline_needs_authentication_but_any_role(client, client_for, org):
    params = {"received_at": "2026-11-23T10:00:00+09:00", "days": 7}
    response = client.get(URL, params)
    assert response.status_code == 401 and "인증" in response.json()["message"]
    assert client_for(org.evaluator).get(URL, params).status_code == 200


@pytest.mark.django_db
def test_deadline_is_in_the_openapi_schema_with_korean_descriptions(client, client_for, org):
    schema = client_for(org.officer).get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/charter/deadline"]["get"]
    names = {p["name"]: p for p in operation["parameters"]}
    assert {"received_at", "days", "kind", "channel", "statutory_days"} <= set(names)
    assert "접수 시각" in names["received_at"]["description"]


# --- compliance ---------------------------------------------------------------------------------
@pytest.fixture
def cases_in_november(make_case, org):
    from chinjeol.cases import services
    from tests.factories import at

    for department, by, closed in [(org.civil, org.head, at(2026, 11, 5)), (org.tax, org.outsider, None)]:
        case = make_case(now=at(2026, 11, 2, 10), department_id=department.pk)
        if closed:
            services.case_assign(
                case_id=case.pk, staff_id=by.staff.pk, by=org.officer, now=at(2026, 11, 2, 11)
            )
            services.case_close(case_id=case.pk, answer="답변을 드립니다. 고맙습니다.", by=by, now=closed)


@pytest.mark.django_db
def test_compliance_api_by_role(client_for, cases_in_november, org):
    data = client_for(org.auditor).get("/api/v1/charter/compliance", {"period": "2026-11"}).json()
    assert data["label"] == "2026년 11월" and data["total"]["judged"] == 2 and data["total"]["rate"] == 50.0
    assert [d["label"] for d in data["departments"]] == ["민원과", "세무과"]
    assert data["departments"][0]["rank"] == 1 and data["standards"][0]["key"] == "WEB_REPLY"
    head = client_for(org.head).get("/api/v1/charter/compliance", {"period": "2026-11"}).json()
    assert [d["label"] for d in head["departments"]] == ["민원과"] and head["total"]["judged"] == 1
    denied = client_for(org.clerk).get("/api/v1/charter/compliance", {"period": "2026-11"})
    assert denied.status_code == 403 and "헌장 이행 점검" in denied.json()["message"]


@pytest.mark.django_db
def test_compliance_api_errors(client_for, org):
    c = client_for(org.officer)
    bad = c.get("/api/v1/charter/compliance", {"period": "지난달"})
    assert bad.status_code == 422 and bad.json()["field"] == "period" and "기간 형식" in bad.json()["message"]
    unknown = c.get("/api/v1/charter/compliance", {"period": "2026", "standard": "NOPE"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "standard"


@pytest.mark.django_db
@pytest.mark.parametrize("received_at", ["0001-01-01T10:00:00+09:00", "9999-12-30T10:00:00+09:00"])
def test_deadline_outside_the_known_holidays_is_refused(client, headers, received_at):
    response = _get(client, headers, received_at=received_at, years=5)
    assert response.status_code == 422 and response.json()["field"] == "received_at"
    assert "공휴일 자료" in response.json()["message"] or "2000년부터 2100년" in response.json()["message"]
