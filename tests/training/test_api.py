"""Training API: completion rates within the caller's departments, the xAPI statements for the office."""

from __future__ import annotations

import pytest

from chinjeol.training import rules, services

from .conftest import NOW, right_answers

pytestmark = pytest.mark.django_db


def test_completion_rates_and_statements(org, courses, client):
    course = courses["myungpum-1"]
    services.assign(course=course, target=rules.Target(rules.TargetKind.ROLE, role="staff"), due_on=NOW.date(),
                    by=org.officer, now=NOW)  # fmt: skip
    services.quiz_submit(staff=org.clerk.staff, course=course, answers=right_answers(course), now=NOW)
    client.force_login(org.leader)
    body = client.get("/api/v1/training/completion").json()
    assert body["year"] == 2026 and {r["name"] for r in body["rows"]} == {"민원과", "민원팀"}  # not 세무과
    team = next(r for r in body["rows"] if r["name"] == "민원팀")
    assert (team["assigned"], team["done"], team["rate"]) == (1, 1, 100.0)
    people = client.get("/api/v1/training/completion?by=person").json()["rows"]
    assert any(r["name"].startswith("김민원") for r in people)
    assert client.get("/api/v1/training/statements").status_code == 403
    client.force_login(org.officer)
    statements = client.get("/api/v1/training/statements?since=2026-11-23T10:00:00%2B09:00").json()
    assert [s["verb"]["display"]["ko-KR"] for s in statements][-2:] == ["합격", "이수"]
    client.force_login(org.clerk)
    assert client.get("/api/v1/training/completion").json()["code"] == "forbidden"
