import re
from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.factories import at

SHOTS = Path("/tmp/shots-surveys")


def _save(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _closed_case(org):
    from chinjeol.cases import services

    case = services.case_register(
        intake=services.CaseIntake(
            channel="web",
            kind="grievance",
            title="불법 주차 단속 요청",
            body="집 앞 골목에 매일 불법 주차가 있습니다.",
            customer_name="홍길동",
            customer_phone="010-1234-5678",
            customer_email="",
            department_id=org.civil.pk,
        ),
        by=None,
        now=at(2026, 11, 23),
    )
    services.case_assign(case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 23, 11))
    return services.case_close(
        case_id=case.pk,
        answer="현장 단속을 실시하고 계도했습니다. 고맙습니다.",
        by=org.clerk,
        now=at(2026, 11, 24, 15),
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dissatisfied_happy_call_on_a_phone_reaches_the_heads_inbox(page, org, shot, time_machine):
    """A citizen answers the happy-call link on a phone-sized screen; a dissatisfied answer puts a catch-call
    on the department head's 오늘 할 일, and the head records the call."""
    from chinjeol.surveys.models import HappyCall

    time_machine.move_to(at(2026, 11, 25, 10, 30), tick=True)
    case = _closed_case(org)
    call = HappyCall.objects.get(case=case)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/surveys/h/{call.token}/")
    page.get_by_role("heading", name="민원 처리 만족도 조사").wait_for()
    answers = {
        "처리 결과에": "2점 불만족",
        "담당 직원은": "3점 보통",
        "처리 속도에": "1점 매우 불만족",
        "전반적으로": "2점 불만족",
    }
    for question, choice in answers.items():
        page.get_by_role("group", name=re.compile(question)).get_by_text(choice).click()
    page.get_by_label("하고 싶은 말씀").fill(
        "답변이 너무 늦었고 다시 전화해도 010-1234-5678 연결이 안 됐어요."
    )
    _save(page, "happy-call-phone")
    shot("phone-form")
    page.get_by_role("button", name="보내기").click()
    page.get_by_text("담당 부서장이 3근무일 안에 전화로 연락드리겠습니다.").wait_for()
    _save(page, "happy-call-phone-done")
    page.goto(f"/surveys/h/{call.token}/")
    assert page.get_by_role("button", name="보내기").count() == 0  # one answer only

    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, "head", org.password)
    page.goto("/")
    page.get_by_role("link", name=re.compile("불만족 해피콜")).click()
    row = page.locator(f"#catch-{call.pk}")
    assert "1234-5678" not in row.inner_text()  # the comment was masked when stored
    row.get_by_label("통화 결과").fill("부서장이 전화로 사과드리고 단속 일정을 다시 안내함")
    _save(page, "catch-calls")
    row.get_by_role("button", name="통화 완료").click()
    page.get_by_text("불만 해소 전화를 기록했습니다.").wait_for()
    call.refresh_from_db()
    assert call.catch_done_at is not None and call.catch_by == org.head


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_cs_officer_publishes_the_annual_survey(page, org, shot, browser, live_server):
    """The CS officer builds the annual survey, citizens answer it anonymously, the officer closes it, reads
    the charts and publishes the results with the improvement actions on the public pages."""
    from chinjeol.surveys.models import Survey

    login(page, "officer", org.password)
    page.goto("/surveys/new/")
    page.get_by_label("제목").fill("2026년 고객만족도 조사")
    page.get_by_label(re.compile("연례 고객만족도 조사")).check()
    page.get_by_role("button", name="만들고 문항 추가하기").click()
    for kind, text, options in (
        ("scale5", "민원 처리에 전반적으로 만족하십니까?", ""),
        ("single", "주로 어떻게 민원을 내셨습니까?", "방문\n전화\n누리집"),
        ("nps", "주변에 추천하시겠습니까?", ""),
    ):
        page.get_by_label("유형").select_option(kind)
        page.get_by_label("질문").fill(text)
        page.get_by_label(re.compile("보기")).fill(options)
        page.get_by_role("button", name="문항 추가").click()
        page.get_by_text("문항을 추가했습니다.").wait_for()
    page.get_by_role("button", name="응답 받기 시작").click()
    page.get_by_text("응답을 받기 시작했습니다.").wait_for()
    assert page.get_by_role("img", name="조사 QR 코드").count() == 1
    shot("builder")
    survey = Survey.objects.get()

    citizen = browser.new_context(
        locale="ko-KR", base_url=live_server.url, viewport={"width": 390, "height": 844}
    )
    other = citizen.new_page()
    for scale, route, nps in (("5", "방문", "10"), ("4", "전화", "9"), ("2", "방문", "3")):
        other.goto(f"/surveys/s/{survey.token}/?via=qr")
        other.get_by_role("group", name=re.compile("전반적으로")).get_by_text(scale, exact=True).click()
        other.get_by_label(route).check()
        other.get_by_role("group", name=re.compile("추천")).get_by_text(nps, exact=True).click()
        other.get_by_role("button", name="보내기").click()
        other.get_by_text("응답을 받았습니다.").wait_for()
    citizen.close()

    page.goto(f"/surveys/{survey.pk}/")
    page.get_by_role("button", name="마감").click()
    page.get_by_text("조사를 마감했습니다.").wait_for()
    page.goto(f"/surveys/{survey.pk}/results/")
    assert page.locator("svg.chart").count() == 3
    assert "순추천지수(NPS) <strong>33</strong>" in page.content()
    page.get_by_label("결과 요약").fill("전반 만족도는 높았으나 대기 시간에 대한 의견이 많았습니다.")
    page.get_by_label(re.compile("정한 개선 조치")).fill("민원실 번호표 대기 현황 공개\n점심시간 교대 근무")
    _save(page, "survey-results")
    page.get_by_role("button", name="결과와 개선 조치 공개").click()
    page.get_by_text("점심시간 교대 근무").wait_for()
    shot("published")
    page.context.clear_cookies()
    page.goto("/surveys/public/")
    page.get_by_role("link", name="2026년 고객만족도 조사").click()
    page.get_by_text("민원실 번호표 대기 현황 공개").wait_for()
    _save(page, "survey-public")
    from django.utils import timezone

    from chinjeol.surveys.queries import published_count

    today = timezone.localdate()
    assert published_count(today.replace(month=1, day=1), today) == 1
