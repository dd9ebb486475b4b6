from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "chinjeol.visits"
    label = "visits"
    verbose_name = "방문·상담"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .menus import register_menus
        from .provider import register_compliance

        register_menus()
        register_compliance()
        _register_kinds()


def _register_kinds() -> None:
    """Name the visits' notices in the notice log (once notify has a registry of kinds)."""
    try:
        from chinjeol.notify.kinds import register_kind
    except ImportError:  # an older notify: the log shows the code
        from chinjeol.notify.models import Message

        from .services.notices import KINDS

        for code, label in KINDS.items():
            Message.KIND_LABELS.setdefault(code, label)
        return
    from .services.notices import KINDS

    for code, label in KINDS.items():
        register_kind(code, label)
