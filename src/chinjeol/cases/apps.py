from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "chinjeol.cases"
    label = "cases"
    verbose_name = "민원"
