"""Navigation: every area a person sees holds menus for them, each page sits in its area's side menu with a
breadcrumb, settings gather in one place, and the citizen's pages lead somewhere."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chinjeol.core import navigation
from chinjeol.core.navigation import SETTINGS, Menu

EMPTY = "지금 쓸 수 있는 메뉴가 없습니다"
PERSONAS = ("officer", "auditor", "head", "leader", "clerk", "outsider", "evaluator")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_no_area_is_ever_empty(client_for, org, persona):
    user = getattr(org, persona)
    client = client_for(user)
    areas = navigation.areas_for(user)
    assert areas, "every role has at least one area"
    home = client.get(reverse("home")).content.decode()
    for found in areas:
        assert navigation.grouped_menus_for(user, found.slug)
        assert f'href="/area/{found.slug}/"' in home
        body = client.get(reverse("area", args=[found.slug])).content.decode()
        assert EMPTY not in body
        assert "data-sidenav" in body and 'aria-label="현재 위치"' in body
    for hidden in set(a.slug for a in navigation.AREAS) - {a.slug for a in areas}:
        assert f'href="/area/{hidden}/"' not in home
        assert client.get(reverse("area", args=[hidden])).status_code in (403, 404)


@pytest.mark.django_db
def test_area_without_menus_answers_not_found(client_for, org, monkeypatch):
    # An area whose apps registered no page: it is not shown, and its address does not open an empty page.
    monkeypatch.setattr(navigation, "MENUS", [m for m in navigation.MENUS if m.area != "surveys"])
    assert not navigation.grouped_menus_for(org.officer, "surveys")
    assert client_for(org.officer).get(reverse("area", args=["surveys"])).status_code == 404


@pytest.mark.django_db
def test_a_registered_menu_appears_by_itself(client_for, org, monkeypatch):
    from chinjeol.core.roles import Role

    # the area as it was before any app filled it
    monkeypatch.setattr(navigation, "MENUS", [m for m in navigation.MENUS if m.area != "surveys"])
    navigation.register(
        Menu("surveys", "만족도 조사", "cases:queue", (Role.CS_OFFICER,), "시험", group="조사")
    )
    assert "surveys" in {a.slug for a in navigation.areas_for(org.officer)}
    assert "surveys" not in {a.slug for a in navigation.areas_for(org.clerk)}
    groups = navigation.grouped_menus_for(org.officer, "surveys")
    assert groups[0]["label"] == "조사" and groups[0]["menus"][0]["label"] == "만족도 조사"


@pytest.mark.django_db
def test_side_menu_groups_and_breadcrumb_on_a_deep_page(client_for, org):
    body = client_for(org.officer).get(reverse("reports:compliance")).content.decode()
    assert 'aria-label="서비스헌장 메뉴"' in body
    # The promises and whether they were kept sit together.
    side = body[body.index('aria-label="서비스헌장 메뉴"') : body.index("</details>")]
    assert "서비스헌장 이행표준" in side and "헌장 이행 점검" in side and "헌장과 이행" in side
    crumbs = body[body.index('aria-label="현재 위치"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert "처음" in crumbs and "서비스헌장" in crumbs and 'aria-current="page">헌장 이행 점검' in crumbs


@pytest.mark.django_db
def test_settings_live_in_one_place(client_for, org):
    groups = {g["label"]: g for g in navigation.grouped_menus_for(org.officer, "admin")}
    labels = {m["label"] for m in groups[SETTINGS]["menus"]}
    assert {"서비스헌장 이행표준", "기관 달력", "평가 항목·점수 기준", "생활 용어 사전"} <= labels
    assert SETTINGS not in {g["label"] for g in navigation.grouped_menus_for(org.head, "admin")}


@pytest.mark.django_db
def test_report_centre_hub_is_in_the_menu(org):
    labels = [m["label"] for m in navigation.menus_for(org.clerk, "kindness")]
    assert "신고센터 처음" in labels


@pytest.mark.django_db
def test_citizen_start_page_leads_everywhere(client):
    body = client.get(reverse("citizen_home")).content.decode()
    for label in ("민원 신청", "칭찬·불친절 신고", "처리 상황 조회", "서비스헌장", "이행 결과"):
        assert label in body
    for name in ("cases:citizen_new", "community:report_new", "cases:citizen_status", "citizen_charter"):
        assert f'href="{reverse(name)}"' in body
    # The logo leads an anonymous visitor to the start page, a signed-in person to their home.
    assert f'class="brand" href="{reverse("citizen_home")}"' in body
    assert "시연" not in body
    charter = client.get(reverse("citizen_charter")).content.decode()
    assert "이행표준" in charter and "PHONE_RINGS" not in charter


@pytest.mark.django_db
def test_login_page_leads_a_citizen_to_the_start_page(client):
    body = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("citizen_home")}">민원 신청·칭찬·불친절 신고·처리 상황 조회</a>' in body


def test_every_menu_names_an_existing_area():
    known = {a.slug for a in navigation.AREAS}
    unknown = sorted({m.area for m in navigation.MENUS} - known)
    assert not unknown, f"메뉴가 없는 영역을 가리킵니다: {unknown} (core.navigation.AREAS 또는 register_area)"
