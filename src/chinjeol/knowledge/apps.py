from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "chinjeol.knowledge"
    label = "knowledge"
    verbose_name = "상담 지식"

    def ready(self):
        from .menus import register_menus

        register_menus()
