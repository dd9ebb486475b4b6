from django.apps import AppConfig


class CompensationConfig(AppConfig):
    name = "chinjeol.compensation"
    label = "compensation"
    verbose_name = "보상"

    def ready(self):
        from chinjeol.core.privacy import register_subject_type

        register_subject_type("compensationentry", "보상 대장")
        from chinjeol.core import inbox
        from chinjeol.core.navigation import Menu, register
        from chinjeol.core.roles import Role

        from .inbox import work_for

        inbox.register("compensation", work_for)

        register(
            Menu(
                "cases",
                "보상 대장",
                "compensation:ledger",
                (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD),
                "헌장 위반 보상(1만 원 상당)의 발생·승인·지급 기록과 월별 보고",
            )
        )
