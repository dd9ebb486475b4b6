"""The API's lists page with ninja's pagination in the three styles they were published with: the parameters,
the envelope and the OpenAPI description stay as they were, bad values are a Korean 422 naming the parameter,
and a page past the end is empty with the right total."""

from __future__ import annotations

import pytest

from chinjeol.api.api import api
from chinjeol.core.models import PersonalDataAccess
from tests.api.conftest import is_envelope

# path → (query parameters, envelope fields, the field holding the page's items)
LISTS = {
    "/cases": ({"page", "page_size"}, {"total", "page", "page_size", "items"}, "items"),
    "/compensation": ({"page", "page_size"}, {"total", "page", "page_size", "items"}, "items"),
    "/departments": ({"page", "page_size"}, {"total", "page", "page_size", "items"}, "items"),
    "/staff": ({"page", "page_size"}, {"total", "page", "page_size", "items"}, "items"),
    "/calls": ({"limit", "offset"}, {"count", "items"}, "items"),
    "/visits": ({"limit", "offset"}, {"count", "items"}, "items"),
    "/evaluations": ({"page"}, {"count", "page", "results"}, "results"),
}
VISIT_DAYS = {"date_from": "2026-11-01", "date_to": "2026-11-30"}


def _query(path: str, **params) -> str:
    if path == "/visits":
        params = {**VISIT_DAYS, **params}
    return path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_every_list_keeps_its_envelope(call, org, path):
    _params, fields, items = LISTS[path]
    response = call("GET", _query(path))
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert set(body) == fields
    assert isinstance(body[items], list)


@pytest.mark.django_db
def test_page_numbers_window_and_total(call, org):
    first = call("GET", "/staff?page_size=2").json()
    assert (first["total"], first["page"], first["page_size"], len(first["items"])) == (6, 1, 2, 2)
    third = call("GET", "/staff?page=3&page_size=2").json()
    assert len(third["items"]) == 2
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in third["items"]}
    beyond = call("GET", "/staff?page=9&page_size=2").json()
    assert (beyond["total"], beyond["page"], beyond["items"]) == (6, 9, [])


@pytest.mark.django_db
def test_limit_offset_window_and_count(call, org):
    for minute in (10, 20, 30):
        visit = {
            "department": org.civil.pk,
            "arrived_at": f"2026-11-23T09:{minute}:00+09:00",
            "purpose": "상담",
        }
        assert call("POST", "/visits", visit).status_code == 201
    everything = call("GET", _query("/visits")).json()
    assert everything["count"] == 3 and len(everything["items"]) == 3
    body = call("GET", _query("/visits", limit=1, offset=1)).json()
    assert body["count"] == 3 and [v["id"] for v in body["items"]] == [everything["items"][1]["id"]]
    assert call("GET", _query("/visits", offset=3)).json() == {"count": 3, "items": []}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "field", "words"),
    [
        ("/cases?page=0", "page", "이상"),
        ("/cases?page=abc", "page", "정수"),
        ("/cases?page_size=201", "page_size", "200 이하"),
        ("/departments?page_size=501", "page_size", "500 이하"),
        ("/departments?page_size=0", "page_size", "1 이상"),
        ("/compensation?page=100001", "page", "100000 이하"),
        ("/calls?limit=1001", "limit", "1000 이하"),
        ("/calls?offset=-1", "offset", "0 이상"),
        ("/calls?offset=10000001", "offset", "이하"),
        ("/evaluations?page=0", "page", "이상"),
        ("/evaluations?page=1.5", "page", "정수"),
    ],
)
def test_bad_paging_values_are_a_korean_422_naming_the_parameter(call, org, path, field, words):
    path = _query(path.split("?")[0], **dict([path.split("?")[1].split("=")]))
    response = call("GET", path)
    assert response.status_code == 422, response.content[:300]
    body = is_envelope(response)
    assert body["field"] == field and words in body["message"], body


@pytest.mark.django_db
def test_full_contacts_are_logged_per_page_read(call, org):
    call("GET", "/staff?contact=full&page=2&page_size=2")
    log = PersonalDataAccess.objects.get(action="api")
    assert (log.count, log.subject_label) == (2, "직원 2명 (목록 2쪽)")
    call("GET", "/staff?contact=full&page=9&page_size=2")
    assert PersonalDataAccess.objects.count() == 1, "an empty page shows nobody's contacts"


def test_the_document_describes_each_style():
    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]
    for path, (params, fields, items) in LISTS.items():
        operation = schema["paths"][f"/api/v1{path}"]["get"]
        names = {p["name"] for p in operation["parameters"]}
        assert params <= names, (path, names)
        for parameter in operation["parameters"]:
            if parameter["name"] in params:
                assert {"minimum", "maximum"} <= set(parameter["schema"]), (path, parameter)
        ref = operation["responses"][200]["content"]["application/json"]["schema"]["$ref"]
        envelope = components[ref.rsplit("/", 1)[1]]
        assert set(envelope["properties"]) == fields and set(envelope["required"]) == fields, path
        assert envelope["properties"][items]["type"] == "array"
        assert "$ref" in envelope["properties"][items]["items"]
        assert set(operation["responses"]) >= {200, 400, 401, 403, 404, 422}


def test_bounds_of_each_list_are_their_own():
    schema = api.get_openapi_schema()

    def bounds(path, name):
        operation = schema["paths"][f"/api/v1{path}"]["get"]
        parameter = next(p for p in operation["parameters"] if p["name"] == name)
        return parameter["schema"]["default"], parameter["schema"]["maximum"]

    assert bounds("/cases", "page_size") == (50, 200)
    assert bounds("/staff", "page_size") == (50, 500)
    assert bounds("/calls", "limit") == (100, 1000)
    assert bounds("/visits", "limit") == (200, 1000)
    # The paging parameters' components are named by their bounds, so two lists never share a wrong one.
    components = schema["components"]["schemas"]
    for name in ("Page50Max200", "Page50Max500", "Limit100Max1000", "Limit200Max1000"):
        size, maximum = name.removeprefix("Page").removeprefix("Limit").split("Max")
        key = "page_size" if name.startswith("Page") else "limit"
        assert components[name]["properties"][key]["default"] == int(size)
        assert components[name]["properties"][key]["maximum"] == int(maximum)
