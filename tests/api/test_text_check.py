"""POST /api/v1/text/check: shape, offsets in the original text, roles, bad input in Korean."""

import pytest

from chinjeol.core.models import ApiToken

pytestmark = pytest.mark.django_db

URL = "/api/v1/text/check"


@pytest.fixture
def post(client):
    def call(user, payload, token=True):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"} if token and user else {}
        return client.post(URL, payload, content_type="application/json", **headers)

    return call


def test_masks_personal_data_and_finds_abuse_with_original_offsets(post, org):
    text = "야 ㅅ ㅂ 내 번호 010-1234-5678 인데 너 집 주소 안다 병.신아"
    response = post(org.clerk, {"text": text})
    assert response.status_code == 200
    data = response.json()
    assert data["masked"] == "야 ㅅ ㅂ 내 번호 010-1234-**** 인데 너 집 주소 안다 병.신아"
    assert data["pii"] == [{"type": "phone", "start": text.index("010"), "end": text.index("010") + 13}]
    abuse = data["abuse"]
    assert abuse["labels"] == ["profanity", "threat"]
    assert abuse["severity"] == "high"
    found = [(s["label"], text[s["start"] : s["end"]]) for s in abuse["spans"]]
    assert found == [("profanity", "ㅅ ㅂ"), ("threat", "너 집 주소 안다"), ("profanity", "병.신")]


def test_clean_text_and_a_classic_false_alarm(post, org):
    data = post(org.officer, {"text": "시발점부터 다시 발급해 주세요. 18일에 방문할게요"}).json()
    assert data["abuse"] == {"labels": [], "severity": "none", "spans": []}
    assert data["pii"] == []


def test_offsets_count_characters_not_bytes_or_utf16(post, org):
    text = "😀😀 ＳＩＢＡＬ hong@example.com"
    data = post(org.auditor, {"text": text}).json()
    (span,) = data["abuse"]["spans"]
    assert text[span["start"] : span["end"]] == "ＳＩＢＡＬ"
    (pii,) = data["pii"]
    assert pii["type"] == "email" and text[pii["start"] : pii["end"]] == "hong@example.com"


def test_roles(post, client, org):
    for user in (org.clerk, org.leader, org.head, org.officer, org.auditor):
        assert post(user, {"text": "안녕하세요"}).status_code == 200, user.username
    refused = post(org.evaluator, {"text": "안녕하세요"})
    assert refused.status_code == 403 and "권한" in refused.json()["message"]
    assert post(None, {"text": "안녕하세요"}).status_code == 401
    client.force_login(org.clerk)  # the browser session works too (CSRF is not enforced by the test client)
    assert client.post(URL, {"text": "씨발"}, content_type="application/json").json()["abuse"]["labels"] == [
        "profanity"
    ]


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ({"text": ""}, "검사할 내용을 입력하세요"),
        ({"text": "   \n "}, "검사할 내용을 입력하세요"),
        ({"text": "가" * 5001}, "5000자 이하"),
        ({}, "필수 항목"),
        ({"text": 12}, "문자열"),
    ],
)
def test_bad_input_is_a_korean_422(post, org, payload, needle):
    response = post(org.clerk, payload)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid" and body["field"] == "text" and needle in body["message"]


def test_the_longest_text_allowed_is_checked(post, org):
    text = ("민원 문의드립니다. " * 500)[:4990] + " 씨발"
    data = post(org.clerk, {"text": text}).json()
    assert data["abuse"]["labels"] == ["profanity"]
    assert text[data["abuse"]["spans"][0]["start"] :].startswith("씨발")


def test_documented_in_the_openapi_spec(client):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/text/check"]["post"]
    assert operation["summary"].startswith("글의 개인정보")
    schema = spec["components"]["schemas"]["AbuseOut"]["properties"]
    assert set(schema) == {"labels", "severity", "spans"}
