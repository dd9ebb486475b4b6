"""Lists and the case page in a real browser: the search examples find the case, the error summary takes the
focus, the next step leads; screenshots at desktop and phone width for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import login
from tests.factories import at

SHOTS = Path(os.environ.get("CHINJEOL_SHOTS", "test-artifacts/worklists"))


def _shots(page, name: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_find_a_case_lead_with_the_next_step_and_fix_a_form(page, org, make_case):
    from chinjeol.cases.models import AnswerTemplate

    case = make_case(now=at(2026, 11, 23, 10), title="가로등 고장 신고", customer_name="김민원",
                     customer_phone="010-2345-6789")  # fmt: skip
    for n in range(4):
        make_case(now=at(2026, 11, 10 + n, 10), customer_name=f"이다른{n}", customer_phone=f"010-1111-22{n}2")
    AnswerTemplate.objects.create(title="질의 답변", kind="inquiry", body="문의하신 내용을 안내해 드립니다.")
    page.set_default_timeout(60_000)  # a busy test machine
    login(page, "officer", org.password)
    for q in ("김민원", "010-2345-6789", "6789", case.receipt_no[-4:]):
        page.goto("/cases/?queue=all")
        page.get_by_role("searchbox", name="민원 찾기").fill(q)
        with page.expect_navigation():
            page.get_by_role("button", name="찾기").click()
        page.wait_for_load_state()
        assert page.get_by_role("link", name=case.receipt_no).count() == 1, q
        assert page.get_by_text("이다른0").count() == 0
    page.goto("/cases/?queue=all&sort=-elapsed")
    _shots(page, "cases-queue")

    page.goto(f"/cases/{case.pk}/")
    assert page.locator(".primary-step").get_by_role("button", name="배정").is_visible()
    assert not page.get_by_role("button", name="이송").is_visible()  # under 더보기
    _shots(page, "case-detail")

    page.goto("/cases/answer-templates/")
    page.get_by_role("button", name="저장").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    summary.get_by_role("link", name="서식 이름", exact=False).click()
    assert page.evaluate("document.activeElement.id") == "id_title"
    _shots(page, "answer-templates-error")

    page.goto("/compensation/")
    _shots(page, "compensation-ledger")
    page.goto("/kindness/?period=2026-H2")
    _shots(page, "kindness-organisation")
    page.goto("/reports/compliance/?period=2026-11")
    _shots(page, "compliance")
    page.goto("/privacy/access-log/")
    _shots(page, "access-log")
