from django.apps import AppConfig


class KindnessConfig(AppConfig):
    name = "chinjeol.kindness"
    label = "kindness"
    verbose_name = "친절평가"

    def ready(self):
        from chinjeol.core.navigation import Menu, register
        from chinjeol.core.roles import Role

        register(
            Menu(
                "kindness",
                "내 친절",
                "kindness:me",
                (Role.STAFF,),
                "내 점수와 신호등, 항목별 비교, 모든 근거 기록",
            )
        )
        register(
            Menu(
                "kindness",
                "부서·기관 친절 현황",
                "kindness:organisation",
                (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER),
                "신호등 분포와 부서 순위",
            )
        )
        register(
            Menu(
                "kindness",
                "점검 결과 등록",
                "kindness:register",
                (Role.CS_LEADER, Role.EVALUATOR, Role.CS_OFFICER),
                "전화응대 점검, 교육·암행 평가 등 결과를 바로 등록",
            )
        )
