from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "chinjeol.organization"
    label = "organization"
    verbose_name = "조직"
