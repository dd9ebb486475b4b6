from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "chinjeol.charter"
    label = "charter"
    verbose_name = "헌장·기한"

    def ready(self):
        from chinjeol.core import exports

        from .menus import register_menus

        register_menus()
        exports.register("charter:compliance", "헌장 이행 점검")
        exports.register("charter:compliance_cases", "헌장 이행 점검 민원 목록")
