"""The knowledge pages in the navigation; `KnowledgeConfig.ready()` calls `register_menus()`."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import SETTINGS, Menu, register
    from chinjeol.core.roles import Role

    from .permissions import READERS

    office = (Role.CS_OFFICER,)
    register(
        Menu(
            "knowledge",
            "지식 검색",
            "knowledge:browse",
            READERS,
            "시민의 말 그대로 찾는 상담 지식 문서",
            group="찾기",
        )
    )
    register(
        Menu(
            "knowledge",
            "생활 용어 사전",
            "knowledge:synonyms",
            office,
            "생활 용어·줄임말·영어를 행정 용어로 잇는 표",
            group="관리",
        )
    )
    register(
        Menu(
            "knowledge",
            "해결에 쓰인 문서",
            "knowledge:report_uses",
            office,
            "민원·통화를 해결한 문서 순위",
            group="관리",
        )
    )
    register(
        Menu(
            "knowledge",
            "답을 못 찾은 검색",
            "knowledge:report_misses",
            office,
            "결과가 없거나 약했던 검색어",
            group="관리",
        )
    )
    register(
        Menu(
            "knowledge",
            "검토 기한 지난 문서",
            "knowledge:overdue",
            (Role.CS_OFFICER, Role.CS_LEADER, Role.DEPT_HEAD),
            "다시 확인할 문서",
            group="관리",
        )
    )
    register(
        Menu(
            "admin",
            "생활 용어 사전",
            "knowledge:synonyms",
            office,
            "상담 지식 검색이 생활 용어를 행정 용어로 찾게 하는 표",
            group=SETTINGS,
        )
    )
