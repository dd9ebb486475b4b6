import pytest

from tests.browser.conftest import login
from tests.factories import at


def _history(org):
    """Web cases: answered on time or late in March and November, one never answered in May."""
    from chinjeol.cases import services
    from chinjeol.cases.services import CaseIntake

    def case(received, department, handler=None, closed=None, title="주차 단속 문의"):
        made = services.case_register(
            intake=CaseIntake(
                channel="web",
                kind="inquiry",
                title=title,
                body="집 앞 불법 주차 단속을 요청합니다.",
                customer_name="홍길동",
                customer_phone="010-1234-5678",
                department_id=department.pk,
            ),
            by=None,
            now=received,
        )
        if handler is not None:
            services.case_assign(
                case_id=made.pk, staff_id=handler.staff.pk, by=org.officer, now=received.replace(hour=11)
            )
            services.case_close(
                case_id=made.pk, answer="요청하신 내용을 처리했습니다. 고맙습니다.", by=handler, now=closed
            )
        return made

    case(at(2026, 3, 3), org.civil, org.head, at(2026, 3, 5))
    case(at(2026, 5, 4), org.tax, title="재산세 고지서 문의")
    case(at(2026, 11, 2), org.civil, org.head, at(2026, 11, 4))
    late = case(at(2026, 11, 2), org.team, org.clerk, at(2026, 11, 18), title="가로등 고장 신고")
    return late


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_officer_revises_checks_compliance_and_publishes(page, org, shot):
    late = _history(org)
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, "officer", org.password)

    # The charter: a new version of the web promise; the old one stays in the history.
    page.goto("/charter/")
    page.get_by_role("link", name="홈페이지 질의·건의는 7일 안에 답변드리겠습니다").click()
    page.get_by_label("새 목표").fill("5")
    page.get_by_label("변경 사유").fill("답변 기한 단축 (주민 의견 반영)")
    page.get_by_role("button", name="새 판 만들기").click()
    page.get_by_text("2판(5일)을 만들었습니다").wait_for()
    history = page.get_by_role("table")
    assert history.get_by_role("row", name="2판 5일").count() == 1
    assert "지난 판" in history.get_by_role("row", name="1판 7일").inner_text()
    shot("standard")

    # Compliance for the running half-year, then the cases behind 민원팀's missed figure.
    page.goto("/reports/compliance/?period=2026-H2")
    page.get_by_role("heading", name="헌장 이행 점검 · 2026년 하반기").wait_for()
    ranking = page.locator("section", has=page.get_by_role("heading", name="부서별 순위"))
    assert ranking.get_by_role("row", name="민원과").count() == 1
    shot("compliance")
    ranking.get_by_role("link", name="민원팀 미이행 1건 보기").click()
    page.get_by_role("heading", name="2026년 하반기 · 민원팀 · 미이행").wait_for()
    page.get_by_role("link", name=late.receipt_no).wait_for()
    shot("drill-down")
    page.get_by_role("link", name=late.receipt_no).click()
    page.get_by_text("가로등 고장 신고").first.wait_for()

    # Publishing the first half-year.
    page.goto("/reports/compliance/?period=2026-H1")
    page.get_by_label("공개할 반기").select_option("2026-H1")
    page.get_by_label("부족한 점과 개선 조치").fill(
        "세무과 답변이 늦었습니다. 기한 하루 전 알림을 담당자와 부서장에게 함께 보냅니다."
    )
    page.get_by_role("button", name="공개하기").click()
    page.get_by_role("heading", name="2026년 상반기 고객서비스헌장 이행 점검 결과").wait_for()
    page.get_by_text("서비스헌장 이행 점검 결과를 공개했습니다").wait_for()
    shot("published")

    # A visitor without an account reads it, and the PDF.
    page.context.clear_cookies()
    page.goto("/reports/charter/")
    page.get_by_role("link", name="2026년 상반기", exact=True).click()
    page.get_by_role("heading", name="2026년 상반기 고객서비스헌장 이행 점검 결과").wait_for()
    assert page.get_by_text("세무과 답변이 늦었습니다.").count() == 1
    assert page.get_by_role("button", name="인쇄").count() == 1
    shot("public")
    pdf = page.request.get("/reports/charter/2026-H1/pdf/")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="인쇄").is_visible()
    shot("public-print")
