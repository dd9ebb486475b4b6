import pytest

from tests.browser.conftest import login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_inspection_changes_the_officials_score_and_colour_at_once(page, org, shot):
    """A CS leader registers an inspection for a member of the department; the official sees the new
    entry behind the new score and colour."""
    from chinjeol.kindness import services
    from chinjeol.kindness.models import MileageEntry
    from tests.factories import at

    services.mileage_record(
        staff=org.clerk.staff,
        item_code="unkind",
        occurred_at=at(2026, 10, 2),
        source_type="kindness_report",
        source_id=1,
        source_label="R2026-00001 불친절 신고 인정",
    )
    login(page, "clerk", org.password)
    page.goto("/kindness/me/?period=2026-H2")
    assert page.locator("#score").inner_text() == "65.0"
    assert "주황 · 주의" in page.locator("#signal").inner_text()

    login(page, "leader", org.password)
    page.goto("/kindness/register/")
    page.get_by_label("이름, 사번 또는 부서로 찾기").fill("김민원")
    page.get_by_label("김민원").check()
    page.get_by_label("평가 항목").select_option("phone")
    page.get_by_label("평가 일시").fill("2026-11-03T10:00")
    page.get_by_label("점수").fill("5")
    page.get_by_label("비고").fill("첫인사와 소속 안내가 정확함")
    shot("register")
    page.get_by_role("button", name="등록").click()
    page.get_by_text("전화응대 점검 +5.0점을 등록했습니다").wait_for()

    entry = MileageEntry.objects.get(item__code="phone")
    login(page, "clerk", org.password)
    page.goto("/kindness/me/?period=2026-H2")
    assert page.locator("#score").inner_text() == "70.0"
    assert "노랑 · 보통" in page.locator("#signal").inner_text()
    row = page.locator(f"#entry-{entry.pk}")
    assert "첫인사와 소속 안내가 정확함" in row.inner_text() and "+5.0" in row.inner_text()
    assert "리더임" in row.inner_text()  # who registered it
    shot("me")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_organisation_view_shows_colours_in_words_and_the_department_ranking(page, org, shot):
    from chinjeol.kindness import services
    from tests.factories import at, make_staff

    people = [make_staff(department=org.tax, name=n) for n in ("정세무", "한세무", "오세무")]
    for person, points in zip(people, (15, 6, -3), strict=True):
        services.mileage_record(
            staff=person,
            item_code="phone",
            occurred_at=at(2026, 9, 1),
            source_type="inspection",
            source_id=1,
            points=points,
        )
    services.mileage_record(
        staff=org.clerk.staff,
        item_code="unkind",
        occurred_at=at(2026, 9, 2),
        source_type="inspection",
        source_id=2,
        count=2,
    )
    login(page, "officer", org.password)
    page.goto("/kindness/?period=2026-H2")
    chart = page.locator("svg.chart").text_content()
    assert "빨강 · 개선 필요" in chart and "1명 (" in chart
    ranking = page.locator("#department-ranking")
    assert ranking.locator("tbody tr").first.inner_text().startswith("1")
    shot("organisation")
    page.get_by_role("link", name="세무과").first.click()
    page.locator("#members").wait_for()
    assert "정세무" in page.locator("#members").inner_text()
    shot("department")
