"""The call-centre pages in the navigation (`ContactConfig.ready()` calls `register_menus()`)."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import Menu, register
    from chinjeol.core.roles import Role

    people = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
    for menu in (
        Menu(
            "callcenter",
            "상담 콘솔",
            "contact:console",
            people,
            "지금 통화, 번호별 이전 통화·민원, 콜백·첫 통화 해결 표시",
            group="상담",
        ),
        Menu(
            "callcenter",
            "콜백 목록",
            "contact:callbacks",
            people,
            "부재 중 전화·확인 후 회신 약속의 기한과 결과",
            group="상담",
        ),
        Menu(
            "callcenter",
            "상황판",
            "contact:wallboard",
            people,
            "대기·통화 중, 오늘 서비스레벨·포기, 남은 콜백 (5초마다 갱신)",
            group="현황",
        ),
        Menu(
            "callcenter",
            "333 현황",
            "contact:dashboard_333",
            people,
            "3번 울리기 전 응답, 3분 안 통화, 고객이 먼저 끊기 — 사람·부서별",
            group="현황",
        ),
        Menu(
            "callcenter",
            "통화량",
            "contact:volumes",
            people,
            "일·월·연도별 인입·응답·포기 (엑셀·CSV 내려받기)",
            group="현황",
        ),
        Menu(
            "callcenter",
            "미등록 내선",
            "contact:extensions",
            (Role.CS_OFFICER, Role.AUDITOR),
            "직원에 연결되지 않은 내선의 통화",
            group="관리",
        ),
    ):
        register(menu)
