from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "chinjeol.contact"
    label = "contact"
    verbose_name = "콜센터"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chinjeol.core.privacy import register_subject_type

        register_subject_type("caller_history", "전화 건 사람의 상담 이력")
        from datetime import timedelta

        from chinjeol.core.periodic import register_periodic

        from .menus import register_menus
        from .mileage import register_source
        from .provider import register_compliance

        register_menus()
        register_compliance()
        register_source()
        register_periodic(
            "chinjeol.contact.tasks.phone_mileage", every=timedelta(hours=1), label="전화응대 마일리지"
        )
