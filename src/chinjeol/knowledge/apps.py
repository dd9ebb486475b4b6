from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "chinjeol.knowledge"
    label = "knowledge"
    verbose_name = "상담 지식"

    def ready(self):
        from chinjeol.notify.kinds import register_kind

        from .menus import register_menus

        register_menus()
        register_kind("kb_review", "상담 지식 검토 요청")
