from django.apps import AppConfig


class KindnessConfig(AppConfig):
    name = "chinjeol.kindness"
    label = "kindness"
    verbose_name = "친절평가"

    def ready(self):
        from chinjeol.core.privacy import register_subject_type

        register_subject_type("staff_kindness", "직원 친절 평가")
        from chinjeol.core.navigation import Menu, register

        from .sources import register_own_sources

        register_own_sources()
        from chinjeol.core.roles import Role

        office = (Role.CS_OFFICER, Role.AUDITOR)
        for menu in (
            Menu(
                "kindness",
                "내 친절",
                "kindness:me",
                (Role.STAFF,),
                "내 점수와 신호등, 항목별 비교, 모든 근거 기록",
            ),
            Menu(
                "kindness",
                "친절 현황·순위",
                "kindness:organisation",
                (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER, Role.STAFF),
                "신호등 분포와 부서 순위 (직원은 공표된 부서 순위)",
            ),
            Menu(
                "kindness",
                "점검 결과 등록",
                "kindness:register",
                (Role.CS_LEADER, Role.EVALUATOR, Role.CS_OFFICER),
                "전화응대 점검, 교육 이수·암행 평가 결과를 바로 등록",
            ),
            Menu(
                "kindness",
                "점검 결과 파일 등록",
                "kindness:upload",
                (Role.CS_LEADER, Role.EVALUATOR, Role.CS_OFFICER),
                "엑셀·CSV로 여러 건을 한꺼번에 (행별 검사, 전부 아니면 전무)",
            ),
            Menu(
                "kindness",
                "공표한 결과",
                "kindness:snapshots",
                office,
                "반기·월·연 공표 결과와 시상·격려 기록",
            ),
            Menu(
                "kindness",
                "평가 항목·점수 기준",
                "kindness:settings",
                office,
                "항목별 건당 점수·상한·가중치, 신호등 기준과 이력",
            ),
        ):
            register(menu)
