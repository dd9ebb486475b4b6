from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "chinjeol.knowledge"
    label = "knowledge"
    verbose_name = "상담 지식"

    def ready(self):
        from chinjeol.core import exports

        from .menus import register_menus

        register_menus()
        exports.register("knowledge:report_uses", "해결에 쓰인 문서")
        exports.register("knowledge:report_misses", "답을 못 찾은 검색")
