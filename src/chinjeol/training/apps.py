from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "chinjeol.training"
    label = "training"
    verbose_name = "교육"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from datetime import timedelta

        from chinjeol.core import inbox
        from chinjeol.core.periodic import register_periodic
        from chinjeol.kindness import remedies, sources

        from . import hooks, menus
        from .inbox import work_for

        menus.register_menus()
        inbox.register("training", work_for)
        sources.register(sources.MileageSource(hooks.SOURCE_TYPE, hooks.SOURCE_LABEL, hooks.completion_links))
        remedies.register_suggester("training", hooks.suggest_courses)
        remedies.register_unkind_handler("training", hooks.assign_after_unkind)
        hooks.register_notice_kinds()
        register_periodic(
            "chinjeol.training.tasks.training_reminders",
            every=timedelta(hours=1),
            label="교육 이수 기한 알림",
        )
