from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "chinjeol.charter"
    label = "charter"
    verbose_name = "헌장·기한"

    def ready(self):
        from .menus import register_menus

        register_menus()
