"""Charter compliance from calls: PHONE_RINGS once per answered inbound call to a person (met when
answered within the standard), CALLBACK_ABSENT once per call-back obligation from a missed call (met
when called back by the due moment). Plugged into `charter.compliance` as a tally provider, so the
compliance page, its API and the half-year report show them beside the 민원 standards; the page's
drill-down lists the calls (or call-backs) behind a figure, with masked numbers."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Q, QuerySet

from chinjeol.charter.compliance.rules import Tally
from chinjeol.core.periods import Period

from .services.context import CALLBACK_ABSENT, PHONE_RINGS

NO_DEPARTMENT = 0  # the compliance page's key of figures without a department


def judged_calls(period: Period, now: datetime, *, departments: set[int] | None = None) -> QuerySet:
    """The answered inbound calls judged against PHONE_RINGS in the period, as it stands at `now`."""
    from .models import CallRecord

    calls = CallRecord.objects.filter(
        judged=True,
        phone_version_id__isnull=False,
        local_date__gte=period.start,
        local_date__lt=period.end,
        answered_at__lte=now,
    )
    if departments is not None:
        calls = calls.filter(department_id__in=departments)
    return calls


def judged_callbacks(period: Period, now: datetime, *, departments: set[int] | None = None) -> QuerySet:
    """Call-backs of missed calls judged in the period: met at the call-back, missed at the due moment."""
    from chinjeol.charter.compliance.providers import bounds

    from .models import CallbackObligation

    start, end = bounds(period)
    met_q = Q(status=CallbackObligation.Status.MET, done_at__gte=start, done_at__lt=end, done_at__lte=now)
    missed_q = (
        ~Q(status=CallbackObligation.Status.MET) & Q(due_at__gte=start, due_at__lt=end) & Q(due_at__lt=now)
    )
    callbacks = CallbackObligation.objects.filter(
        reason=CallbackObligation.Reason.MISSED_CALL, version_id__isnull=False
    ).filter(met_q | missed_q)
    if departments is not None:
        callbacks = callbacks.filter(department_id__in=departments)
    return callbacks


def call_tallies(period: Period, now: datetime, *, departments: set[int] | None = None) -> dict:
    from .models import CallbackObligation

    out: dict = {}
    for department, version, n, met in (
        judged_calls(period, now, departments=departments)
        .values_list("department_id", "phone_version_id")
        .annotate(n=Count("id"), met=Count("id", filter=Q(within_standard=True)))
        .order_by()
    ):
        out[(department, version)] = Tally(n, met)
    for department, version, n, met in (
        judged_callbacks(period, now, departments=departments)
        .values_list("department_id", "version_id")
        .annotate(n=Count("id"), met=Count("id", filter=Q(status=CallbackObligation.Status.MET)))
        .order_by()
    ):
        key = (department, version)
        out[key] = out.get(key, Tally()) + Tally(n, met)
    return out


def call_drill_down(
    code: str,
    period: Period,
    now: datetime,
    *,
    departments: set[int] | None = None,
    department: int | None = None,
    result: str | None = None,
):
    """The calls (PHONE_RINGS) or call-backs (CALLBACK_ABSENT) behind a compliance figure, latest first."""
    from chinjeol.charter.compliance.providers import DrillDown

    from .models import CallbackObligation

    if code == PHONE_RINGS:
        items = judged_calls(period, now, departments=departments)
        met = Q(within_standard=True)
        order = ("-started_at", "-id")
        related: tuple[str, ...] = ("staff", "department", "queue")
        template, noun = "contact/compliance_calls.html", "통화"
    else:
        items = judged_callbacks(period, now, departments=departments)
        met = Q(status=CallbackObligation.Status.MET)
        order = ("-due_at", "-id")
        related = ("staff", "department", "done_by")
        template, noun = "contact/compliance_callbacks.html", "콜백"
    if department == NO_DEPARTMENT:
        items = items.filter(department__isnull=True)
    elif department is not None:
        items = items.filter(department_id=department)
    if result == "met":
        items = items.filter(met)
    elif result == "missed":
        items = items.exclude(met)
    return DrillDown(template, items.select_related(*related).order_by(*order), noun)


def register_compliance() -> None:
    from chinjeol.charter.compliance.providers import register_provider

    register_provider(call_tallies, standards=(PHONE_RINGS, CALLBACK_ABSENT), drill_down=call_drill_down)
