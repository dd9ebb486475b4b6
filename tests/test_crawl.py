"""Every address of the project × every role × empty and full data: no answer is a server error.

Addresses come from the URL resolver (tests/routes.py), so a new view is crawled without anyone listing it;
a path parameter the crawl cannot fill fails `test_every_parameter_can_be_filled`. Each page's own links to
itself with a query (queues, tabs, filters, the next page) are followed too."""

from __future__ import annotations

import html
import re
import traceback
from urllib.parse import urlsplit

import pytest

from tests import routes

pytestmark = pytest.mark.django_db

ROUTES = routes.all_routes()
PAGES = [r for r in ROUTES if r.method == "GET" and r.kind != "admin"]
ADMIN = [r for r in ROUTES if r.kind == "admin"]
# One back-office page of each kind (index, app, list, add, change, history, delete, …) on one model.
ADMIN_SAMPLE = [r for r in ADMIN if r.model_admin is None or r.model_admin.model._meta.label == "cases.Case"]

# Server errors known in another part of the code, left to its owner: route key → reason.
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module", params=["empty", "full"])
def world(request, django_db_setup, django_db_blocker):
    yield from routes.world_fixture(request, django_db_setup, django_db_blocker)


def _describe(response) -> str:
    exc = getattr(response, "exc_info", None)
    if exc:
        return "".join(traceback.format_exception(*exc)[-3:]).strip()
    return f"HTTP {response.status_code}"


def test_every_parameter_can_be_filled(world):
    unfilled = []
    for route in ROUTES:
        try:
            route.url(world)
        except routes.UnfilledParameter as error:
            unfilled.append(str(error))
    assert not unfilled, "\n".join(unfilled)


TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _plain_title(response) -> bool:
    """A page's title is text: markup inside <title> shows as raw tags in the browser's tab and history."""
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return True
    found = TITLE.search(response.content.decode(errors="replace"))
    return found is None or "<" not in found.group(1)


HREF = re.compile(r"""href=["']([^"'#]*)["']""")
VARIANTS_PER_PAGE = 6


def variants(url: str, response) -> list[str]:
    """The page's own links to itself with a query (tabs, queues, filters, pages), a few of each page."""
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    path = urlsplit(url).path
    found: dict[str, None] = {}
    for href in HREF.findall(response.content.decode(errors="replace")):
        parts = urlsplit(html.unescape(href))
        if parts.query and parts.path in ("", path):
            found.setdefault(f"{path}?{parts.query}")
    return list(found)[:VARIANTS_PER_PAGE]


def _crawl(world, route, roles, *, follow: bool = False) -> list[str]:
    url = route.url(world)
    failures = []
    for role in roles:
        client = world.clients[role]
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{role} GET {url}: {_describe(response)}")
        elif not _plain_title(response):
            failures.append(f"{role} GET {url}: 제목(<title>)에 태그가 섞여 있습니다")
        for variant in variants(url, response) if follow else ():
            answer = client.get(variant)
            if answer.status_code >= 500:
                failures.append(f"{role} GET {variant}: {_describe(answer)}")
    return failures


@pytest.mark.parametrize("route", PAGES, ids=[r.key for r in PAGES])
def test_no_server_error_for_any_role(world, route):
    failures = _crawl(world, route, routes.ROLES, follow=True)
    if failures and route.key in KNOWN:
        pytest.xfail(f"{KNOWN[route.key]} ({len(failures)} answers)")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("route", ADMIN, ids=[r.key for r in ADMIN])
def test_no_server_error_in_the_back_office(world, route):
    """Every back-office page for the two roles that enter it (the CS officer holds every permission, the
    auditor only view ones). Every other role is turned away by the admin site before any page code runs:
    that refusal is crawled on one page of each kind below and checked everywhere by the permission matrix."""
    if not world.full:
        pytest.skip("the back office is crawled on the full data; empty lists are covered by the pages")
    failures = _crawl(world, route, ("officer", "auditor"))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("route", ADMIN_SAMPLE, ids=[r.key for r in ADMIN_SAMPLE])
def test_back_office_turns_other_roles_away_without_error(world, route):
    others = [r for r in routes.ROLES if r not in ("officer", "auditor")]
    failures = _crawl(world, route, others)
    assert not failures, "\n".join(failures)
