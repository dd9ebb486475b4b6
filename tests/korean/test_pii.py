import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.korean.pii import mask_email, mask_name, mask_phone, mask_pii, normalize_phone, phone_last4

MASKED = [
    ("주민번호 900101-1234567 입니다", "주민번호 900101-1****** 입니다", "rrn"),
    ("외국인 021231-5123456", "외국인 021231-5******", "rrn"),
    ("9001011234567", "9001011******", "rrn"),
    ("연락처 010-1234-5678", "연락처 010-1234-****", "phone"),
    ("01098765432로 전화", "0109876****로 전화", "phone"),
    ("010.1234.5678", "010.1234.****", "phone"),
    ("010 1234 5678", "010 1234 ****", "phone"),
    ("사무실 02-123-4567", "사무실 02-123-****", "phone"),
    ("031-987-6543", "031-987-****", "phone"),
    ("+82 10-1234-5678", "+82 10-1234-****", "phone"),
    ("메일 hong.gildong@example.com", "메일 ho**********@example.com", "email"),
    ("카드 1234-5678-9012-3456", "카드 1234-56**-****-3456", "card"),
    ("국민은행 계좌 123456-01-234567로 입금", "국민은행 계좌 123***-**-****67로 입금", "account"),
    ("여권번호 M12345678", "여권번호 M1*******", "passport"),
    ("차량 12가3456 주차", "차량 12가**** 주차", "car_plate"),
    ("서울 123나4567", "서울 123나****", "car_plate"),
]
LEFT_ALONE = [
    "접수번호 2026-0001234 건",
    "2026-11-22 14:30에 방문",
    "2026. 11. 22. 문의",
    "2026.11.22 처리",
    "보상금 10,000원, 과태료 1,234,567원",
    "120 다산콜센터와 1588-1234, 1577-0000, 1644-1234",
    "우편번호 06236",
    "우편번호 02000 1000번 버스",
    "02-000-1000 같은 번호는 없습니다",
    "3번 창구 15분 대기",
    "계좌 관련 문의 12건",
]


@pytest.mark.parametrize(("text", "expected", "kind"), MASKED)
def test_masks(text, expected, kind):
    result = mask_pii(text)
    assert result.text == expected
    assert [f.kind for f in result.found] == [kind]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_leaves_alone(text):
    assert mask_pii(text).text == text


def test_several_kinds_in_one_text():
    text = "홍길동(900101-1234567) 010-1234-5678 hong@example.com 으로 연락 바랍니다. 접수 2026-0000042."
    result = mask_pii(text)
    assert "1234567" not in result.text and "1234-5678" not in result.text and "hong@" not in result.text
    assert "2026-0000042" in result.text
    assert sorted(f.kind for f in result.found) == ["email", "phone", "rrn"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@"), max_size=200))
def test_text_without_digits_or_at_is_unchanged(text):
    assert mask_pii(text).text == text


@given(st.text(max_size=200))
def test_idempotent_and_length_preserving(text):
    once = mask_pii(text).text
    assert mask_pii(once).text == once
    assert len(once) == len(text)


@given(
    st.dates().filter(lambda d: 1930 <= d.year <= 2029),
    st.sampled_from("12345678"),
    st.integers(min_value=0, max_value=999_999),
    st.sampled_from(["", "-", " - "]),
)
def test_rrn_last_six_never_survive(birth, gender, rest, sep):
    number = f"{birth:%y%m%d}{sep}{gender}{rest:06d}"
    masked = mask_pii(f"민원인 {number} 확인").text
    assert f"{rest:06d}" not in masked.replace(f"{birth:%y%m%d}", "")


def test_contact_helpers():
    assert normalize_phone("01012345678") == "010-1234-5678"
    assert normalize_phone("+82 10 1234 5678") == "010-1234-5678"
    assert normalize_phone("02.1234.5678") == "02-1234-5678"
    assert normalize_phone("031-123-4567") == "031-123-4567"
    for bad in ["010-12", "abc", "1588-1234", "", "010-1234-56789"]:
        with pytest.raises(ValueError, match="전화번호"):
            normalize_phone(bad)
    assert mask_phone("01012345678") == "010-1234-****"
    assert phone_last4("010-1234-5678") == "5678"
    assert mask_email("hong@example.com") == "ho**@example.com"
    assert mask_email("a@b.kr") == "a@b.kr"
    assert mask_name("홍길동") == "홍*동"
    assert mask_name("김철") == "김*"
    assert mask_name("남궁민수") == "남**수"
