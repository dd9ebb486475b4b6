"""Inputs the API fuzzer found, each refused with a Korean 422 naming the field instead of a 500 or a stored
oddity — and the schema tells the same story (bounds, formats, documented errors)."""

from __future__ import annotations

import pytest

from chinjeol.api.api import api
from chinjeol.api.errors import DOCUMENTED, DOCUMENTED_ON_WRITES, InvalidOut
from chinjeol.cases.models import Case
from chinjeol.community.models import Report
from tests.api.conftest import is_envelope

CASE = {
    "channel": "web",
    "kind": "inquiry",
    "title": "주차 문의",
    "body": "주차 단속 문의입니다.",
    "customer": {"name": "홍길동", "phone": "010-1234-5678", "email": ""},
}
REPORT = {"kind": "praise", "body": "친절했습니다.", "reporter": {"name": "이신고", "phone": "010-2222-3333"}}


def _with(base: dict, path: str, value) -> dict:
    data = {**base, "customer": dict(base.get("customer", {})), "reporter": dict(base.get("reporter", {}))}
    data = {k: v for k, v in data.items() if v != {}}
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    return data


def _invalid(response, field: str) -> dict:
    assert response.status_code == 422, response.content[:300]
    body = is_envelope(response)
    assert body["field"] == field, body
    InvalidOut.model_validate(body)
    return body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/cases?page=9223372036854775807", "/departments?page=9223372036854775807", "/staff?page=100001"]
)
def test_page_numbers_have_an_upper_bound(call, path):
    _invalid(call("GET", path), "page")


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["title", "body", "customer.name", "customer.phone", "customer.email"])
def test_nul_in_any_case_text_is_refused_naming_the_field(call, field):
    response = call("POST", "/cases", _with(CASE, field, "홍\x00길동"))
    body = _invalid(response, field)
    assert "NUL" in body["message"]
    assert not Case.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["body", "official_name", "department_name", "reporter.name"])
def test_nul_in_any_report_text_is_refused_naming_the_field(call, field):
    _invalid(call("POST", "/community/reports", _with(REPORT, field, "a\x00b")), field)
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_nul_in_query_text_and_batch_rows_is_refused(call):
    _invalid(call("GET", "/cases?q=%00"), "q")
    _invalid(call("GET", "/staff?q=a%00"), "q")
    body = _invalid(call("POST", "/kindness/entries", {"entries": [{"note": "x\x00"}]}), "entries.0.note")
    assert body["errors"][0]["field"] == "entries.0.note"


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["10:00+09:00", "00:00:00Z"])
def test_a_time_of_day_with_a_zone_is_refused(call, value):
    _invalid(call("POST", "/community/reports", {**REPORT, "occurred_time": value}), "occurred_time")


@pytest.mark.django_db
def test_a_time_of_day_without_a_zone_is_stored(call):
    assert call("POST", "/community/reports", {**REPORT, "occurred_time": "14:30"}).status_code == 201


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00+09:00", "1999-12-31T23:59:00+09:00", "2101-01-01T00:00:00+09:00"]
)
def test_received_at_outside_a_sane_range_is_refused(call, value):
    body = _invalid(call("POST", "/cases", {**CASE, "received_at": value}), "received_at")
    assert "2000년" in body["message"]
    _invalid(call("GET", f"/charter/deadline?days=3&received_at={value.replace('+', '%2B')}"), "received_at")
    assert not Case.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["anything", "a@", "@b.kr", "홍 길동@example.kr", "a@b"])
def test_email_fields_are_validated(call, value):
    body = _invalid(call("POST", "/cases", _with(CASE, "customer.email", value)), "customer.email")
    assert "이메일" in body["message"]


@pytest.mark.django_db
def test_a_valid_email_is_accepted(call):
    assert call("POST", "/cases", _with(CASE, "customer.email", "hong@example.kr")).status_code == 201


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/departments?parent_id=131837254441643756486656", "parent_id"),
        ("/staff?department_id=9223372036854775808", "department_id"),
        ("/cases?department=-1", "department"),
        ("/cases/9223372036854775808", "case_id"),
        ("/community/reports/0", "report_id"),
    ],
)
def test_ids_out_of_range_are_refused(call, path, field):
    _invalid(call("GET", path), field)


@pytest.mark.django_db
@pytest.mark.parametrize("value", [0, False, True, "3"])
def test_ids_in_a_body_are_whole_numbers_from_one(call, value):
    _invalid(call("POST", "/cases", {**CASE, "statutory_service": value}), "statutory_service")
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_batch_422_matches_its_documented_schema(call, org):
    rows = call("POST", "/kindness/entries", {"entries": [{"employee_no": None}]})
    assert rows.status_code == 422
    body = InvalidOut.model_validate(rows.json())
    assert body.errors and all(e.row == 1 for e in body.errors)
    shape = call("POST", "/kindness/entries", {"entries": "not a list"})
    InvalidOut.model_validate(_invalid(shape, "entries"))


def test_every_operation_documents_its_errors_with_the_one_envelope():
    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]
    assert set(components["ErrorOut"]["properties"]) == {"code", "message", "field"}
    assert set(components["InvalidOut"]["properties"]) == {"code", "message", "field", "errors"}
    operations = [(path, method, op) for path, ops in schema["paths"].items() for method, op in ops.items()]
    assert len(operations) >= 10
    for path, method, op in operations:
        responses = {int(k): v for k, v in op["responses"].items()}
        documented = {**DOCUMENTED, **(DOCUMENTED_ON_WRITES if method != "get" else {})}
        assert {409, 413} <= set(documented) or method == "get"
        for status, model in documented.items():
            assert status in responses, (method, path, status)
            ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
            assert ref == f"#/components/schemas/{model.__name__}", (method, path, status, ref)


def test_every_integer_parameter_and_text_field_is_bounded():
    """The class of defect behind page=2**63-1, parent_id=2**70 and unbounded text: every integer parameter
    (path or query) has a maximum and every free string in a request body a maxLength."""
    schema = api.get_openapi_schema()
    unbounded = []
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for parameter in op.get("parameters", []):
                for option in parameter["schema"].get("anyOf", [parameter["schema"]]):
                    if option.get("type") == "integer" and "maximum" not in option:
                        unbounded.append(f"{method} {path} {parameter['name']}")
    assert unbounded == []
    strings_without_limit = []

    def walk(name, node):
        for key, prop in node.get("properties", {}).items():
            for option in prop.get("anyOf", [prop]):
                free_text = option.get("type") == "string" and not {"format", "enum", "pattern"} & set(option)
                if free_text and "maxLength" not in option:
                    strings_without_limit.append(f"{name}.{key}")

    for name, component in schema["components"]["schemas"].items():
        if name.endswith("In"):
            walk(name, component)
    assert strings_without_limit == []


@pytest.mark.django_db
@pytest.mark.parametrize("points", [4.4e104, -4.2e16, 1_000_000, "1e400"])
def test_points_beyond_the_ledger_are_a_row_error(call, org, points):
    row = {"employee_no": "x", "item": "phone", "occurred_at": "2026-11-02", "points": points}
    response = call("POST", "/kindness/entries", {"entries": [row]})
    assert response.status_code == 422
    errors = InvalidOut.model_validate(response.json()).errors
    assert any(e.field == "points" and e.row == 1 for e in errors)
