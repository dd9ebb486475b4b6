import pytest

from tests.browser.conftest import login


def _scorecards():
    """Transactional tests flush the data-migration rows: put the default sheets back."""
    from importlib import import_module

    from django.apps import apps

    from chinjeol.quality.models import Scorecard

    if not Scorecard.objects.exists():
        import_module("chinjeol.quality.migrations.0002_default_scorecards").create(apps, None)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_evaluator_scores_a_call_and_the_official_sees_points_and_source(page, org, shot):
    """The external evaluator starts from 평가 입력, finds the official by name, scores a call on the
    Seoul sheet; the official sees the points on ‘내 친절’ with a link to the evaluation behind them."""
    from chinjeol.quality.models import Evaluation

    _scorecards()
    login(page, "evaluator", org.password)
    page.get_by_role("link", name="평가 입력").first.click()
    page.get_by_role("heading", name="평가 입력").wait_for()
    assert page.get_by_role("link", name="전화친절도 평가표 (서울형)").get_attribute("aria-current") == "page"
    page.get_by_label("이름, 사번 또는 부서로 찾기").fill("김민")
    page.get_by_label("김민원").check()
    page.get_by_label("평가 방식").select_option("phone")
    page.get_by_label("평가 일시").fill("2026-11-03T10:00")
    points = {"접속신속": 10, "맞이인사": 10, "언어표현": 9, "경청태도": 10, "적극안내": 8, "응대태도": 10,
              "종료인사": 12, "통화종료": 5, "전체만족": 9}  # fmt: skip
    for label, value in points.items():
        page.get_by_label(label, exact=True).fill(str(value))
    page.locator("input[name=na-transfer]").check()
    page.get_by_label("의견").fill("소속과 이름을 밝히고 끝까지 경청함")
    shot("sheet")
    page.get_by_role("button", name="평가 등록").click()
    page.get_by_text("평가(").first.wait_for()
    evaluation = Evaluation.objects.get()
    assert str(evaluation.total) == "92.22"  # 83 of 90 points: 연결태도 is left out (해당 없음)
    shot("result")

    login(page, "clerk", org.password)
    page.goto("/kindness/me/?period=2026-H2")
    link = page.get_by_role("link", name=f"전화 응대 평가 {evaluation.number}")
    assert link.get_attribute("href") == f"/quality/evaluations/{evaluation.pk}/"
    row = page.locator("tr", has=link)
    assert "+3.0" in row.inner_text() and "서비스 품질 평가" in row.inner_text()
    shot("me")
    link.click()
    page.get_by_role("heading", name="김민원님 전화 응대 평가").wait_for()
    assert page.locator("#grade").inner_text() == "매우우수"
