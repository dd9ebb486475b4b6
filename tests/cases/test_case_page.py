"""The case page leads with the next step; the rest waits under 더보기; each person sees only their steps;
answer templates by kind and department, kept by the CS officer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chinjeol.cases import rules, services
from chinjeol.cases.models import AnswerTemplate
from tests.factories import at

STATUSES = ["received", "assigned", "in_progress", "closed", "transferred", "withdrawn"]


@given(st.sampled_from(STATUSES), st.booleans())
def test_an_open_case_always_has_one_next_step_and_a_finished_one_none(status, assigned):
    step = rules.next_step(status, assigned=assigned)
    assert (step is None) == (status in ("closed", "transferred", "withdrawn"))
    if step == "start":
        assert assigned


@given(st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_a_colleague_alone_never_transfers_or_withdraws(manager, head, assignee, colleague):
    steps = rules.steps_for(manager=manager, head=head, assignee=assignee, colleague=colleague)
    if not (manager or assignee):
        assert not steps & {"transfer", "withdraw", "close", "start", "interim"}
    assert ("extend" in steps) == head
    assert steps <= rules.STEPS_ALL


@pytest.mark.django_db
def test_the_next_step_leads_and_the_rest_is_under_more(client_for, org, make_case):
    case = make_case(now=at(2026, 11, 23, 10))
    page = client_for(org.head).get(f"/cases/{case.pk}/")
    assert page.context["primary_step"] == "assign"
    assert "extend" in page.context["other_steps"] and "assign" not in page.context["other_steps"]
    html = page.content.decode()
    assert 'class="primary-step"' in html and "더보기" in html and "---------" not in html
    assert html.index("담당자 배정") < html.index("더보기")


@pytest.mark.django_db
def test_the_assignee_answers_and_cannot_reassign_or_extend(client_for, org, make_case):
    case = make_case(now=at(2026, 11, 23, 10), department_id=org.team.pk)
    services.case_assign(
        case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=at(2026, 11, 23, 11)
    )
    services.case_start(case_id=case.pk, by=org.clerk, now=at(2026, 11, 23, 12))
    page = client_for(org.clerk).get(f"/cases/{case.pk}/")
    assert page.context["primary_step"] == "close"
    assert "assign" not in page.context["other_steps"] and "extend" not in page.context["other_steps"]
    refused = client_for(org.clerk).post(f"/cases/{case.pk}/assign/", {"staff": org.clerk.staff.pk})
    assert refused.status_code == 403


@pytest.mark.django_db
def test_answer_templates_fit_the_case_and_the_officer_keeps_them(client_for, org, make_case):
    officer = client_for(org.officer)
    response = officer.post(
        "/cases/answer-templates/",
        {
            "title": "질의 답변",
            "kind": "inquiry",
            "department": "",
            "body": "안내해 드립니다.",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    AnswerTemplate.objects.create(title="세무과 서식", kind="", department=org.tax, body="세무과입니다.")
    AnswerTemplate.objects.create(title="건의 서식", kind="suggestion", body="검토했습니다.")
    case = make_case(now=at(2026, 11, 23, 10), kind="inquiry")
    services.case_assign(
        case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.officer, now=at(2026, 11, 23, 11)
    )
    services.case_start(case_id=case.pk, by=org.clerk, now=at(2026, 11, 23, 12))
    page = client_for(org.clerk).get(f"/cases/{case.pk}/")
    assert [t.title for t in page.context["answer_templates"]] == ["질의 답변"]
    assert 'data-fill-target="id_answer"' in page.content.decode()
    form = client_for(org.officer).get("/cases/answer-templates/").content.decode()
    assert "---------" not in form and "모든 부서" in form and "모든 종류" in form
    bad = client_for(org.officer).post("/cases/answer-templates/", {"title": "", "body": ""})
    assert bad.status_code == 400 and "data-error-summary" in bad.content.decode()
    assert 'href="#id_title"' in bad.content.decode()
    assert (
        client_for(org.auditor).post("/cases/answer-templates/", {"title": "x", "body": "y"}).status_code
        == 403
    )
    assert client_for(org.clerk).get("/cases/answer-templates/").status_code == 403
