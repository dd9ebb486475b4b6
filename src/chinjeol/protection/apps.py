from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "chinjeol.protection"
    label = "protection"
    verbose_name = "상담사 보호"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chinjeol.contact.cti import register_router

        from .inbox import register_inbox
        from .menus import register_menus
        from .routing import dedicated_team_route

        register_menus()
        register_router(dedicated_team_route)
        register_inbox()
