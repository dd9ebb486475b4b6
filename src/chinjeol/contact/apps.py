from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "chinjeol.contact"
    label = "contact"
    verbose_name = "콜센터"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from datetime import timedelta

        from chinjeol.core import exports
        from chinjeol.core.periodic import register_periodic
        from chinjeol.core.privacy import register_subject_type

        from .chat_inbox import register_inbox
        from .conversations import register_notices
        from .menus import register_menus
        from .mileage import register_source
        from .provider import register_compliance

        register_subject_type("caller_history", "전화 건 사람의 상담 이력")
        register_menus()
        register_compliance()
        register_source()
        register_periodic(
            "chinjeol.contact.tasks.phone_mileage", every=timedelta(hours=1), label="전화응대 마일리지"
        )
        exports.register("contact:volumes", "통화량")
        exports.register("contact:callbacks", "콜백 목록")
        register_inbox()
        register_notices()
