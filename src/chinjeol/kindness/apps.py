from django.apps import AppConfig


class KindnessConfig(AppConfig):
    name = "chinjeol.kindness"
    label = "kindness"
    verbose_name = "친절평가"
