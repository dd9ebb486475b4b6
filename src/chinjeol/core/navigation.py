"""The areas of the product and the menus inside them, filtered by role.

Every app registers its pages with `register(Menu(area, label, url_name, roles, description, group=...))` in its
`AppConfig.ready()`; the top menu, the side menu of each area, the area pages and the breadcrumbs are all built
from that registry, so a new app's pages appear by themselves. An area shows only to a person who can open at
least one of its menus: no area is ever shown empty. Settings pages also register in the "admin" area under the
group `SETTINGS`, so every setting of the product can be found in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from .access import has_role
from .roles import Role

ALL = tuple(Role)
OFFICE = (Role.CS_OFFICER, Role.AUDITOR)
SETTINGS = "설정"


@dataclass(frozen=True)
class Area:
    slug: str
    label: str
    description: str
    roles: tuple[Role, ...]
    groups: tuple[str, ...] = field(default=())  # the order of the side menu's groups


@dataclass(frozen=True)
class Menu:
    area: str
    label: str
    url_name: str
    roles: tuple[Role, ...]
    description: str = ""
    group: str = ""


AREAS: list[Area] = [
    Area(
        "cases",
        "민원",
        "민원·VOC 접수와 처리, 기한과 통지, 보상",
        ALL,
        ("민원 처리", "보상", "민원인 화면"),
    ),
    Area(
        "charter",
        "서비스헌장",
        "이행표준과 이행 점검 결과, 공개 보고서, 처리기한을 세는 달력",
        ALL,
        ("헌장과 이행", "처리기한 기준"),
    ),
    Area(
        "callcenter",
        "콜센터",
        "통화기록, 콜백, 상담사 보호",
        (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, *OFFICE),
        ("상담", "현황", "보호", "관리"),
    ),
    Area(
        "kindness",
        "친절평가",
        "친절 마일리지, 신호등, 순위, 친절·불친절 신고",
        ALL,
        ("친절 점수", "신고센터", "함께하기"),
    ),
    Area("surveys", "설문·평가", "해피콜, 만족도 조사, 전화친절도·암행 평가", ALL),
    Area(
        "training",
        "교육",
        "친절 교육 과정과 이수 관리",
        (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, *OFFICE),
    ),
    Area(
        "knowledge",
        "지식",
        "상담 지식 검색",
        (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, *OFFICE),
        ("찾기", "관리"),
    ),
    Area("reports", "보고서", "통계와 보고서", (Role.DEPT_HEAD, Role.CS_LEADER, *OFFICE)),
    Area(
        "admin",
        "관리",
        "조직·계정·권한, 모든 설정, 개인정보 접속기록",
        (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER),
        ("조직", SETTINGS, "개인정보", "시스템"),
    ),
]

MENUS: list[Menu] = [
    Menu("admin", "조직도·직원", "organization:directory", ALL, "부서 구조와 직원 목록", group="조직"),
    Menu(
        "admin",
        "조직도 가져오기",
        "organization:import",
        (Role.CS_OFFICER,),
        "CSV·XLSX 조직도 파일로 부서와 직원을 한꺼번에 등록·갱신",
        group="조직",
    ),
    Menu(
        "admin",
        "개인정보 접속기록",
        "access_log",
        OFFICE,
        "누가 언제 어디서 개인정보를 조회·내려받았는지 검색",
        group="개인정보",
    ),
    Menu(
        "admin",
        "관리자 화면",
        "admin:index",
        OFFICE,
        "모든 자료를 직접 조회·수정하는 관리 화면 (감사는 조회만)",
        group="시스템",
    ),
    Menu(
        "admin",
        "API 문서",
        "api-1.0.0:openapi-view",
        (Role.CS_OFFICER,),
        "연계용 REST API 명세와 시험",
        group="시스템",
    ),
]


def register(menu: Menu) -> None:
    if menu not in MENUS:
        MENUS.append(menu)


def register_area(new: Area) -> None:
    """An app may bring an area of its own (placed before 보고서 and 관리)."""
    if area(new.slug) is None:
        AREAS.insert(max(len(AREAS) - 2, 0), new)


def _url(menu: Menu) -> str | None:
    try:
        return reverse(menu.url_name)
    except NoReverseMatch:
        return None


def _visible(user) -> list[tuple[Menu, str]]:
    out = []
    for menu in MENUS:
        if has_role(user, *menu.roles):
            url = _url(menu)
            if url is not None:
                out.append((menu, url))
    return out


def menus_for(user, area: str) -> list[dict]:
    return [
        {"label": m.label, "url": url, "description": m.description, "group": m.group}
        for m, url in _visible(user)
        if m.area == area
    ]


def grouped_menus_for(user, area_slug: str) -> list[dict]:
    """The side menu of an area: [{"label": group, "menus": [...]}, ...] in the area's group order."""
    found = area(area_slug)
    order = list(found.groups) if found else []
    groups: dict[str, list[dict]] = {}
    for menu in menus_for(user, area_slug):
        groups.setdefault(menu["group"], []).append(menu)
    keys = [g for g in order if g in groups] + [g for g in groups if g not in order]
    return [{"label": key, "menus": groups[key]} for key in keys]


def areas_for(user) -> list[Area]:
    """The areas the person may open that hold at least one menu for them."""
    with_menus = {m.area for m, _ in _visible(user)}
    return [a for a in AREAS if a.slug in with_menus and has_role(user, *a.roles)]


def area(slug: str) -> Area | None:
    return next((a for a in AREAS if a.slug == slug), None)


def locate(user, path: str, preferred: str | None = None) -> tuple[str | None, dict | None]:
    """The area and the menu a page belongs to: the menu whose address is the page's address or the
    longest start of it. When the view named its area (`preferred`), only that area's menus count."""
    best: tuple[int, int, Menu, str] | None = None
    for menu, url in _visible(user):
        if preferred and menu.area != preferred:
            continue
        if url == "/" or not (path == url or (url.endswith("/") and path.startswith(url))):
            continue
        rank = (len(url), 0 if menu.area == "admin" else 1)
        if best is None or rank > best[:2]:
            best = (*rank, menu, url)
    if best is None:
        return preferred, None
    _, _, menu, url = best
    return menu.area, {"label": menu.label, "url": url, "current": url == path}
