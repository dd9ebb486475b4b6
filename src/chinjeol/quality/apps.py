from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "chinjeol.quality"
    label = "quality"
    verbose_name = "서비스 품질 평가"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .inbox import register_inbox
        from .menus import register_menus
        from .mileage import register_source

        register_menus()
        register_source()
        register_inbox()
