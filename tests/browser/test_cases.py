import re

import pytest

from tests.browser.conftest import login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_citizen_complaint_to_answer(page, org, shot):
    """A citizen submits on the web form, a counsellor handles it with an interim and a result notice,
    both reach the notify log, and the citizen reads the answer on the status page."""
    from chinjeol.cases.models import RoutingRule
    from chinjeol.notify.models import Message

    RoutingRule.objects.create(department=org.civil, priority=999)  # everything else goes to 민원과
    page.goto("/cases/new/")
    page.get_by_label("민원 종류").select_option("grievance")
    page.get_by_role("textbox", name="제목", exact=True).fill("가로등이 꺼져 있어요")
    page.get_by_role("textbox", name="내용", exact=True).fill(
        "OO공원 산책로 가로등이 사흘째 꺼져 있습니다. 제 번호는 010-4444-5555입니다."
    )
    page.get_by_role("textbox", name="이름", exact=True).fill("정시민")
    page.get_by_role("textbox", name="휴대전화", exact=True).fill("010-4444-5555")
    page.get_by_label(re.compile("개인정보 수집·이용에 동의")).check()
    shot("form")
    page.get_by_role("button", name="신청하기").click()
    receipt = page.locator("#receipt-no").inner_text()
    assert re.fullmatch(r"\d{4}-\d{7}", receipt)
    shot("receipt")

    login(page, "head", org.password)
    page.goto("/cases/?queue=all")
    page.get_by_role("link", name=receipt).click()
    page.get_by_label("담당자").select_option(str(org.clerk.staff.pk))
    page.get_by_role("button", name="배정").click()
    page.get_by_text("담당자를 배정했습니다.").wait_for()

    login(page, "clerk", org.password)
    page.goto("/cases/?queue=mine")
    page.get_by_role("link", name=receipt).click()
    page.get_by_role("button", name="처리 시작").click()
    page.get_by_role("textbox", name="진행 상황").fill("현장 확인 후 부품을 주문했습니다.")
    page.get_by_label("처리 예정 일시").fill("2099-12-01T15:00")
    page.get_by_role("button", name="중간통지 보내기").click()
    page.get_by_text("중간통지를 보냈습니다.").wait_for()
    page.get_by_role("textbox", name="답변", exact=True).fill(
        "가로등 부품을 교체하여 오늘부터 정상 점등됩니다. 불편을 드려 죄송합니다."
    )
    page.get_by_role("button", name="결과 통지하고 완료").click()
    page.get_by_text("답변을 보내고 완료했습니다.").wait_for()
    shot("closed")

    kinds = set(Message.objects.filter(about_text=f"민원 {receipt}").values_list("kind", flat=True))
    assert {"received", "interim", "result"} <= kinds
    result = Message.objects.get(about_text=f"민원 {receipt}", kind="result")
    assert "김민원" in result.body and "민원팀" in result.body

    login(page, "officer", org.password)
    page.goto("/cases/messages/")
    assert page.get_by_text(f"민원 처리 결과 ({receipt})").count() == 1

    page.goto("/cases/status/")
    page.get_by_label("접수번호").fill(receipt)
    page.get_by_label("전화번호 뒤 4자리").fill("5555")
    page.get_by_role("button", name="조회").click()
    answer = page.locator("#answer")
    answer.wait_for()
    assert "정상 점등" in answer.inner_text()
    page.get_by_label("매우 만족").check()
    page.get_by_role("button", name="만족도 보내기").click()
    page.get_by_text("소중한 의견 고맙습니다.").wait_for()
    shot("status")
