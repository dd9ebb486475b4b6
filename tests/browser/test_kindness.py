import pytest

from tests.browser.conftest import login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_inspection_changes_score_and_colour_at_once(page, org, shot):
    """A CS leader registers an inspection; the official sees the entry, the new score and colour."""
    from chinjeol.kindness import services
    from tests.factories import at

    services.mileage_record(
        staff=org.clerk.staff,
        item_code="unkind",
        occurred_at=at(2026, 11, 2),
        source_type="report",
        source_id=1,
        source_label="불친절 신고 인정",
    )
    login(page, "clerk", org.password)
    page.goto("/kindness/me/?period=2026-H2")
    assert page.locator("#score").inner_text() == "65.00"
    assert "주황" in page.locator("#signal").inner_text()

    login(page, "leader", org.password)
    page.goto("/kindness/register/")
    page.get_by_label("직원").select_option(str(org.clerk.staff.pk))
    page.get_by_label("평가 항목").select_option("phone")
    page.get_by_label("평가 일시").fill("2026-11-03T10:00")
    page.get_by_label("점수 (비우면 항목 기준)").fill("5")
    page.get_by_label("비고").fill("첫 인사와 소속 안내가 정확함")
    page.get_by_role("button", name="등록").click()
    page.get_by_text("전화응대 점검 +5.00점을 등록했습니다").wait_for()

    login(page, "clerk", org.password)
    page.goto("/kindness/me/?period=2026-H2")
    assert page.locator("#score").inner_text() == "70.00"
    assert "노랑" in page.locator("#signal").inner_text()
    assert page.get_by_text("첫 인사와 소속 안내가 정확함").count() == 1
    shot("me")
