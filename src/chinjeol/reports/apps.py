from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "chinjeol.reports"
    label = "reports"
    verbose_name = "보고서"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from datetime import timedelta

        from chinjeol.core import exports
        from chinjeol.core.navigation import Menu, register
        from chinjeol.core.periodic import register_periodic
        from chinjeol.core.roles import Role

        from .compliance import sqi
        from .compliance.queries import READERS

        exports.register("reports:compliance", "헌장 이행 점검")
        exports.register("reports:compliance_cases", "헌장 이행 점검 민원 목록")
        exports.register("reports:charter_list", "서비스헌장 이행 점검 결과")
        register_periodic(
            "chinjeol.reports.tasks.refresh_compliance_tallies",
            every=timedelta(minutes=10),
            label="이행 집계 갱신",
        )

        sqi.register()

        # Beside the charter's own pages in the 서비스헌장 area (CharterConfig registers them first).
        register(
            Menu(
                "charter",
                "헌장 이행 점검",
                "reports:compliance",
                tuple(READERS),
                "이행표준·부서·기간별 판정·이행·미이행과 이행률, 부서 순위, 해당 민원 목록",
                group="헌장과 이행",
            )
        )
        register(
            Menu(
                "charter",
                "공개한 이행 결과",
                "reports:charter_list",
                tuple(Role),
                "누리집에 공개한 반기별 서비스헌장 이행 점검 결과 (로그인 없이 볼 수 있습니다)",
                group="헌장과 이행",
            )
        )
