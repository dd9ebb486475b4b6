from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "chinjeol.knowledge"
    label = "knowledge"
    verbose_name = "상담 지식"

    def ready(self):
        from datetime import timedelta

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
