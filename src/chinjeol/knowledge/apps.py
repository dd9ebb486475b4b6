from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "chinjeol.knowledge"
    label = "knowledge"
    verbose_name = "상담 지식"

    def ready(self):
        from datetime import timedelta

        from chinjeol.core import exports
        from chinjeol.core.periodic import register_periodic
        from chinjeol.notify.kinds import register_kind

        from .menus import register_menus

        register_menus()
        register_kind("kb_review", "상담 지식 검토 요청")
        register_periodic(
            "chinjeol.knowledge.tasks.check_reviews",
            every=timedelta(hours=1),
            label="지식 문서 검토 기한 알림",
        )
        exports.register("knowledge:report_uses", "해결에 쓰인 문서")
        exports.register("knowledge:report_misses", "답을 못 찾은 검색")
        exports.register("knowledge:overdue", "검토 기한 지난 문서")
