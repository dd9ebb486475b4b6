"""Every role signs in and finds its own 오늘 할 일 on the home page, with the real items waiting for it."""

from datetime import timedelta

import pytest

from tests.browser.conftest import login
from tests.factories import at

# What each person of the `org` fixture must find waiting (an overdue case of 민원과 assigned to 김민원, a new
# case nobody took, and a compensation entry the overdue case created).
EXPECTED = {
    "clerk": ["처리기한이 지난 민원"],
    "head": ["처리기한이 지난 민원", "담당자 배정을 기다리는 민원"],
    "leader": ["처리기한이 지난 민원"],
    "officer": ["처리기한이 지난 민원", "승인을 기다리는 보상"],
    "auditor": ["처리기한이 지난 민원"],
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_role_sees_its_own_work_waiting(page, org, time_machine):
    from chinjeol.cases import services

    def register(title, now):
        return services.case_register(
            intake=services.CaseIntake(
                channel="web", kind="inquiry", title=title, body="골목 가로등이 꺼져 있습니다.",
                customer_name="홍길동", customer_phone="010-1234-5678", customer_email="",
                department_id=org.civil.pk,
            ),
            by=None,
            now=now,
        )  # fmt: skip

    late = register("가로등 고장 신고", at(2026, 11, 2, 10))
    services.case_assign(case_id=late.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 2, 11))
    now = late.due_at + timedelta(days=2)
    register("쓰레기 무단 투기 신고", now - timedelta(hours=1))
    services.compensation_check(now=now)
    time_machine.move_to(now, tick=True)

    for username, labels in EXPECTED.items():
        login(page, username, org.password)
        inbox = page.locator("section", has_text="오늘 할 일").first
        inbox.wait_for()
        text = inbox.inner_text()
        for label in labels:
            assert label in text, (username, label, text)
    # the external evaluator's home starts from entering an evaluation
    login(page, "evaluator", org.password)
    assert page.get_by_role("link", name="평가 입력").first.is_visible()
    # someone of another department has nothing of 민원과's
    login(page, "outsider", org.password)
    assert "처리기한이 지난 민원" not in page.locator("main").inner_text()
