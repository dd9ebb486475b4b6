from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class CoreConfig(AppConfig):
    name = "chinjeol.core"
    label = "core"
    verbose_name = "공통·보안"

    def ready(self):
        from . import exports

        exports.register("access_log", "개인정보 접속기록")


class ChinjeolAdminConfig(AdminConfig):
    default_site = "chinjeol.core.admin_site.ChinjeolAdminSite"
