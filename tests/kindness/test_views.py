"""Pages by role: what each persona may see and do, and what they may not."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from chinjeol.core.models import PersonalDataAccess
from chinjeol.kindness import services
from chinjeol.kindness.models import EvaluationItemVersion, MileageEntry, PeriodSnapshot, SnapshotAction
from chinjeol.kindness.rules import Period
from tests.factories import at, make_staff

pytestmark = pytest.mark.django_db
H2 = {"period": "2026-H2"}


def test_my_kindness_shows_the_score_the_light_and_every_entry(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 2), note="첫인사 정확", source_type="inspection")
    record(
        org.clerk.staff,
        "unkind",
        at(2026, 10, 2),
        source_type="kindness_report",
        source_label="R-1 신고 인정",
    )
    colleague = make_staff(department=org.team, name="이웃")
    record(colleague, "praise", at(2026, 10, 5))
    body = client_for(org.clerk).get(reverse("kindness:me"), H2).content.decode()
    assert 'id="score">67.0<' in body
    assert "주황 · 주의" in body  # colour in words, never colour alone
    assert "첫인사 정확" in body and "R-1 신고 인정" in body and "점수의 근거 (2건)" in body
    assert "가장 보완할 항목: 친절 사례" in body  # the team averages +1.50 in praise, the clerk 0
    assert "부서 안 <strong>2위</strong> / 2명" in body
    assert "<script" not in body.split("</head>")[1] and 'style="' not in body


def test_a_colleagues_page_is_forbidden_outside_role_scope(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 2), note="첫인사 정확")
    url = reverse("kindness:staff", args=[org.clerk.staff.pk])
    assert client_for(org.outsider).get(url).status_code == 403
    assert client_for(org.evaluator).get(url).status_code == 403
    outside = reverse("kindness:staff", args=[org.outsider.staff.pk])
    assert client_for(org.leader).get(outside).status_code == 403
    assert client_for(org.head).get(outside).status_code == 403
    for user in (org.head, org.leader, org.officer, org.auditor):
        response = client_for(user).get(url, H2)
        assert response.status_code == 200 and "첫인사 정확" in response.content.decode()
    # viewing someone else's results is recorded; one's own is not
    assert PersonalDataAccess.objects.filter(subject_type="staff_kindness", username="head").exists()
    client_for(org.clerk).get(url)
    assert not PersonalDataAccess.objects.filter(username="clerk").exists()
    missing = reverse("kindness:staff", args=[99999])
    assert client_for(org.officer).get(missing).status_code == 404


def test_a_cs_leader_registers_and_the_official_sees_it_at_once(client_for, org):
    response = client_for(org.leader).post(
        reverse("kindness:register"),
        {
            "staff": org.clerk.staff.pk,
            "item": "phone",
            "occurred_at": "2026-11-02T10:00",
            "points": "",
            "note": "친절",
        },
    )
    assert response.status_code == 302
    entry = MileageEntry.objects.get()
    assert (entry.staff, entry.points, entry.registered_by) == (org.clerk.staff, Decimal("2.00"), org.leader)
    body = client_for(org.clerk).get(reverse("kindness:me"), H2).content.decode()
    assert 'id="score">77.0<' in body and f'id="entry-{entry.pk}"' in body


def test_the_register_form_offers_only_what_the_role_may_register(client_for, org):
    page = client_for(org.leader).get(reverse("kindness:register")).content.decode()
    assert reverse("organization:staff_pick") in page and 'type="search"' in page  # a picker, not a list
    pick = reverse("organization:staff_pick")
    found = client_for(org.leader).get(pick, {"q": "민", "scope": "register"}).content.decode()
    assert org.clerk.staff.name in found and org.outsider.staff.name not in found
    assert 'value="unkind"' not in page and 'value="praise"' in page
    page = client_for(org.evaluator).get(reverse("kindness:register")).content.decode()
    assert 'value="phone"' in page and 'value="training"' in page and 'value="praise"' not in page
    found = client_for(org.evaluator).get(pick, {"q": "박세", "scope": "register"}).content.decode()
    assert org.outsider.staff.name in found
    # a forged POST is refused by the same rules
    response = client_for(org.evaluator).post(
        reverse("kindness:register"),
        {"staff": org.clerk.staff.pk, "item": "praise", "occurred_at": "2026-11-02T10:00"},
    )
    assert response.status_code == 200 and not MileageEntry.objects.exists()
    response = client_for(org.leader).post(
        reverse("kindness:register"),
        {"staff": org.outsider.staff.pk, "item": "phone", "occurred_at": "2026-11-02T10:00"},
    )
    assert response.status_code == 200 and not MileageEntry.objects.exists()
    for user in (org.clerk, org.head, org.auditor):
        assert client_for(user).get(reverse("kindness:register")).status_code == 403
        assert client_for(user).get(reverse("kindness:upload")).status_code == 403


def test_upload_page_reports_row_errors_and_registers_nothing(client_for, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = f"사번,항목,점수,일자,비고\n{org.clerk.staff.employee_no},phone,,2026-11-02,좋음\nX1,phone,,2026-11-02,\n"
    upload = SimpleUploadedFile("결과.csv", text.encode(), content_type="text/csv")
    response = client_for(org.leader).post(reverse("kindness:upload"), {"file": upload})
    body = response.content.decode()
    assert response.status_code == 400 and "아무것도 등록하지 않았습니다" in body
    assert "재직 중인 직원의 사번이 아닙니다: X1" in body and "<td>사번</td>" in body
    assert not MileageEntry.objects.exists()
    good = SimpleUploadedFile("결과.csv", text.split("X1")[0].encode(), content_type="text/csv")
    response = client_for(org.leader).post(reverse("kindness:upload"), {"file": good})
    assert response.status_code == 200 and "1건을 등록했습니다" in response.content.decode()
    template = client_for(org.leader).get(reverse("kindness:upload_template"))
    assert template.status_code == 200 and template["Content-Type"].startswith("application/vnd.openxml")


def test_corrections_only_by_the_cs_officer(client_for, org, record):
    entry = record(org.clerk.staff, "phone", at(2026, 11, 2))
    url = reverse("kindness:reverse", args=[entry.pk])
    for user in (org.auditor, org.leader, org.clerk):
        assert client_for(user).post(url, {"reason": "오류"}).status_code == 403
    assert MileageEntry.objects.count() == 1
    response = client_for(org.officer).post(url, {"reason": "다른 직원의 점검 결과"})
    assert response.status_code == 302 and f"#entry-{entry.pk + 1}" in response["Location"]
    assert MileageEntry.objects.get(reverses=entry).points == Decimal("-2.00")
    assert client_for(org.officer).get(url).status_code == 405


def test_organisation_view_by_role(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 2), 8)
    url = reverse("kindness:organisation")
    officer = client_for(org.officer).get(url, H2).content.decode()
    assert "직원 신호등 분포" in officer and "점수가 높은 직원" in officer and org.clerk.staff.name in officer
    head = client_for(org.head).get(url, H2).content.decode()
    assert "부서 순위" in head and "점수가 높은 직원" not in head
    assert reverse("kindness:department", args=[org.civil.pk]) in head
    assert reverse("kindness:department", args=[org.tax.pk]) not in head
    staff = client_for(org.clerk).get(url, H2).content.decode()
    assert "아직 공표되지 않았습니다" in staff and 'id="department-ranking"' not in staff
    assert client_for(org.evaluator).get(url).status_code == 403


def test_staff_see_the_published_department_ranking(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 3, 2), 8)
    services.period_publish(period=Period.parse("2026-H1"), by=org.officer, now=at(2026, 7, 3))
    body = (
        client_for(org.outsider).get(reverse("kindness:organisation"), {"period": "2026-H1"}).content.decode()
    )
    assert "공표된 결과" in body and "민원팀" in body and "우리 부서" in body
    assert "점수가 높은 직원" not in body and org.clerk.staff.name not in body


def test_department_board_within_scope(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 2), 8)
    team = reverse("kindness:department", args=[org.team.pk])
    body = client_for(org.leader).get(team, H2).content.decode()
    assert org.clerk.staff.name in body and "83.0" in body
    civil = client_for(org.head).get(reverse("kindness:department", args=[org.civil.pk]), H2).content.decode()
    assert "하위 부서" in civil and "민원팀" in civil
    assert client_for(org.leader).get(reverse("kindness:department", args=[org.tax.pk])).status_code == 403
    assert client_for(org.clerk).get(team).status_code == 403
    assert client_for(org.auditor).get(team).status_code == 200
    assert client_for(org.officer).get(reverse("kindness:department", args=[99999])).status_code == 404


def test_settings_are_changed_by_the_cs_officer_and_read_by_the_auditor(client_for, org):
    url = reverse("kindness:item_edit", args=["phone"])
    form = {
        "rule-points_per_event": "3",
        "rule-cap": "9",
        "rule-weight": "1",
        "rule-is_active": "on",
        "rule-valid_from": "2026-11-20T09:00",
        "rule-note": "점검 강화",
    }
    assert client_for(org.auditor).get(url).status_code == 200
    assert client_for(org.auditor).post(url, form).status_code == 403
    assert client_for(org.leader).get(url).status_code == 403
    assert client_for(org.auditor).get(reverse("kindness:score_settings")).status_code == 403
    response = client_for(org.officer).post(url, form)
    assert response.status_code == 302
    assert EvaluationItemVersion.objects.filter(item__code="phone").count() == 2
    page = client_for(org.officer).get(reverse("kindness:settings")).content.decode()
    assert "2판" in page
    bad = client_for(org.officer).post(
        url, {**form, "rule-valid_from": "2020-01-01T00:00", "rule-points_per_event": "4"}
    )
    assert "이번 반기 첫날" in bad.content.decode()


def test_publishing_and_actions_from_the_pages(client_for, org, record):
    record(org.clerk.staff, "phone", at(2026, 3, 2), 8)
    publish = reverse("kindness:publish")
    assert client_for(org.auditor).post(publish, {"period": "2026-H1"}).status_code == 403
    response = client_for(org.officer).post(publish, {"period": "2026-H1", "note": "상반기"})
    snapshot = PeriodSnapshot.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "kindness:snapshot", args=[snapshot.pk]
    )
    refused = client_for(org.officer).post(publish, {"period": "2099-H1"}, follow=True)
    assert "끝난 뒤에 공표" in refused.content.decode()
    url = reverse("kindness:snapshot", args=[snapshot.pk])
    action = {"kind": "award", "department": org.team.pk, "staff": "", "note": "우수 부서 표창"}
    assert client_for(org.auditor).post(url, action).status_code == 403
    assert client_for(org.officer).post(url, action).status_code == 302
    page = client_for(org.auditor).get(url).content.decode()
    assert "우수 부서 표창" in page and "민원팀" in page
    assert SnapshotAction.objects.get().by == org.officer
    assert client_for(org.head).get(url).status_code == 403


def test_list_pages_take_the_same_number_of_queries_whatever_the_size(client_for, org, record):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from chinjeol.core.memo import clear_all

    def counts():
        out = []
        for user, url in (
            (org.officer, reverse("kindness:organisation")),
            (org.officer, reverse("kindness:department", args=[org.team.pk])),
            (org.clerk, reverse("kindness:me")),
        ):
            client = client_for(user)
            clear_all()
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url, H2).status_code == 200
            out.append(len(captured.captured_queries))
        return out

    record(org.clerk.staff, "phone", at(2026, 10, 1))
    small = counts()
    for n in range(30):
        person = make_staff(department=org.team, name=f"직원{n}")
        record(person, "phone", at(2026, 10, 1 + n % 27))
        record(person, "survey", at(2026, 11, 1 + n % 20), "0.5")
        record(org.clerk.staff, "training", at(2026, 9, 1 + n % 27))
    assert counts() == small
    assert small[0] <= 15 and small[1] <= 18 and small[2] <= 15, small


def test_the_same_inspection_form_sent_twice_records_once(client_for, org):
    leader = client_for(org.leader)
    page = leader.get(reverse("kindness:register")).content.decode()
    token = re.search(r'name="submission" value="([0-9a-f]{32})"', page).group(1)
    assert token not in leader.get(reverse("kindness:register")).content.decode()  # a fresh one per page
    form = {
        "submission": token,
        "staff": org.clerk.staff.pk,
        "item": "phone",
        "occurred_at": "2026-11-02T10:00",
        "points": "",
        "note": "친절",
    }
    assert leader.post(reverse("kindness:register"), form).status_code == 302
    again = leader.post(reverse("kindness:register"), form, follow=True)
    assert "이미 등록한 결과" in again.content.decode()
    assert MileageEntry.objects.count() == 1
    # a new page is a new registration
    other = re.search(
        r'name="submission" value="([0-9a-f]{32})"', leader.get(reverse("kindness:register")).content.decode()
    ).group(1)
    assert leader.post(reverse("kindness:register"), {**form, "submission": other}).status_code == 302
    assert MileageEntry.objects.count() == 2
