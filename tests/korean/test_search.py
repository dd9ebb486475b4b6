"""The pure Korean search analysis: morphology, spacing, compounds, typos, everyday words, highlighting."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from chinjeol.korean.search import (
    Expansion,
    SynonymTable,
    TypoIndex,
    analyse,
    bigrams,
    highlight,
    jamo_distance,
    plan_query,
    snippet,
    to_jamo,
)


def test_particles_and_endings_are_removed_nouns_and_stems_kept():
    terms = analyse("쓰레기를 버리는 날이 언제예요?").terms
    assert "쓰레기" in terms and "버리" in terms and "날" in terms
    assert not {"를", "는", "이", "예요", "?"} & set(terms)


def test_words_written_together_are_split_like_words_written_apart():
    together = analyse("쓰레기버리는날이언제예요").terms
    apart = analyse("쓰레기 버리는 날이 언제예요").terms
    assert together == apart


def test_compounds_are_split_and_also_kept_whole():
    analysis = analyse("주민등록등본 발급")
    assert {"주민", "등록", "등본"} <= set(analysis.terms)
    assert "주민등록등본" in analysis.keys
    assert "주민등록" in analysis.keys


def test_prefixed_nouns_keep_their_prefix_as_a_key():
    assert "재발급" in analyse("여권 재발급").keys
    assert "폐가구" in analyse("폐가구 버리기").keys


def test_english_is_lower_cased_and_question_words_dropped():
    terms = analyse("How do I renew my Passport").terms
    assert "passport" in terms and "how" not in terms


def test_bigrams():
    assert bigrams("도로 파임") == ["도로", "로파", "파임"]
    assert bigrams("차") == ["차"]
    assert bigrams("") == []


def test_jamo_split_and_distance():
    assert to_jamo("여권") == "ㅇㅕㄱㅝㄴ"
    assert to_jamo("a1") == "a1"
    assert jamo_distance("여권", "여건") == 1
    assert jamo_distance("쓰레기", "쓰래기") == 1
    assert jamo_distance("과태료", "과태료") == 0


def test_typo_index_finds_the_nearest_known_word_preferring_the_frequent_one():
    index = TypoIndex([("여권", 30), ("여건", 1), ("쓰레기", 12), ("과태료", 8), ("주민등록", 5)])
    assert index.correct("쓰래기") == "쓰레기"
    assert index.correct("과테료") == "과태료"
    assert index.correct("주민등룩") == "주민등록"
    assert index.correct("여권") is None  # known words stay
    assert index.correct("차") is None  # one syllable: too short to guess
    assert index.correct("자전거") is None  # nothing near


def test_synonyms_match_without_spaces_and_english_as_words():
    table = SynonymTable(
        [
            Expansion("쓰레기 버리는 날", "생활폐기물 배출 요일"),
            Expansion("쓰레기", "폐기물"),
            Expansion("parking ticket", "주정차 위반 과태료"),
            Expansion("tax", "세금"),
        ]
    )
    phrases = [e.phrase for e in table.matches("쓰레기버리는날 알려주세요")]
    assert phrases == ["쓰레기 버리는 날"]  # the longer phrase covers the shorter one
    assert [e.phrase for e in table.matches("I got Parking Tickets")] == ["parking ticket"]
    assert [e.phrase for e in table.matches("taxes")] == ["tax"]
    assert table.matches("taxi stand") == []  # English matches whole words only


def test_plan_corrects_unknown_words_and_adds_official_terms():
    vocabulary = {"여권", "재발급", "발급", "과태료", "주정차", "위반", "주차"}
    typos = TypoIndex((w, 1) for w in vocabulary)
    plan = plan_query(
        "여건 재발급",
        vocabulary=vocabulary,
        typos=typos,
        synonyms=SynonymTable([Expansion("딱지", "과태료")]),
    )
    assert plan.corrections == {"여건": "여권"}
    assert "여권" in plan.terms and "재발급" in plan.terms
    ticket = plan_query(
        "주차딱지", vocabulary=vocabulary, typos=typos, synonyms=SynonymTable([Expansion("딱지", "과태료")])
    )
    assert "과태료" in ticket.expanded
    assert "딱지" in ticket.unknown


def test_highlight_escapes_first_then_marks():
    html = highlight('<script>alert("여권")</script> 여권 재발급', ["여권"])
    assert "<script>" not in html
    assert html.count("<mark>여권</mark>") == 2
    assert "&lt;script&gt;" in html


@given(st.text(max_size=60), st.lists(st.text(min_size=1, max_size=4), max_size=4))
def test_highlight_never_lets_markup_through(text, words):
    html = highlight(text, words)
    assert re.sub(r"</?mark>", "", html).count("<") == 0


@given(st.text(alphabet="가나다라각낙닥락 x", max_size=30))
def test_jamo_has_two_letters_per_open_syllable_and_three_per_closed(text):
    open_ = sum(1 for ch in text if ch in "가나다라")
    closed = sum(1 for ch in text if ch in "각낙닥락")
    assert len(to_jamo(text)) == len(text) + open_ + 2 * closed


def test_snippet_starts_near_the_match():
    body = "가" * 200 + " 과태료는 40,000원입니다. " + "나" * 200
    piece = snippet(body, ["과태료"])
    assert "과태료" in piece and piece.startswith("…")


def test_confidence_falls_with_guessed_and_unknown_words():
    vocabulary = {"여권", "재발급", "발급", "반사"}
    typos = TypoIndex((w, 1) for w in vocabulary)
    sure = plan_query("여권 재발급", vocabulary=vocabulary, typos=typos)
    guessed = plan_query("여건 재발급", vocabulary=vocabulary, typos=typos)
    lost = plan_query("우주선 발사", vocabulary=vocabulary, typos=typos)
    assert sure.confidence() == 1.0
    assert 0.5 < guessed.confidence() < 1.0
    assert lost.confidence() < 0.5


def test_bm25f_title_beats_body_and_rare_beats_common():
    from chinjeol.korean.search.rank import Fields, bm25f

    docs = {
        1: Fields("여권 재발급", "", "분실 신청"),
        2: Fields("재산세 납부", "", "여권 재발급 신청"),
        3: Fields("주차", "", "신청"),
    }
    df = {"여권": 2, "재발급": 2, "신청": 3, "재산세": 1}
    ranked = bm25f(["여권", "재발급"], docs, document_frequency=df, total=3, average_length=3)
    assert [d for d, _s in ranked] == [1, 2]  # the title counts more; doc 3 shares no word
    rare = bm25f(["재산세", "신청"], docs, document_frequency=df, total=3, average_length=3)
    assert rare[0][0] == 2


def test_words_of_an_everyday_phrase_are_not_corrected_into_look_alikes():
    vocabulary = {"따지", "과태료", "주차"}
    typos = TypoIndex((w, 5) for w in vocabulary)
    plan = plan_query(
        "주차딱지", vocabulary=vocabulary, typos=typos, synonyms=SynonymTable([Expansion("딱지", "과태료")])
    )
    assert "따지" not in plan.terms and "과태료" in plan.expanded
    assert plan_query("딱지", vocabulary=vocabulary, typos=typos).corrections == {"딱지": "따지"}
