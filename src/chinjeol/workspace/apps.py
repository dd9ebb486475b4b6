from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "chinjeol.workspace"
    label = "workspace"
    verbose_name = "첫 화면·접속기록"

    def ready(self):
        from chinjeol.core import exports
        from chinjeol.core.privacy import register_subject_type

        register_subject_type("access_log", "접속기록의 접속자")
        exports.register("access_log", "개인정보 접속기록")
