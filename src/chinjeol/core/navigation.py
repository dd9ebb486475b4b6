"""The areas of the product and the menus inside them, filtered by role."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from .access import has_role
from .roles import Role

ALL = tuple(Role)
OFFICE = (Role.CS_OFFICER, Role.AUDITOR)


@dataclass(frozen=True)
class Area:
    slug: str
    label: str
    description: str
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class Menu:
    area: str
    label: str
    url_name: str
    roles: tuple[Role, ...]
    description: str = ""


AREAS: tuple[Area, ...] = (
    Area("cases", "민원", "민원·VOC 접수와 처리, 기한과 통지, 보상", ALL),
    Area(
        "callcenter",
        "콜센터",
        "통화기록, 콜백, 상담사 보호",
        (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, *OFFICE),
    ),
    Area("kindness", "친절평가", "친절 마일리지, 신호등, 순위, 친절·불친절 신고", ALL),
    Area("surveys", "설문·평가", "해피콜, 만족도 조사, 전화친절도·암행 평가", ALL),
    Area(
        "training",
        "교육",
        "친절 교육 과정과 이수 관리",
        (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, *OFFICE),
    ),
    Area("knowledge", "지식", "상담 지식 검색", (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, *OFFICE)),
    Area("reports", "보고서", "헌장 이행 점검, 반기 보고서, 통계", (Role.DEPT_HEAD, Role.CS_LEADER, *OFFICE)),
    Area(
        "admin",
        "관리",
        "조직·계정·권한, 개인정보 접속기록",
        (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER),
    ),
)

MENUS: list[Menu] = [
    Menu("admin", "조직도·직원", "organization:directory", ALL, "부서 구조와 직원 목록"),
    Menu(
        "admin",
        "조직도 가져오기",
        "organization:import",
        (Role.CS_OFFICER,),
        "CSV·XLSX 조직도 파일로 부서와 직원을 한꺼번에 등록·갱신",
    ),
    Menu(
        "admin",
        "개인정보 접속기록",
        "access_log",
        OFFICE,
        "누가 언제 어디서 개인정보를 조회·내려받았는지 검색",
    ),
    Menu(
        "admin",
        "관리자 화면",
        "admin:index",
        OFFICE,
        "모든 자료를 직접 조회·수정하는 관리 화면 (감사는 조회만)",
    ),
    Menu("admin", "API 문서", "api-1.0.0:openapi-view", (Role.CS_OFFICER,), "연계용 REST API 명세와 시험"),
]


def register(menu: Menu) -> None:
    if menu not in MENUS:
        MENUS.append(menu)


def menus_for(user, area: str) -> list[dict]:
    out = []
    for menu in MENUS:
        if menu.area == area and has_role(user, *menu.roles):
            try:
                url = reverse(menu.url_name)
            except NoReverseMatch:
                continue
            out.append({"label": menu.label, "url": url, "description": menu.description})
    return out


def areas_for(user) -> list[Area]:
    return [area for area in AREAS if has_role(user, *area.roles)]


def area(slug: str) -> Area | None:
    return next((a for a in AREAS if a.slug == slug), None)
