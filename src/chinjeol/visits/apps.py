from datetime import timedelta

from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "chinjeol.visits"
    label = "visits"
    verbose_name = "방문·상담"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chinjeol.core import inbox
        from chinjeol.core.periodic import register_periodic

        from .inbox import work_for
        from .menus import register_menus
        from .provider import register_compliance

        register_menus()
        register_compliance()
        register_notices()
        inbox.register("visits", work_for)
        register_periodic(
            "chinjeol.visits.tasks.visit_notices",
            every=timedelta(minutes=5),
            label="현장 방문 사전 안내·전문가 상담 배정과 알림",
        )


def register_notices() -> None:
    """The visits' notice kinds and what they are about, named in the notice log."""
    from django.urls import reverse

    from chinjeol.notify.kinds import About, register_about, register_kind

    from .services.notices import KINDS

    for code, label in KINDS.items():
        register_kind(code, label)
    register_about(
        About(
            "visits.fieldvisit",
            "현장 방문",
            lambda visit: f"{visit.scheduled_at.astimezone(_seoul()):%Y-%m-%d %H:%M}",
            lambda pk: reverse("visits:field_detail", args=[pk]),
        )
    )
    register_about(
        About(
            "visits.booking",
            "전문가 상담",
            lambda booking: booking.receipt_no,
            lambda pk: reverse("visits:booking_detail", args=[pk]),
        )
    )


def _seoul():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Seoul")
