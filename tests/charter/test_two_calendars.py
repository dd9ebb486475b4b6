"""The law's calendar and the agency's calendar (민원처리법 제19조).

Statutory deadlines count Saturdays, Sundays and public holidays out, and nothing else: an agency's
closure is not a public holiday and an extra working Saturday is still a Saturday. The charter's promise
counts on the agency's calendar. Worked examples use the holidays listed in korean-rules.md §6."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from chinjeol.charter import rules
from chinjeol.charter.calendar import BusinessCalendar, agency_calendar, korean_holidays, law_calendar
from chinjeol.charter.models import CalendarDay
from chinjeol.charter.rules import Period
from chinjeol.core.models import ApiToken

KST = ZoneInfo("Asia/Seoul")
LAW = law_calendar(range(2024, 2030))
# The demo agency: closed on Thursday 2026-12-31, open on Saturday 2027-01-02.
DEMO = agency_calendar(
    range(2024, 2030), closures=[date(2026, 12, 31)], extra_working_days=[date(2027, 1, 2)]
)
LAW_WORDS = "토요일·공휴일 제외(민원처리법 제19조)"
AGENCY_WORDS = "기관 휴무일·추가 근무일 반영(기관 달력)"


def at(y, mo, d, h=9, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


def legal(received, kind="inquiry", calendar=DEMO, **kw):
    return rules.binding_deadline(received, kind=kind, channel="web", calendar=calendar, **kw).legal


# --- the two calendars ------------------------------------------------------------------------------


def test_the_law_calendar_drops_the_agency_days_only():
    assert DEMO.law == LAW and DEMO.law.is_law_calendar and not DEMO.is_law_calendar
    assert LAW.law is LAW
    assert DEMO.law.is_business_day(date(2026, 12, 31))  # a closure is a working day in law
    assert not DEMO.law.is_business_day(date(2027, 1, 2))  # an extra working Saturday is a Saturday
    assert not DEMO.is_business_day(date(2026, 12, 31)) and DEMO.is_business_day(date(2027, 1, 2))
    assert DEMO.law.holidays == DEMO.holidays
    short_day = BusinessCalendar.korean(
        [2026], periods=((datetime.min.time().replace(hour=10), datetime.min.time().replace(hour=16)),)
    )
    assert short_day.law.hours_per_day == 8  # the 민원실's 09–18 without lunch, whatever the agency sets
    assert LAW.label_ko == LAW_WORDS and DEMO.label_ko == AGENCY_WORDS


# --- worked examples ----------------------------------------------------------------------------------


def test_intake_in_the_afternoon_of_a_closure_counts_from_that_afternoon():
    received = at(2026, 12, 31, 14)  # Thursday, the agency's closure; 2027-01-01 is a holiday
    deadlines = rules.binding_deadline(received, kind="inquiry", channel="web", calendar=DEMO, charter_days=5)
    # law: 12-31 is day 1, then 01-04 … 01-08, 01-11 (7일)
    assert deadlines.legal.counted_from == received
    assert deadlines.legal.due_at == at(2027, 1, 11, 18) and deadlines.legal.calendar == "law"
    # promise (5일 = 40 working hours on the agency's calendar): from Saturday 01-02 09:00, the extra day
    assert deadlines.promise.counted_from == at(2027, 1, 2, 9)
    assert deadlines.promise.due_at == at(2027, 1, 7, 18) and deadlines.promise.calendar == "agency"
    assert deadlines.binding.due_at == deadlines.promise.due_at and deadlines.binding.calendar == "agency"
    assert "기관 달력" in deadlines.promise.rule and "민원처리법 제19조②" in deadlines.legal.rule
    assert "기관 휴무일 접수: 2027. 1. 2. 09:00부터 계산" in deadlines.promise.rule
    assert "접수:" not in deadlines.legal.rule
    # 기타민원 (3 working hours) received on the closure: 14:00 + 3h, the same afternoon
    assert legal(received, "other").due_at == at(2026, 12, 31, 17)
    # a short statutory period in hours runs through the closure too
    assert legal(at(2026, 12, 30, 17), "statutory", statutory_days=1).due_at == at(2026, 12, 31, 17)


def test_an_extra_working_saturday_is_still_a_saturday_in_law():
    worked = agency_calendar([2026], extra_working_days=[date(2026, 11, 28)])
    received = at(2026, 11, 27, 17)  # Friday 17:00
    assert legal(received, "other", worked).due_at == at(2026, 11, 30, 11)
    assert rules.promise_due_at(received, Period.of_hours(3), worked).due_at == at(2026, 11, 28, 11)
    assert rules.due_at(received, Period.of_hours(3), worked).due_at == at(2026, 11, 30, 11)
    assert legal(at(2026, 11, 28, 10), "inquiry", worked).counted_from == at(2026, 11, 30, 9)
    assert legal(at(2026, 11, 23, 10), "inquiry", worked).due_at == at(2026, 12, 1, 18)


@pytest.mark.parametrize(
    ("received", "kind", "expected"),
    [
        # 추석 2026 (09-24~26, no substitute: 09-26 is a Saturday), 개천절 10-03 (Sat) → 10-05
        (at(2026, 9, 23, 10), "inquiry", at(2026, 10, 6, 18)),
        (at(2026, 9, 23, 10), "inquiry_law", at(2026, 10, 16, 18)),
        (at(2026, 9, 23, 16), "other", at(2026, 9, 28, 10)),
        # 설날 2027 (02-06~08, 02-07 is a Sunday → 02-09)
        (at(2027, 2, 5, 10), "inquiry", at(2027, 2, 17, 18)),
        (at(2027, 2, 5, 17), "other", at(2027, 2, 10, 11)),
        # 2026-06-03 지방선거일 (Wednesday); 06-06 현충일 falls on a Saturday without substitute
        (at(2026, 6, 2, 16), "other", at(2026, 6, 4, 10)),
        (at(2026, 6, 1, 10), "inquiry", at(2026, 6, 10, 18)),
        # temporary holidays: 2025-01-27 (then 설 01-28~30), 2024-10-01 (then 개천절 10-03)
        (at(2025, 1, 24, 17), "other", at(2025, 1, 31, 11)),
        (at(2024, 9, 30, 17), "other", at(2024, 10, 2, 11)),
        (at(2024, 9, 30, 10), "inquiry", at(2024, 10, 11, 18)),  # 10-09 한글날 as well
    ],
)
def test_holidays_worked_examples(received, kind, expected):
    assert legal(received, kind).due_at == expected
    assert legal(received, kind, LAW).due_at == expected


def test_statutory_three_days_are_24_working_hours_across_seollal_2027():
    assert legal(at(2027, 2, 5, 15), "statutory", statutory_days=3).due_at == at(2027, 2, 12, 15)


# Each substitute holiday of 2026 and 2027 (korean-rules.md §6): received at 17:00 on the last business
# day before it, 3 working hours end at 11:00 on the first business day after it.
SUBSTITUTES = [
    (date(2026, 3, 2), date(2026, 2, 27), date(2026, 3, 3)),
    (date(2026, 5, 25), date(2026, 5, 22), date(2026, 5, 26)),
    (date(2026, 8, 17), date(2026, 8, 14), date(2026, 8, 18)),
    (date(2026, 10, 5), date(2026, 10, 2), date(2026, 10, 6)),
    (date(2027, 2, 9), date(2027, 2, 5), date(2027, 2, 10)),
    (date(2027, 5, 3), date(2027, 4, 30), date(2027, 5, 4)),
    (date(2027, 7, 19), date(2027, 7, 16), date(2027, 7, 20)),
    (date(2027, 8, 16), date(2027, 8, 13), date(2027, 8, 17)),
    (date(2027, 10, 4), date(2027, 10, 1), date(2027, 10, 5)),
    (date(2027, 10, 11), date(2027, 10, 8), date(2027, 10, 12)),
    (date(2027, 12, 27), date(2027, 12, 24), date(2027, 12, 28)),
]


@pytest.mark.parametrize(("substitute", "before", "after"), SUBSTITUTES)
def test_substitute_holidays(substitute, before, after):
    assert substitute in dict(korean_holidays(substitute.year))
    received = datetime.combine(before, datetime.min.time(), KST).replace(hour=17)
    expected = datetime.combine(after, datetime.min.time(), KST).replace(hour=11)
    assert legal(received, "other", LAW).due_at == expected
    # closing on the day of receipt and opening on the substitute day change nothing in law
    agency = agency_calendar([substitute.year], closures=[before], extra_working_days=[substitute])
    assert legal(received, "other", agency).due_at == expected
    assert rules.promise_due_at(received, Period.of_hours(3), agency).due_at.date() == substitute


def test_weeks_months_and_years_end_on_the_next_business_day():
    def due(received, period):
        return rules.legal_due_at(received, period, DEMO).due_at

    assert due(at(2026, 9, 4, 10), Period.of_months(1)) == at(2026, 10, 6, 18)  # 10-03 Sat 개천절
    assert due(at(2026, 11, 23, 10), Period.of_weeks(2)) == at(2026, 12, 7, 18)  # ends Sunday 12-06
    assert due(at(2026, 11, 24, 10), Period.of_weeks(1)) == at(2026, 11, 30, 18)  # ends Monday itself
    assert due(at(2027, 1, 29, 10), Period.of_months(1)) == at(2027, 3, 2, 18)  # 02-28 (Sun) → 03-01 → 03-02
    assert due(at(2026, 1, 2, 10), Period.of_years(1)) == at(2027, 1, 4, 18)  # 2027-01-01 → Monday
    # the 2026-12-31 closure is not a holiday: a month counted from 12-01 ends on it
    assert due(at(2026, 12, 1, 10), Period.of_months(1)) == at(2026, 12, 31, 18)
    assert Period.of_months(2).label_ko == "2개월" and Period.of_years(1).label_ko == "1년"
    with pytest.raises(ValueError):
        Period(days=3, weeks=1)
    with pytest.raises(ValueError):
        Period.of_months(0)


def _extend(current, original, calendar, days, requested_at):
    return rules.extension_due(
        current,
        original,
        calendar,
        extension_no=1,
        days=days,
        customer_consent=False,
        requested_at=requested_at,
    )


def test_extensions_count_on_the_law_calendar():
    closed = agency_calendar([2026, 2027], closures=[date(2027, 1, 5)])
    original = Period.of_days(7)
    current = rules.legal_due_at(at(2026, 12, 21, 10), original, closed).due_at
    assert current == at(2026, 12, 30, 18)
    extended = _extend(current, original, closed, 7, at(2026, 12, 28))
    assert extended.due_at == at(2027, 1, 11, 18) and extended.calendar == "law"  # the 01-05 closure counts
    short = _extend(at(2026, 12, 30, 18), Period.of_days(3), DEMO, 1, at(2026, 12, 28))
    assert short.due_at == at(2026, 12, 31, 18)  # 8 working hours on the closure day
    # a month's period caps the extension at the calendar days it spans from the day after (10-07~11-06)
    assert _extend(at(2026, 10, 6, 18), Period.of_months(1), LAW, 31, at(2026, 10, 1)).due_at > at(
        2026, 10, 6, 18
    )
    with pytest.raises(rules.ExtensionError):
        _extend(at(2026, 10, 6, 18), Period.of_months(1), LAW, 32, at(2026, 10, 1))


def test_a_disclosure_request_is_extended_once_only():
    original = Period.of_days(10)
    current = rules.legal_due_at(at(2026, 11, 2, 10), original, LAW).due_at
    first = rules.extension_due(
        current,
        original,
        LAW,
        extension_no=1,
        days=10,
        customer_consent=False,
        requested_at=at(2026, 11, 10),
        kind="disclosure",
    )
    assert first.due_at == at(2026, 11, 27, 18) and current == at(2026, 11, 13, 18)
    with pytest.raises(rules.ExtensionError, match="정보공개법 제11조②"):
        rules.extension_due(
            first.due_at,
            original,
            LAW,
            extension_no=2,
            days=5,
            customer_consent=True,
            requested_at=at(2026, 11, 20),
            kind="disclosure",
        )
    again = rules.extension_due(
        first.due_at,
        original,
        LAW,
        extension_no=2,
        days=5,
        customer_consent=True,
        requested_at=at(2026, 11, 20),
        kind="inquiry",
    )
    assert again.due_at > first.due_at


def test_transfer_from_the_civil_office_with_a_special_reason_has_three_working_hours():
    plain = rules.transfer_due(at(2026, 11, 23, 11), external=False, calendar=LAW)
    distant = rules.transfer_due(at(2026, 11, 23, 11), external=False, special_reason=True, calendar=LAW)
    assert plain.due_at == at(2026, 11, 23, 12) and distant.due_at == at(2026, 11, 23, 15)  # lunch left out
    assert "제13조① 단서" in distant.rule


def test_transfer_and_interim_notices_count_on_the_law_calendar():
    external = rules.transfer_due(at(2026, 12, 31, 14), external=True, calendar=DEMO)
    assert external.due_at == at(2027, 1, 4, 14) and external.calendar == "law"
    assert rules.transfer_due(at(2026, 12, 31, 14), external=False, calendar=DEMO).due_at == at(
        2026, 12, 31, 15
    )
    closed = agency_calendar([2026], closures=[date(2026, 12, 2)], extra_working_days=[date(2026, 12, 5)])
    assert rules.interim_notice_dates(at(2026, 11, 2, 10), at(2026, 12, 3), calendar=closed) == [
        at(2026, 12, 2, 10)
    ]
    # 30 days after 11-05 is Saturday 12-05: the next business day in law, even if the agency works that day
    assert rules.interim_notice_dates(at(2026, 11, 5, 10), at(2026, 12, 6), calendar=closed) == [
        at(2026, 12, 7, 9)
    ]


def test_case_deadlines_name_their_calendar():
    promise_binds = rules.case_deadlines(
        legal_due_at=at(2027, 1, 20, 18),
        promise_due_at=at(2027, 1, 11, 18),
        due_at=at(2027, 1, 11, 18),
        extensions=0,
    )
    assert [(row.which, row.calendar) for row in promise_binds] == [
        ("binding", "agency"),
        ("legal", "law"),
        ("promise", "agency"),
    ]
    assert promise_binds[1].label == "법정 처리기한" and promise_binds[1].calendar_label == LAW_WORDS
    extended = rules.case_deadlines(
        legal_due_at=at(2027, 1, 20, 18),
        promise_due_at=at(2027, 1, 11, 18),
        due_at=at(2027, 1, 22, 18),
        extensions=1,
    )
    assert extended[0].calendar == "law"
    no_promise = rules.case_deadlines(
        legal_due_at=at(2027, 1, 20, 18), promise_due_at=None, due_at=at(2027, 1, 20, 18), extensions=0
    )
    assert [row.which for row in no_promise] == ["binding", "legal"] and no_promise[0].calendar == "law"


# --- the case page and the case API -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_case_received_on_a_closure_shows_both_calendars(client_for, client, make_case, org):
    CalendarDay.objects.create(date=date(2026, 12, 31), kind="closure", name="청사 전기 안전 점검 휴무")
    CalendarDay.objects.create(date=date(2027, 1, 2), kind="extra_working_day", name="연초 민원 집중 처리일")
    case = make_case(now=at(2026, 12, 31, 14), received_at=at(2026, 12, 31, 14))
    assert case.counted_from == at(2026, 12, 31, 14)
    assert case.legal_due_at == at(2027, 1, 11, 18)  # 7일 from the closure day, not from Saturday
    assert case.promise_due_at == at(2027, 1, 11, 18)  # 7일 from the extra working Saturday
    page = client_for(org.officer).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert f"법정 처리기한 — {LAW_WORDS}" in page
    assert f"헌장 약속 기한 — {AGENCY_WORDS}" in page
    token = ApiToken.issue(org.officer)[1]
    data = client.get(f"/api/v1/cases/{case.pk}", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    calendars = {row["which"]: (row["calendar"], row["calendar_label"]) for row in data["deadlines"]}
    assert calendars == {
        "binding": ("law", LAW_WORDS),
        "legal": ("law", LAW_WORDS),
        "promise": ("agency", AGENCY_WORDS),
    }


@pytest.mark.django_db
def test_a_temporary_holiday_entered_by_the_agency_moves_the_legal_deadline(make_case):
    from chinjeol.charter import queries

    CalendarDay.objects.create(date=date(2026, 11, 25), kind="public_holiday", name="임시공휴일")
    CalendarDay.objects.create(date=date(2026, 11, 26), kind="closure", name="청사 점검")
    law = queries.law_calendar_for()
    assert law.is_law_calendar and not law.is_business_day(date(2026, 11, 25))
    assert law.is_business_day(date(2026, 11, 26)) and law.holiday_names[date(2026, 11, 25)] == "임시공휴일"
    case = make_case(
        kind="other", channel="phone", now=at(2026, 11, 24, 17), received_at=at(2026, 11, 24, 17)
    )
    assert case.legal_due_at == at(2026, 11, 26, 11)  # 11-25 left out; the 11-26 closure is not


@pytest.mark.django_db
def test_the_calendar_page_lists_an_entered_temporary_holiday_among_public_holidays(client_for, org):
    CalendarDay.objects.create(date=date(2026, 11, 25), kind="public_holiday", name="임시공휴일(시험)")
    page = client_for(org.officer).get(reverse("charter:calendar") + "?year=2026").content.decode()
    listed = page[page.index('id="holiday-title"') : page.index('id="agency-title"')]
    assert "공휴일 23일" in listed and "임시공휴일(시험)" in listed and "지방선거일" in listed


@pytest.mark.django_db
def test_a_statutory_service_in_months_counts_like_the_civil_code(client_for, client, make_case, org):
    from chinjeol.charter.models import StatutoryService

    officer = client_for(org.officer)
    response = officer.post(
        reverse("charter:statutory"),
        {"code": "ST-MONTH", "name": "개발행위 허가", "days": "1", "unit": "months"},
    )
    assert response.status_code == 302
    service = StatutoryService.objects.get(code="ST-MONTH")
    assert service.period == Period.of_months(1) and str(service) == "개발행위 허가 (1개월)"
    assert "1개월" in officer.get(reverse("charter:statutory")).content.decode()
    # received Friday 2026-09-04: the month ends on 10-03 (Saturday, 개천절) → Tuesday 10-06 (10-05 substitute)
    case = make_case(
        kind="statutory",
        statutory_service_id=service.pk,
        now=at(2026, 9, 4, 10),
        received_at=at(2026, 9, 4, 10),
    )
    assert case.legal_due_at == at(2026, 10, 6, 18)
    token = ApiToken.issue(org.officer)[1]
    data = client.get(
        "/api/v1/charter/deadline",
        {"received_at": "2026-09-04T10:00:00+09:00", "kind": "statutory", "statutory_service": service.pk},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    ).json()
    assert data["legal_due_at"] == "2026-10-06T18:00:00+09:00"
    too_long = officer.post(
        reverse("charter:statutory"), {"code": "ST-LONG", "name": "긴 사무", "days": "13", "unit": "months"}
    )
    assert too_long.status_code == 400 and "12개월까지" in too_long.content.decode()


# --- properties ---------------------------------------------------------------------------------------

HOLIDAYS = {day for year in range(2024, 2030) for day, _name in korean_holidays(year)}
moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 6, 30)).map(
    lambda moment: moment.replace(second=0, microsecond=0, tzinfo=KST)
)
agency_days = st.frozensets(st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 6, 30)), max_size=40)
kinds = st.sampled_from([kind for kind in rules.CaseKind if kind != rules.CaseKind.STATUTORY])
periods = st.one_of(
    st.integers(min_value=1, max_value=30).map(Period.of_days),
    st.integers(min_value=1, max_value=40).map(Period.of_hours),
    st.integers(min_value=1, max_value=8).map(Period.of_weeks),
    st.integers(min_value=1, max_value=6).map(Period.of_months),
)


def _agency(closures, extra):
    return agency_calendar(range(2024, 2030), closures=closures, extra_working_days=extra)


@settings(max_examples=150, deadline=None)
@given(moments, kinds, agency_days, agency_days)
def test_the_legal_deadline_never_falls_on_a_saturday_sunday_or_holiday(received, kind, closures, extra):
    deadline = legal(received, kind, _agency(closures, extra)).due_at.astimezone(KST)
    assert deadline.weekday() < 5 and deadline.date() not in HOLIDAYS


@settings(max_examples=150, deadline=None)
@given(moments, periods, agency_days, agency_days)
def test_agency_days_never_change_a_legal_deadline(received, period, closures, extra):
    agency = _agency(closures, extra)
    counted = rules.legal_due_at(received, period, agency)
    assert counted == rules.legal_due_at(received, period, LAW)
    due = counted.due_at.astimezone(KST)
    assert due.weekday() < 5 and due.date() not in HOLIDAYS
    assert rules.transfer_due(received, external=True, calendar=agency) == rules.transfer_due(
        received, external=True, calendar=LAW
    )
    if period.days is not None:
        requested = received - timedelta(days=1)
        assert _extend(counted.due_at, period, agency, period.days, requested) == _extend(
            counted.due_at, period, LAW, period.days, requested
        )


@settings(max_examples=150, deadline=None)
@given(
    moments,
    st.integers(min_value=1, max_value=30),
    agency_days,
    agency_days,
    st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
)
def test_a_new_closure_never_makes_the_promise_earlier(received, days, closures, extra, closed):
    before = rules.binding_deadline(
        received, kind="inquiry", channel="web", calendar=_agency(closures, extra), charter_days=days
    )
    after = rules.binding_deadline(
        received,
        kind="inquiry",
        channel="web",
        calendar=_agency(closures | {closed}, extra - {closed}),
        charter_days=days,
    )
    assert after.promise.due_at >= before.promise.due_at
    assert after.legal == before.legal
