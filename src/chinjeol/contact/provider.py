"""Charter compliance from calls: PHONE_RINGS once per answered inbound call to a person (met when
answered within the standard), CALLBACK_ABSENT once per call-back obligation from a missed call (met
when called back by the due moment). Plugged into `charter.compliance` as a tally provider, so the
compliance page, its API and the half-year report show them beside the 민원 standards."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Q

from chinjeol.charter.compliance.rules import Tally
from chinjeol.core.periods import Period


def call_tallies(period: Period, now: datetime, *, departments: set[int] | None = None) -> dict:
    from chinjeol.charter.compliance.queries import bounds

    from .models import CallbackObligation, CallRecord

    out: dict = {}
    calls = CallRecord.objects.filter(
        judged=True,
        phone_version_id__isnull=False,
        local_date__gte=period.start,
        local_date__lt=period.end,
        answered_at__lte=now,
    )
    if departments is not None:
        calls = calls.filter(department_id__in=departments)
    for department, version, n, met in (
        calls.values_list("department_id", "phone_version_id")
        .annotate(n=Count("id"), met=Count("id", filter=Q(within_standard=True)))
        .order_by()
    ):
        out[(department, version)] = Tally(n, met)
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
    for department, version, n, met in (
        callbacks.values_list("department_id", "version_id")
        .annotate(n=Count("id"), met=Count("id", filter=Q(status=CallbackObligation.Status.MET)))
        .order_by()
    ):
        key = (department, version)
        out[key] = out.get(key, Tally()) + Tally(n, met)
    return out


def register_compliance() -> None:
    from chinjeol.charter.compliance.queries import register_provider

    register_provider(call_tallies)
