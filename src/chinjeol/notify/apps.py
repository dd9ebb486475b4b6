from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "chinjeol.notify"
    label = "notify"
    verbose_name = "통지"
