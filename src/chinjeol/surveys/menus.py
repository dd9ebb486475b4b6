"""The survey pages in the `설문·평가` area."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import Menu, register
    from chinjeol.core.roles import Role

    from .queries import CATCH_CALLERS, PHONE_TEAM, RESULT_READERS

    office = (Role.CS_OFFICER, Role.AUDITOR)
    for menu in (
        Menu(
            "surveys",
            "해피콜 결과",
            "surveys:happy_results",
            RESULT_READERS,
            "부서·접수 경로·민원 종류·담당자별 응답률과 만족도, 의견 (엑셀·CSV)",
        ),
        Menu(
            "surveys",
            "해피콜 전화 조사",
            "surveys:phone_list",
            PHONE_TEAM,
            "문자에 3일 넘게 답이 없는 민원에 전화해 응답을 입력",
        ),
        Menu(
            "surveys",
            "불만 해소 전화",
            "surveys:catch_calls",
            CATCH_CALLERS,
            "만족도 2점 이하 응답에 부서장이 3근무일 안에 거는 전화",
        ),
        Menu(
            "surveys",
            "만족도 조사",
            "surveys:list",
            office,
            "조사 만들기(척도·선택·서술·추천 의향), 링크·QR·문자 배포, 결과·교차분석, 결과 공개",
        ),
        Menu(
            "surveys",
            "공개한 조사 결과 (공개 화면)",
            "surveys:public_list",
            tuple(Role),
            "누리집에 공개한 만족도 조사 결과와 개선 조치",
        ),
    ):
        register(menu)
