"""The counter, field visits, the expert room and the meetings in the navigation: all under 민원, where the
visitor and the appointment begin (`VisitsConfig.ready()` calls `register_menus()`)."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import Menu, register
    from chinjeol.core.roles import Role

    people = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)
    readers = (*people, Role.AUDITOR)
    for menu in (
        Menu(
            "cases",
            "방문객 안내 창구",
            "visits:counter",
            readers,
            "민원실 창구·무인 안내기: 도착 기록, 5분 안 담당자 안내, 기다리는 분",
        ),
        Menu(
            "cases",
            "대기 현황판",
            "visits:board",
            readers,
            "대기실 화면에 띄우는 번호·부서·기다린 시간 (5초마다 갱신)",
        ),
        Menu(
            "cases",
            "방문객 안내 기록",
            "visits:log",
            readers,
            "방문마다 도착·안내 시각과 5분 약속 판정 (엑셀·CSV)",
        ),
        Menu(
            "cases",
            "현장 방문",
            "visits:field_list",
            readers,
            "방문 약속, 전날 사전 안내 문자, 현장 결과와 후속 처리",
        ),
        Menu(
            "cases",
            "전문가 상담실",
            "visits:experts",
            readers,
            "변호사·세무사·노무사 상담 시간, 예약·배정(취약계층 우선), 상담 기록·만족도",
        ),
        Menu(
            "cases",
            "전문가 상담 신청 (시민 화면)",
            "visits:consult",
            tuple(Role),
            "시민이 계정 없이 전문가 상담을 신청하는 공개 화면",
        ),
        Menu(
            "cases",
            "고객 간담회",
            "visits:meetings",
            readers,
            "유관 단체·고객 간담회 기록 (헌장: 매년 3회 이상)",
        ),
    ):
        register(menu)
