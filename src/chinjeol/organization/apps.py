from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "chinjeol.organization"
    label = "organization"
    verbose_name = "조직"

    def ready(self):
        from chinjeol.core.privacy import register_subject_type

        register_subject_type("staff", "직원")
