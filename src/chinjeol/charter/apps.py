from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "chinjeol.charter"
    label = "charter"
    verbose_name = "헌장·기한"

    def ready(self):
        from chinjeol.core.navigation import Menu, register
        from chinjeol.core.roles import Role

        everyone = tuple(Role)
        readers = (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)
        register(
            Menu(
                "cases",
                "서비스헌장",
                "charter:charter",
                everyone,
                "이행표준과 변경 이력 (담당관이 새 판을 만듭니다)",
            )
        )
        register(
            Menu(
                "cases",
                "기관 달력",
                "charter:calendar",
                everyone,
                "공휴일·대체공휴일과 기관 휴무일·추가 근무일",
            )
        )
        register(
            Menu(
                "reports",
                "헌장 이행 점검",
                "charter:compliance",
                readers,
                "이행표준·부서·기간별 판정·이행·미이행과 사례, 반기 보고서 공개",
            )
        )
        register(
            Menu(
                "reports",
                "공개 보고서",
                "charter:reports",
                everyone,
                "누리집에 공개한 반기 헌장 이행 점검 결과",
            )
        )
        register(
            Menu(
                "reports",
                "보상 월별 보고",
                "compensation:report",
                (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD),
                "월별 보상 발생·승인·지급",
            )
        )
