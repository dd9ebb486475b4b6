"""The training pages in the `교육` area (`TrainingConfig.ready()` calls `register_menus()`)."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import Menu, register
    from chinjeol.core.roles import Role

    people = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
    managers = (Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
    for menu in (
        Menu("training", "내 교육", "training:mine", people, "배정된 과정, 이수 기한, 이수 기록"),
        Menu(
            "training",
            "교육 과정",
            "training:courses",
            people,
            "기본 → 상황별 응대 → 어려운 고객 응대 단계별 과정",
        ),
        Menu(
            "training", "이수 현황", "training:progress", managers, "부서·직원별 배정·이수·이수율 (엑셀·CSV)"
        ),
        Menu("training", "미이수자", "training:gaps", managers, "기한이 지난 미이수자 목록과 독촉 알림"),
        Menu(
            "training",
            "교육 배정",
            "training:assign",
            (Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER),
            "역할·부서·신규 직원·보완 항목별로 과정과 기한 배정",
        ),  # fmt: skip
        Menu(
            "training", "집합 교육·워크숍", "training:sessions", people, "부서 전달 교육·워크숍 일정과 출석"
        ),
        Menu(
            "training",
            "과정 만들기",
            "training:course_new",
            (Role.CS_OFFICER,),
            "동영상·자료·평가 문항이 있는 과정",
        ),
        Menu(
            "training",
            "학습 기록(xAPI)",
            "training:statements",
            (Role.CS_OFFICER, Role.AUDITOR),
            "학습 이벤트를 xAPI 문장(JSON)으로 내려받기",
        ),  # fmt: skip
    ):
        register(menu)
