"""The charter pages in the navigation; `CharterConfig.ready()` calls `register_menus()`.

The promises and whether they were kept sit together in the 서비스헌장 area (the compliance pages are the
reports app's, which adds them to the same group); the pages where the CS officer changes the promises are
also listed among the settings of the 관리 area."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import SETTINGS, Menu, register
    from chinjeol.core.roles import Role

    everyone = tuple(Role)
    office = (Role.CS_OFFICER, Role.AUDITOR)
    for menu in (
        Menu(
            "charter",
            "서비스헌장 이행표준",
            "charter:charter",
            everyone,
            "이행표준의 현재 목표와 변경 이력 (고객만족 담당관이 새 판을 만듭니다)",
            group="헌장과 이행",
        ),
        Menu(
            "charter",
            "기관 달력",
            "charter:calendar",
            everyone,
            "공휴일·대체공휴일과 기관 휴무일·추가 근무일 (처리기한 계산에 쓰입니다)",
            group="처리기한 기준",
        ),
        Menu(
            "charter",
            "민원처리기준표",
            "charter:statutory",
            everyone,
            "법정민원 사무별 처리기간",
            group="처리기한 기준",
        ),
        Menu(
            "cases",
            "보상 월별 보고",
            "compensation:report",
            (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD),
            "월별 보상 발생·승인·지급",
            group="보상",
        ),
        Menu(
            "admin",
            "서비스헌장 이행표준",
            "charter:charter",
            office,
            "이행표준의 목표를 바꾸면 새 판이 생깁니다",
            group=SETTINGS,
        ),
        Menu(
            "admin",
            "기관 달력",
            "charter:calendar",
            office,
            "기관 휴무일·추가 근무일",
            group=SETTINGS,
        ),
        Menu(
            "admin",
            "민원처리기준표",
            "charter:statutory",
            office,
            "법정민원 사무별 처리기간",
            group=SETTINGS,
        ),
    ):
        register(menu)
