from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "chinjeol.contact"
    label = "contact"
    verbose_name = "콜센터"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .chat_inbox import register_inbox
        from .menus import register_menus
        from .mileage import register_source
        from .provider import register_compliance

        register_menus()
        register_compliance()
        register_source()
        register_inbox()
