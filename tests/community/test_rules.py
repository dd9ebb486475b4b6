"""Pure rules of the report centre and the community (no database)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.charter.calendar import BusinessCalendar
from chinjeol.community import rules

KST = ZoneInfo("Asia/Seoul")

# --- report workflow -------------------------------------------------------------------------


def test_report_moves_received_investigating_decided():
    assert rules.report_transition_problem("received", "investigating") is None
    assert rules.report_transition_problem("investigating", "substantiated") is None
    assert rules.report_transition_problem("investigating", "unsubstantiated") is None
    assert rules.report_transition_problem("received", "unsubstantiated") is None
    assert rules.report_transition_problem("unsubstantiated", "investigating") is None


@pytest.mark.parametrize(
    ("current", "target", "words"),
    [
        ("received", "substantiated", "조사를 시작한 신고만"),
        ("substantiated", "unsubstantiated", "이미 인정된 신고"),
        ("substantiated", "investigating", "이미 인정된 신고"),
        ("substantiated", "substantiated", "이미 인정된 신고"),
        ("investigating", "investigating", "이미 '조사' 상태"),
        ("unsubstantiated", "substantiated", "조사를 시작한 신고만"),
        ("investigating", "received", "'조사' 상태의 신고는 '접수'"),
    ],
)
def test_refused_moves_say_why_in_korean(current, target, words):
    assert words in rules.report_transition_problem(current, target)


@given(st.sampled_from(list(rules.REPORT_STATUS_LABELS)), st.sampled_from(list(rules.REPORT_STATUS_LABELS)))
def test_a_substantiated_report_never_moves(current, target):
    problem = rules.report_transition_problem(current, target)
    if current == rules.SUBSTANTIATED:
        assert problem is not None
    assert (problem is None) == (target in rules.REPORT_TRANSITIONS[current])


def test_receipt_numbers():
    assert rules.format_receipt_no(2026, 12) == "R2026-00012"


# --- organisation ----------------------------------------------------------------------------
# 행정국(1, bureau) > 민원과(2) > 민원팀(3, team); 세무과(4) with no bureau; 감사실팀(5, team) at the top
PARENTS = {1: None, 2: 1, 3: 2, 4: None, 5: None}
KINDS = {1: "bureau", 2: "division", 3: "team", 4: "division", 5: "team"}


@pytest.mark.parametrize(("department", "responsible"), [(3, 2), (2, 2), (4, 4), (1, 1), (5, 5)])
def test_responsible_department_is_the_division_above_a_team(department, responsible):
    assert rules.responsible_department_id(department, PARENTS, KINDS) == responsible


@pytest.mark.parametrize(("department", "director"), [(3, 1), (2, 1), (1, 1), (4, 4), (5, 5)])
def test_director_is_the_bureau_head_or_the_department_head_without_bureau(department, director):
    assert rules.director_department_id(department, PARENTS, KINDS) == director


def test_a_cycle_in_the_tree_does_not_hang():
    assert rules.responsible_department_id(7, {7: 8, 8: 7}, {7: "team", 8: "team"}) in (7, 8)


# --- deadlines --------------------------------------------------------------------------------
CAL = BusinessCalendar.korean([2026, 2027])


def test_apology_call_due_three_working_days_later():
    # Friday 2026-11-20 14:00 → Wednesday 2026-11-25 14:00 (24 working hours)
    assert rules.apology_due_at(datetime(2026, 11, 20, 14, tzinfo=KST), CAL) == datetime(
        2026, 11, 25, 14, tzinfo=KST
    )


def test_apology_call_skips_public_holidays():
    # Wednesday 2026-09-23 10:00 (7 h left that day); 추석 24–26 (Thu–Sat); Mon 28 and Tue 29
    # give 16 h more; the last hour falls on Wednesday 09-30 09:00–10:00
    due = rules.apology_due_at(datetime(2026, 9, 23, 10, tzinfo=KST), CAL)
    assert due == datetime(2026, 9, 30, 10, tzinfo=KST)


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 20)))
def test_apology_due_is_on_a_business_day_and_later(naive):
    moment = naive.replace(tzinfo=KST)
    due = rules.apology_due_at(moment, CAL)
    assert due > moment
    assert CAL.is_business_day(due.date())
    assert CAL.working_time_between(moment, due) == timedelta(hours=24)


def test_prevention_due_date():
    today = date(2026, 11, 23)
    assert rules.prevention_due_problem(today, today) is None
    assert "오늘 이후" in rules.prevention_due_problem(today - timedelta(days=1), today)
    assert "1년" in rules.prevention_due_problem(today + timedelta(days=400), today)


# --- praise twice in a year -------------------------------------------------------------------
def P(staff, y, m, d):  # noqa: N802
    return rules.Praise(staff, date(y, m, d))


def test_twice_in_the_year_is_encouraged():
    praises = [P(1, 2026, 3, 1), P(1, 2026, 11, 2), P(2, 2026, 5, 5)]
    assert rules.encouragements_due(praises, year=2026) == [1]


def test_praises_in_different_years_do_not_add_up():
    praises = [P(1, 2025, 12, 31), P(1, 2026, 1, 1)]
    assert rules.encouragements_due(praises, year=2026) == []
    assert rules.encouragements_due(praises, year=2025) == []


def test_once_per_official_per_year():
    praises = [P(1, 2026, 3, 1), P(1, 2026, 4, 1), P(1, 2026, 5, 1)]
    assert rules.encouragements_due(praises, year=2026, already=[1]) == []
    assert rules.encouragements_due(praises, year=2027) == []


@given(
    st.lists(
        st.tuples(st.integers(1, 5), st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))),
        max_size=30,
    ),
    st.integers(2025, 2027),
    st.sets(st.integers(1, 5)),
)
def test_encouraged_exactly_those_praised_twice_not_yet_encouraged(raw, year, already):
    praises = [rules.Praise(s, d) for s, d in raw]
    due = rules.encouragements_due(praises, year=year, already=already)
    for staff in range(1, 6):
        times = sum(1 for s, d in raw if s == staff and d.year == year)
        assert (staff in due) == (times >= 2 and staff not in already)
    assert due == sorted(due)


# --- relay ------------------------------------------------------------------------------------
def test_nobody_recommends_themselves():
    assert "자기 자신" in rules.relay_problem(recommender_id=1, recommended_id=1, holders=[])


def test_one_open_baton_per_person():
    assert "이미 바통" in rules.relay_problem(recommender_id=1, recommended_id=2, holders=[2])
    assert rules.relay_problem(recommender_id=1, recommended_id=3, holders=[2]) is None


def test_the_baton_is_not_handed_straight_back():
    assert "되돌려" in rules.relay_problem(recommender_id=2, recommended_id=1, holders=[], passed_to_me_by=1)
    assert rules.relay_problem(recommender_id=2, recommended_id=3, holders=[], passed_to_me_by=1) is None


def test_only_serving_staff_can_be_recommended():
    assert "재직" in rules.relay_problem(
        recommender_id=1, recommended_id=2, holders=[], recommended_active=False
    )


@given(st.integers(1, 9), st.integers(1, 9), st.sets(st.integers(1, 9)))
def test_relay_problem_is_none_only_for_a_free_colleague(me, other, holders):
    problem = rules.relay_problem(recommender_id=me, recommended_id=other, holders=holders)
    assert (problem is None) == (me != other and other not in holders)


def test_smile_month():
    today = date(2026, 11, 23)
    assert rules.smile_month_problem(2026, 11, today) is None
    assert rules.smile_month_problem(2025, 1, today) is None
    assert "아직 오지 않은 달" in rules.smile_month_problem(2026, 12, today)
    assert "1부터 12" in rules.smile_month_problem(2026, 13, today)
    assert "이전 달" in rules.smile_month_problem(2024, 12, today)


# --- boards -----------------------------------------------------------------------------------
def test_best_case_moderation():
    t = rules.BEST_CASE_TRANSITIONS
    assert rules.post_transition_problem("submitted", "published", t) is None
    assert rules.post_transition_problem("published", "hidden", t) is None
    assert rules.post_transition_problem("hidden", "published", t) is None
    assert "이미 '게시'" in rules.post_transition_problem("published", "published", t)


def test_a_published_praise_post_stays():
    t = rules.PRAISE_POST_TRANSITIONS
    assert rules.post_transition_problem("submitted", "published", t) is None
    assert rules.post_transition_problem("hidden", "published", t) is None
    assert "숨길 수 없습니다" in rules.post_transition_problem("published", "hidden", t)


def test_broadcast_flow():
    assert rules.broadcast_transition_problem("requested", "approved") is None
    assert rules.broadcast_transition_problem("requested", "declined") is None
    assert rules.broadcast_transition_problem("approved", "aired") is None
    assert "승인된 신청만" in rules.broadcast_transition_problem("requested", "aired")
    assert "이미 '반려'" in rules.broadcast_transition_problem("declined", "approved")
    assert "이미 '방송 완료'" in rules.broadcast_transition_problem("aired", "declined")


def test_broadcast_date():
    today = date(2026, 11, 23)
    assert rules.requested_date_problem(today, today) is None
    assert "오늘 이후" in rules.requested_date_problem(today - timedelta(days=1), today)
    assert "6개월" in rules.requested_date_problem(today + timedelta(days=200), today)


# --- evidence files ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("확인서.pdf", b"%PDF-1.7\n"),
        ("photo.JPG", b"\xff\xd8\xff\xe0"),
        ("cctv.png", b"\x89PNG\r\n\x1a\n"),
        ("경위서.hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("경위서.hwp", b"PK\x03\x04"),
        ("진술.docx", b"PK\x03\x04"),
    ],
)
def test_accepted_evidence(name, head):
    assert rules.evidence_file_problem(name, 1000, head) is None


@pytest.mark.parametrize(
    ("name", "size", "head", "words"),
    [
        ("run.exe", 10, b"MZ", "형식은 PDF"),
        ("noext", 10, b"%PDF-", "형식은 PDF"),
        ("empty.pdf", 0, b"", "빈 파일"),
        ("big.pdf", rules.MAX_EVIDENCE_BYTES + 1, b"%PDF-", "10MB 이하"),
        ("fake.pdf", 10, b"MZ\x90\x00", "확장자(.pdf)와 맞지"),
    ],
)
def test_refused_evidence(name, size, head, words):
    assert words in rules.evidence_file_problem(name, size, head)


def test_initiative_year():
    today = date(2026, 11, 23)
    assert rules.initiative_year_problem(2026, today) is None
    assert rules.initiative_year_problem(2027, today) is None
    assert rules.initiative_year_problem(2024, today) is not None
