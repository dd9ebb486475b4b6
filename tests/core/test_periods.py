from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.core.periods import Period


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 12, 1), "2026년 11월"),
        ("2026-12", date(2026, 12, 1), date(2027, 1, 1), "2026년 12월"),
        ("2026-H1", date(2026, 1, 1), date(2026, 7, 1), "2026년 상반기"),
        ("2026-h2", date(2026, 7, 1), date(2027, 1, 1), "2026년 하반기"),
        ("2026", date(2026, 1, 1), date(2027, 1, 1), "2026년"),
    ],
)
def test_parse(text, start, end, label):
    p = Period.parse(text)
    assert (p.start, p.end, p.label_ko) == (start, end, label)
    assert Period.parse(str(p)) == p


@pytest.mark.parametrize("bad", ["2026-13", "2026-H3", "26-11", "", "2026-00", "2026/11"])
def test_bad(bad):
    with pytest.raises(ValueError, match="기간 형식"):
        Period.parse(bad)


def test_previous_and_months():
    assert str(Period.parse("2026-01").previous()) == "2025-12"
    assert str(Period.parse("2026-H1").previous()) == "2025-H2"
    assert [str(m) for m in Period.parse("2026-H2").months()][0::5] == ["2026-07", "2026-12"]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["month", "half", "year"]),
)
def test_containing(day, kind):
    p = Period.containing(day, kind)
    assert p.start <= day < p.end
