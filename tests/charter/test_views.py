"""Charter pages by role: everyone reads the charter, only the CS officer changes it; the old addresses of
the compliance pages and of the published reports lead to the reports app's pages."""

import pytest
from django.urls import reverse

from chinjeol.charter.models import CalendarDay, ServiceStandardVersion, StatutoryService


# --- the charter --------------------------------------------------------------------------------
@pytest.mark.django_db
def test_everyone_signed_in_reads_the_charter(client, client_for, org):
    for who in ("clerk", "outsider", "evaluator", "auditor", "head", "officer"):
        c = client_for(org.people[who])
        for name in ("charter:charter", "charter:calendar", "charter:statutory"):
            assert c.get(reverse(name)).status_code == 200, (who, name)
        page = c.get(reverse("charter:standard", args=["WEB_REPLY"]))
        assert page.status_code == 200 and "홈페이지 질의·건의는 7일 안에" in page.content.decode()
    client.logout()
    assert client.get(reverse("charter:charter")).status_code == 302


@pytest.mark.django_db
def test_only_the_cs_officer_sees_edit_forms(client_for, org):
    officer = client_for(org.officer).get(reverse("charter:standard", args=["WEB_REPLY"])).content.decode()
    assert "새 판 만들기" in officer
    clerk = client_for(org.clerk).get(reverse("charter:standard", args=["WEB_REPLY"])).content.decode()
    assert "새 판 만들기" not in clerk and 'name="target"' not in clerk


@pytest.mark.django_db
def test_officer_revision_adds_a_version_and_keeps_the_old_one(client_for, org):
    url = reverse("charter:standard", args=["WEB_REPLY"])
    response = client_for(org.officer).post(url, {"target": "5", "valid_from": "", "note": "답변 기한 단축"})
    assert response.status_code == 302
    versions = list(ServiceStandardVersion.objects.filter(standard__code="WEB_REPLY").order_by("version"))
    assert [(v.version, v.target_label) for v in versions] == [(1, "7일"), (2, "5일")]
    assert versions[1].created_by == org.officer and versions[1].note == "답변 기한 단축"
    page = client_for(org.clerk).get(url).content.decode()
    assert "적용 중" in page and "지난 판" in page and "답변 기한 단축" in page
    listing = client_for(org.clerk).get(reverse("charter:charter")).content.decode()
    assert "5일" in listing


@pytest.mark.django_db
def test_a_future_version_waits_and_a_past_one_is_refused(client_for, org):
    url = reverse("charter:standard", args=["WEB_REPLY"])
    officer = client_for(org.officer)
    assert (
        officer.post(url, {"target": "5", "valid_from": "2099-01-01T09:00", "note": "예정"}).status_code
        == 302
    )
    assert "예정" in officer.get(reverse("charter:charter")).content.decode()
    refused = officer.post(url, {"target": "3", "valid_from": "2020-01-01T09:00", "note": "소급"})
    assert refused.status_code == 400 and "지난 판정은 바꿀 수 없습니다" in refused.content.decode()
    bad = officer.post(url, {"target": "0", "valid_from": "", "note": ""})
    assert bad.status_code == 400
    assert ServiceStandardVersion.objects.filter(standard__code="WEB_REPLY").count() == 2


