from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "chinjeol.surveys"
    label = "surveys"
    verbose_name = "설문·평가"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .wiring import connect

        connect()
