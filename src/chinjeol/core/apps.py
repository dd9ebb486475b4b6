from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class CoreConfig(AppConfig):
    name = "chinjeol.core"
    label = "core"
    verbose_name = "공통·보안"

    def ready(self):
        from datetime import timedelta

        from .periodic import register_periodic
        from .privacy import register_subject_type

        register_subject_type("user", "계정")

        register_periodic(
            "chinjeol.api.tasks.purge_idempotency_records",
            every=timedelta(hours=1),
            label="오래된 중복 방지 기록 정리",
        )


class ChinjeolAdminConfig(AdminConfig):
    default_site = "chinjeol.core.admin_site.ChinjeolAdminSite"
