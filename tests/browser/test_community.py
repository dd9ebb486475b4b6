import re

import pytest
from django.utils import timezone

from tests.browser.conftest import login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unkind_report_runs_its_whole_course(page, org, shot):
    """A citizen reports an unkind official on the public form; the CS officer investigates, identifies
    the official and substantiates it; the department head sees the apology call and records it; the
    10,000원 compensation is in the ledger and the penalty in the official's mileage."""
    from chinjeol.community.models import Report, Task
    from chinjeol.compensation.models import CompensationEntry

    page.on("dialog", lambda dialog: dialog.accept())

    # 1. the citizen, without an account
    page.goto("/community/report/")
    page.get_by_label(re.compile("불친절 — 불친절한 응대")).check()
    page.get_by_role("textbox", name="직원 이름").fill("김 주무관 (안경 쓴 남자분)")
    page.get_by_role("textbox", name="부서·창구 (아는 대로)").fill("민원실 3번 창구")
    page.get_by_label("있었던 날").fill(timezone.localdate().isoformat())
    page.get_by_role("textbox", name="있었던 일").fill(
        "등본을 떼러 갔는데 반말로 대답하고 서류를 던지듯 주었습니다. 제 번호는 010-4444-5555입니다."
    )
    page.get_by_role("textbox", name="신고하시는 분 이름").fill("정시민")
    page.get_by_role("textbox", name="연락처 (휴대전화)").fill("010-4444-5555")
    page.get_by_label(re.compile("개인정보 수집·이용에 동의")).check()
    shot("1-citizen-form")
    page.get_by_role("button", name="신고하기").click()
    receipt = page.locator("#receipt-no").inner_text()
    assert re.fullmatch(r"R\d{4}-\d{5}", receipt)
    shot("2-receipt")
    report = Report.objects.get(receipt_no=receipt)
    assert "4444-5555" not in report.body and report.reporter_phone == "010-4444-5555"

    # 2. the CS officer investigates, identifies the official and substantiates
    login(page, "officer", org.password)
    page.goto("/community/reports/")
    page.get_by_role("link", name=receipt).click()
    page.get_by_role("button", name="조사 시작").click()
    page.get_by_text("조사를 시작했습니다.").wait_for()
    page.get_by_role("combobox", name="지정할 직원").select_option(str(org.clerk.staff.pk))
    page.get_by_role("button", name="지정").click()
    page.get_by_text("김민원 직원을 관련 직원으로 지정했습니다.").wait_for()
    page.get_by_role("textbox", name="조사 메모").fill("CCTV 확인 결과 서류를 던지듯 건넨 장면이 있음")
    page.get_by_role("button", name="증거 등록").click()
    page.get_by_text("증거를 추가했습니다.").wait_for()
    page.get_by_role("textbox", name="조사 결과").fill("CCTV와 동석 직원 진술로 불친절 응대를 확인함")
    page.get_by_role("textbox", name="재발 방지 조치").fill(
        "민원팀 전원 응대 매뉴얼 재교육, 창구 응대 점검표 매일 확인"
    )
    page.get_by_role("combobox", name="조치 책임자").select_option(str(org.leader.staff.pk))
    page.get_by_label("조치 기한").fill((timezone.localdate() + timezone.timedelta(days=14)).isoformat())
    shot("3-investigation")
    page.get_by_role("button", name="불친절 인정").click()
    page.get_by_text("불친절 신고를 인정했습니다.").wait_for()
    shot("4-substantiated")
    task = Task.objects.get(report=report, kind=Task.Kind.APOLOGY_CALL)
    assert task.assignee_department == org.civil

    # 3. the department head sees the apology call and records it
    login(page, "head", org.password)
    page.goto("/community/tasks/")
    shot("5-head-tasks")
    page.get_by_role("link", name=task.title).click()
    assert page.locator("#reporter-phone").inner_text() == "010-4444-5555"
    page.get_by_label("전화한 시각").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("통화함").check()
    page.get_by_role("textbox", name="통화 요약").fill(
        "직접 사과드리고 재발 방지 조치를 설명드렸습니다. 보상도 안내했습니다."
    )
    shot("6-apology-form")
    page.get_by_role("button", name="결과 기록하고 완료").click()
    page.get_by_text("결과를 기록하고 완료했습니다.").wait_for()
    shot("7-apology-done")
    task.refresh_from_db()
    assert task.status == Task.Status.DONE and task.reached is True

    # 4. the compensation ledger and the official's mileage
    login(page, "officer", org.password)
    page.goto("/compensation/")
    row = page.locator("tr", has_text=f"{receipt} 불친절 신고 인정")
    row.wait_for()
    assert "10,000원" in row.inner_text() and "정시민" in row.inner_text()
    shot("8-compensation")
    assert CompensationEntry.objects.get(source_id=str(report.pk)).amount == 10_000
    page.goto(f"/kindness/staff/{org.clerk.staff.pk}/")
    penalty = page.locator("tr", has_text=f"{receipt} 불친절 신고 인정")
    penalty.wait_for()
    assert "불친절" in penalty.inner_text() and "-" in penalty.inner_text()
    shot("9-mileage")
    page.goto(f"/community/reports/{report.pk}/")
    assert "통화함" in page.locator("body").inner_text()
    shot("10-report-after")
