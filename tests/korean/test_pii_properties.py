"""Properties of the masker over generated texts: idempotent, no RRN survives, ordinary text kept."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from chinjeol.korean.pii import mask_pii

from .test_pii_table import ORDINARY, SECRET

# The same examples on every run, so that the suite answers the same way each time; new examples are
# explored on purpose (hypothesis' own settings), and what they find joins the table in test_pii_table.py.
REPEATABLE = settings(derandomize=True, database=None)

SEPARATORS = ["", "-", "–", "—", ".", " ", "\u200b", "/", " - ", "－", "\u2010", "\u2212", " – "]
FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
TABLE_TEXTS = [c.text for c in SECRET + ORDINARY]

births = st.dates().filter(lambda d: 1900 <= d.year <= 2099).map(lambda d: f"{d:%y%m%d}")
backs = st.tuples(st.sampled_from("1234567890"), st.integers(0, 999_999)).map(lambda t: f"{t[0]}{t[1]:06d}")
words = st.sampled_from(
    ["민원인", "주민번호", "확인", "연락 바랍니다", "홍길동", "고객님", "(", ")", ",", "입니다", "\n", "상담"]
)


@REPEATABLE
@given(births, backs, st.sampled_from(SEPARATORS), words, words, st.booleans())
def test_no_digit_run_of_an_rrn_survives(birth, back, sep, before, after, full_width):
    number = f"{birth}{sep}{back}"
    if full_width:
        number = number.translate(FULL_WIDTH)
    masked = mask_pii(f"{before} {number} {after}").text
    plain = masked.translate({ord(c): None for c in "\u200b"}).translate(
        str.maketrans("０１２３４５６７８９", "0123456789")
    )
    assert back[1:] not in plain
    assert f"{birth}{back}" not in "".join(c for c in plain if c.isdigit())


@REPEATABLE
@given(st.lists(st.sampled_from(TABLE_TEXTS) | st.text(max_size=30), min_size=1, max_size=6).map(" ".join))
def test_masking_twice_is_masking_once(text):
    once = mask_pii(text).text
    assert mask_pii(once).text == once
    assert len(once) == len(text)


ordinary_piece = st.one_of(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2199, 12, 31)).flatmap(
        lambda d: st.sampled_from(
            [f"{d:%Y-%m-%d}", f"{d:%Y}. {d.month}. {d.day}.", f"{d:%Y%m%d}", f"{d:%y.%m.%d}"]
        )
    ),
    st.times().map(lambda t: f"{t:%H:%M}"),
    st.integers(0, 10**9).map(lambda n: f"{n:,}원"),
    st.integers(0, 10**5).map(lambda n: f"{n}건"),
    st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.1f}%"),
    st.sampled_from(["120", "110", "02-120"]),
    st.tuples(st.sampled_from(["1577", "1588", "1544", "1644", "1600", "1899"]), st.integers(0, 9999)).map(
        lambda t: f"{t[0]}-{t[1]:04d}"
    ),
    st.integers(1, 999).map(lambda n: f"세종대로 {n}"),
    st.tuples(st.integers(101, 120), st.integers(101, 2504)).map(lambda t: f"{t[0]}동 {t[1]}호"),
    st.tuples(st.integers(10, 99), st.integers(100, 999)).map(lambda t: f"정류장 번호 {t[0]}-{t[1]}"),
    st.integers(1, 9999).map(lambda n: f"{n}번 버스"),
    st.integers(1000, 99999).map(lambda n: f"우편번호 {n:05d}"),
    st.tuples(st.integers(10, 99), st.integers(0, 9999999)).map(
        lambda t: f"1AA-26{t[0] % 12 + 1:02d}-{t[1]:07d}"
    ),
    st.tuples(
        births, backs, st.sampled_from(["처리번호", "접수번호", "신청번호", "민원번호", "사건번호"])
    ).map(lambda t: f"{t[2]} {t[0]}-{t[1]}"),
    st.sampled_from(["오늘", "방문", "문의", "처리", "감사합니다", "이사", "일이", "사이"]),
)


@REPEATABLE
@given(st.lists(ordinary_piece, min_size=1, max_size=8).map(" ".join))
def test_ordinary_text_is_unchanged(text):
    assert mask_pii(text).text == text


SPOKEN = dict(zip("0123456789", "공일이삼사오육칠팔구", strict=True))
PHONE_SEPARATORS = ["", "-", " ", ".", "–", " - ", "\u200b", "에 "]


@REPEATABLE
@given(
    st.sampled_from(["010", "011", "016", "019", "02", "031", "051", "070", "0505"]),
    st.integers(2000, 9999),
    st.integers(0, 9999),
    st.sampled_from(PHONE_SEPARATORS),
    st.sampled_from(["none", "all", "last", "lead"]),
    words,
)
def test_no_phone_number_survives_however_it_is_written(lead, middle, last, sep, spoken, before):
    groups = [lead, f"{middle}", f"{last:04d}"]
    if spoken == "all":
        groups = ["".join(SPOKEN[c] for c in g) for g in groups]
    elif spoken == "last":
        groups[2] = "".join(SPOKEN[c] for c in groups[2])
    elif spoken == "lead":
        groups[0] = "".join(SPOKEN[c] for c in groups[0])
    if sep == "에 " and spoken == "none":
        sep = " "
    text = f"{before} {sep.join(groups)} 입니다"
    masked = mask_pii(text).text
    end = text.index(" 입니다")
    assert set(masked[end - len(groups[2]) : end]) == {"*"}, (text, masked)
