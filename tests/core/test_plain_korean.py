"""Plain Korean on screen: no internal codes, periods in words, the back office in Korean for any browser."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chinjeol.core.templatetags.chinjeol import period_ko


def test_period_codes_read_as_words():
    assert period_ko("2026-H1") == "2026년 상반기"
    assert period_ko("2026-H2") == "2026년 하반기"
    assert period_ko("2026-11") == "2026년 11월"
    assert period_ko("아무거나") == "아무거나"


@pytest.mark.django_db
def test_back_office_is_korean_whatever_the_browser_language(client_for, org):
    client = client_for(org.officer)
    body = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Site administration" not in body and "Log out" not in body
    assert 'lang="ko"' in body


@pytest.mark.django_db
def test_charter_pages_show_no_internal_codes(client_for, org):
    from chinjeol.charter.models import ServiceStandard, StatutoryService

    client = client_for(org.officer)
    codes = list(ServiceStandard.objects.values_list("code", flat=True)) + list(
        StatutoryService.objects.values_list("code", flat=True)
    )
    assert codes
    for name in ("charter:charter", "charter:statutory", "citizen_charter"):
        body = client.get(reverse(name)).content.decode()
        shown = [c for c in codes if f">{c}<" in body or f" {c} " in body or f">{c} " in body]
        assert not shown, f"{name}: {shown}"


@pytest.mark.django_db
def test_kindness_settings_show_no_item_codes(client_for, org):
    from chinjeol.kindness.models import EvaluationItem

    body = client_for(org.officer).get(reverse("kindness:settings")).content.decode()
    for code in EvaluationItem.objects.values_list("code", flat=True):
        assert f">{code}<" not in body


@pytest.mark.django_db
def test_statutory_service_without_code_gets_one(org):
    from chinjeol.charter.statutory import statutory_service_add

    service = statutory_service_add(code="", name="시험 민원", days=3)
    assert service.code.startswith("ST-")
