"""Accessibility checked by a tool: axe-core on the main page of every area and on the citizen pages finds no
serious or critical violation, and the KWCAG 2.2 basics hold (language, landmarks, labels, visible focus)."""

from __future__ import annotations

import pytest

from tests.browser.axe import axe_source, serious_violations
from tests.browser.conftest import login

CITIZEN_PAGES = (
    "/citizen/",
    "/citizen/charter/",
    "/cases/new/",
    "/cases/status/",
    "/community/report/",
    "/community/report/status/",
    "/reports/charter/",
    "/login/",
)


@pytest.fixture
def checked(page):
    page.context.add_init_script(axe_source())
    return page


def _basics(page, address: str) -> list[str]:
    problems = []
    facts = page.evaluate(
        """() => ({
          lang: document.documentElement.lang,
          mains: document.querySelectorAll('main').length,
          navs: document.querySelectorAll('nav[aria-label]').length,
          title: document.title,
          unlabelled: [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(e => e.offsetParent !== null && !e.closest('.hp'))
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                         && !e.getAttribute('aria-labelledby') && !e.getAttribute('title'))
            .map(e => e.name || e.id),
        })"""
    )
    if facts["lang"] != "ko":
        problems.append(f"{address}: html lang가 ko가 아닙니다")
    if facts["mains"] != 1 or facts["navs"] < 1:
        problems.append(f"{address}: 본문(main) 1개와 이름 있는 메뉴(nav)가 있어야 합니다")
    if not facts["title"]:
        problems.append(f"{address}: 제목이 없습니다")
    if facts["unlabelled"]:
        problems.append(f"{address}: 이름표 없는 입력란 {facts['unlabelled']}")
    return problems


def _focus_is_visible(page) -> bool:
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    return page.evaluate(
        """() => { const e = document.activeElement; if (!e || e === document.body) return false;
                   const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""
    )


def _check(page, addresses, width=1280, *, axe=True) -> list[str]:
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for address in addresses:
        response = page.goto(address)
        assert response.ok, f"{address}: {response.status}"
        if axe:
            problems += [f"{address} ({width}px) {v}" for v in serious_violations(page)]
        problems += _basics(page, address)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width + 1:
            problems.append(f"{address} ({width}px): 화면이 옆으로 넘칩니다 (폭 {wide}px)")
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_citizen_pages_have_no_serious_violations(checked, org):
    page = checked
    problems = _check(page, CITIZEN_PAGES) + _check(page, CITIZEN_PAGES[:3], width=390)
    page.goto("/citizen/")
    assert _focus_is_visible(page), "키보드 초점이 보이지 않습니다"
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_main_page_of_every_area_has_no_serious_violations(checked, org):
    from chinjeol.core import navigation

    page = checked
    problems, seen = [], {}
    for persona in ("officer", "clerk", "evaluator"):
        user = getattr(org, persona)
        login(page, persona, org.password)
        addresses = ["/"]
        for area in navigation.areas_for(user):
            addresses.append(f"/area/{area.slug}/")
            first = navigation.grouped_menus_for(user, area.slug)[0]["menus"][0]["url"]
            addresses.append(first)
        problems += _check(page, dict.fromkeys(addresses))
        seen[persona] = addresses
    login(page, "officer", org.password)
    problems += _check(page, ["/", "/cases/", "/reports/compliance/"], width=390)
    # at phone width nothing runs off the side, on every area's pages (axe ran on them above)
    problems += _check(page, dict.fromkeys(seen["officer"]), width=390, axe=False)
    assert _focus_is_visible(page), "키보드 초점이 보이지 않습니다"
    assert not problems, "\n".join(problems)
