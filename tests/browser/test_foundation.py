import io

import pytest
from openpyxl import Workbook

from tests.browser.conftest import login

HOMES = {
    "officer": "기관 전체 현황",
    "auditor": "기관 전체 현황",
    "head": "담당 부서 현황",
    "leader": "담당 부서 현황",
    "clerk": "오늘도 친절한 하루",
    "evaluator": "평가표를 입력합니다",
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_role_logs_in_and_lands_on_its_home(page, org, shot):
    for persona, text in HOMES.items():
        login(page, persona, org.password)
        page.get_by_text(text).wait_for()
        assert page.title().startswith("처음")
        if persona in ("officer", "clerk"):
            shot(persona)
        page.get_by_role("button", name="로그아웃").click()
        page.get_by_role("heading", name="로그인").wait_for()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_org_file_with_bad_row_shows_report_and_imports_nothing(page, org, tmp_path, shot):
    from chinjeol.organization.models import Staff

    before = Staff.objects.count()
    wb = Workbook()
    ws = wb.active
    ws.append(["부서", "상위부서", "사번", "이름", "휴대전화"])
    ws.append(["신설과", "행정국", "N0001", "정새봄", "010-5555-6666"])
    ws.append(["신설과", "행정국", "N0002", "", "010-12"])
    path = tmp_path / "조직도.xlsx"
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())

    login(page, "officer", org.password)
    page.get_by_role("link", name="관리", exact=True).click()
    page.get_by_role("navigation", name="관리 메뉴").get_by_role("link", name="조직도 가져오기").click()
    page.get_by_label("조직도 파일 (CSV 또는 XLSX)").set_input_files(str(path))
    page.get_by_role("button", name="올리기").click()
    report = page.locator("#import-errors")
    report.wait_for()
    text = report.inner_text()
    assert "아무것도 반영하지 않았습니다" in text
    assert "이름이 비어 있습니다" in text and "휴대전화" in text
    shot("errors")
    assert Staff.objects.count() == before
    assert not Staff.objects.filter(employee_no="N0001").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_keyboard_skip_link_and_lockout_message(page, org):
    page.goto("/login/")
    first = page.evaluate(
        "[...document.querySelectorAll('a[href], button, input, select, textarea')]"
        ".find(e => e.offsetParent !== null || e.classList.contains('skip-link')).textContent"
    )
    assert first == "본문 바로가기"
    page.locator(".skip-link").focus()
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    for _ in range(5):
        login(page, "clerk", "wrong-password")
    login(page, "clerk", org.password)
    page.get_by_text("잠시 로그인할 수 없습니다").wait_for()