@pytest.mark.django_db
def test_others_cannot_change_the_charter(client_for, org):
    day = CalendarDay.objects.create(date="2026-12-30", kind="closure", name="점검")
    service = StatutoryService.objects.create(code="ST-X", name="시험 사무", days=3)
    for who in ("clerk", "auditor", "head", "leader", "evaluator"):
        c = client_for(org.people[who])
        posts = [
            (reverse("charter:standard", args=["WEB_REPLY"]), {"target": "5", "note": "x"}),
            (reverse("charter:calendar"), {"date": "2026-12-24", "kind": "closure", "name": "x"}),
            (reverse("charter:calendar_remove", args=[day.pk]), {}),
            (reverse("charter:statutory"), {"code": "ST-Y", "name": "x", "days": "3"}),
            (
                reverse("charter:statutory_change", args=[service.pk]),
                {f"s{service.pk}-name": "x", f"s{service.pk}-days": "9"},
            ),
            (reverse("reports:compliance_recount"), {}),
        ]
        for url, data in posts:
            assert c.post(url, data).status_code == 403, (who, url)
    assert ServiceStandardVersion.objects.filter(standard__code="WEB_REPLY").count() == 1
    assert CalendarDay.objects.count() == 1 and StatutoryService.objects.get(pk=service.pk).days == 3


@pytest.mark.django_db
def test_calendar_shows_public_holidays_and_agency_days(client_for, org):
    officer = client_for(org.officer)
    response = officer.post(
        reverse("charter:calendar"), {"date": "2026-11-24", "kind": "closure", "name": "청사 점검"}
    )
    assert response.status_code == 302
    page = officer.get(reverse("charter:calendar"), {"year": 2026}).content.decode()
    assert "추석" in page and "2026. 9. 25. (금)" in page and "청사 점검" in page and "지방선거일" in page
    duplicate = officer.post(
        reverse("charter:calendar"), {"date": "2026-11-24", "kind": "closure", "name": "또"}
    )
    assert duplicate.status_code == 400 and "이미 기관 달력에 있습니다" in duplicate.content.decode()
    day = CalendarDay.objects.get()
    assert officer.post(reverse("charter:calendar_remove", args=[day.pk])).status_code == 302
    assert not CalendarDay.objects.exists()


@pytest.mark.django_db
def test_statutory_table_editing(client_for, org):
    officer = client_for(org.officer)
    response = officer.post(
        reverse("charter:statutory"), {"code": "st-passport", "name": "여권 발급", "days": "4"}
    )
    assert response.status_code == 302
    service = StatutoryService.objects.get(code="ST-PASSPORT")
    bad = officer.post(reverse("charter:statutory"), {"code": "ST-PASSPORT", "name": "여권", "days": "4"})
    assert bad.status_code == 400 and "이미 민원처리기준표에 있습니다" in bad.content.decode()
    prefix = f"s{service.pk}"
    officer.post(
        reverse("charter:statutory_change", args=[service.pk]),
        {f"{prefix}-name": "여권 발급(재발급 포함)", f"{prefix}-days": "5"},
    )
    service.refresh_from_db()
    assert (service.name, service.days, service.is_active) == ("여권 발급(재발급 포함)", 5, False)
    page = client_for(org.clerk).get(reverse("charter:statutory")).content.decode()
    assert "여권 발급(재발급 포함)" in page and "사용 안 함" in page and "저장" not in page


@pytest.mark.django_db
def test_old_report_addresses_redirect_to_the_reports_pages(client):
    assert client.get("/charter/reports/")["Location"] == reverse("reports:charter_list")
    response = client.get("/charter/reports/2026-H1/pdf/")
    assert response.status_code == 301
    assert response["Location"] == reverse("reports:charter_report_pdf", args=["2026-H1"])


@pytest.mark.django_db
def test_old_compliance_addresses_redirect_with_their_query_string(client_for, org):
    c = client_for(org.auditor)
    page = c.get("/charter/compliance/?period=2026-11&standard=LEGAL")
    assert page.status_code == 301
    assert page["Location"] == reverse("reports:compliance") + "?period=2026-11&standard=LEGAL"
    cases = c.get("/charter/compliance/cases/", {"period": "2026-H2", "department": "0", "result": "missed"})
    assert cases.status_code == 301
    assert cases["Location"] == (
        reverse("reports:compliance_cases") + "?period=2026-H2&department=0&result=missed"
    )
    assert c.get(cases["Location"]).status_code == 200
    assert c.get("/charter/compliance/").status_code == 301  # without a query string too
