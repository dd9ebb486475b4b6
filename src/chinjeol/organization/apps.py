from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = "chinjeol.organization"
    label = "organization"
    verbose_name = "조직"

    def ready(self):
        from chinjeol.core.access import register_department_parents
        from chinjeol.core.privacy import register_subject_type

        from .queries import department_parents

        register_subject_type("staff", "직원")
        register_department_parents(department_parents)
