"""Stored daily tallies of charter compliance, so a month, a half-year or a year is read from a few
thousand small rows instead of hundreds of thousands of cases.

A judgement is final at `judged_at` (`charter.compliance.rules`), so a finished day's figures only change when one of
its cases changes. Hence:
- a day that ended more than `SETTLE` ago is aggregated once (all missing days of a range in one
  GROUP BY query) and stored in `reports.ComplianceTally`;
- at most every `CHECK_EVERY`, the cases changed since the last check (`Case.updated_at`) are read and
  the stored days they fall in are dropped, to be aggregated again on the next read;
- the rest of the period (today, and yesterday during the first minutes after midnight) is aggregated
  live from the cases.
A change to a finished day therefore shows within `SETTLE` + `CHECK_EVERY`. `tallies_reset()` drops
everything (after edits made outside the services, e.g. a case's dates changed in the back office).
Without the `reports` app installed every read is live.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone

from chinjeol.charter.compliance.expressions import LocalDate, judged_at_expression
from chinjeol.charter.compliance.rules import Tally, judgement_moment
from chinjeol.core.periods import Period

SETTLE = timedelta(minutes=5)
CHECK_EVERY = timedelta(minutes=1)
MAX_CHANGED = 5000


def enabled() -> bool:
    return apps.is_installed("chinjeol.reports")


def _models():
    from chinjeol.reports.models import ComplianceDay, ComplianceTally, TallyWatermark

    return ComplianceDay, ComplianceTally, TallyWatermark


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, timezone.get_current_timezone())


def day_of(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def first_unfinished_day(now: datetime) -> date:
    """Days before this one ended at least `SETTLE` ago: their figures can be stored."""
    return day_of(now - SETTLE)


def _add(result: dict, key, tally: Tally) -> None:
    result[key] = result.get(key, Tally()) + tally


def period_tallies(period: Period, now: datetime, *, departments: set[int] | None = None) -> dict:
    """(department, version) → Tally over the period: stored days plus a live aggregate of the rest."""
    from .queries import live_tallies

    first, end = period.start, period.end
    stored_until = min(end, first_unfinished_day(now)) if enabled() else first
    result: dict = {}
    live_from = first
    missing: list[list[date]] = []
    if stored_until > first:
        missing = ensure_stored(first, stored_until, now)
        _, ComplianceTally, _ = _models()
        rows = ComplianceTally.objects.filter(day__gte=first, day__lt=stored_until)
        if departments is not None:
            rows = rows.filter(department_id__in=departments)
        for d, v, judged, met in (
            rows.values_list("department_id", "version_id")
            .annotate(j=Sum("judged"), m=Sum("met"))
            .order_by()
            .values_list("department_id", "version_id", "j", "m")
        ):
            _add(result, (d, v), Tally(judged, met))
        live_from = stored_until
    if _start(live_from) < now and live_from < end:
        missing.append([live_from, end])
    for run_first, run_end in missing:
        for key, t in live_tallies(_start(run_first), _start(run_end), now, departments=departments).items():
            _add(result, key, t)
    return result


def _missing_runs(first: date, end: date) -> list[list[date]]:
    ComplianceDay, _, _ = _models()
    stored = ComplianceDay.objects.filter(day__gte=first, day__lt=end)
    if stored.count() == (end - first).days:
        return []
    have = set(stored.values_list("day", flat=True))
    runs: list[list[date]] = []
    day = first
    while day < end:
        if day not in have:
            if runs and runs[-1][1] == day:
                runs[-1][1] = day + timedelta(days=1)
            else:
                runs.append([day, day + timedelta(days=1)])
        day += timedelta(days=1)
    return runs


def ensure_stored(first: date, end: date, now: datetime) -> list[list[date]]:
    """Store the days in [first, end) not stored yet (finished days only); returns the runs of days
    that are still not stored (another process was storing them), to be read live."""
    _apply_changes(now)
    for run_first, run_end in _missing_runs(first, end):
        _store(run_first, run_end, now)
    return _missing_runs(first, end)


def _store(first: date, end: date, now: datetime) -> None:
    """Aggregate the days [first, end) in one GROUP BY query and store them."""
    from .queries import judged_between, met_q

    ComplianceDay, ComplianceTally, _ = _models()
    tz = timezone.get_current_timezone()
    try:
        with transaction.atomic():
            ComplianceDay.objects.bulk_create(
                ComplianceDay(day=first + timedelta(days=i), computed_at=now)
                for i in range((end - first).days)
            )
            rows = (
                judged_between(_start(first), _start(end), now)
                .annotate(c_day=LocalDate(judged_at_expression(), tzinfo=tz))
                .values_list("c_day", "department_id", "promise_version_id")
                .annotate(n=Count("id"), met=Count("id", filter=met_q(now)))
                .order_by()
            )
            ComplianceTally.objects.bulk_create(
                (
                    ComplianceTally(day=d, department_id=dept, version_id=v, judged=n, met=met)
                    for d, dept, v, n, met in rows
                ),
                batch_size=2000,
            )
    except IntegrityError:  # another process stored some of these days meanwhile: read them live this time
        return


def _apply_changes(now: datetime) -> None:
    """Drop the stored days that cases changed since the last check fall in."""
    from chinjeol.cases.models import Case

    ComplianceDay, ComplianceTally, TallyWatermark = _models()
    until = now - SETTLE
    mark = TallyWatermark.objects.order_by("pk").first()
    if mark is not None and until - mark.checked_until < CHECK_EVERY:
        return
    with transaction.atomic():
        mark = TallyWatermark.objects.select_for_update().order_by("pk").first()
        if mark is None:  # no record of what was checked: nothing stored can be trusted
            _drop(None)
            TallyWatermark.objects.create(checked_until=until)
            return
        if until - mark.checked_until < CHECK_EVERY:
            return
        changed = list(
            Case.objects.filter(updated_at__gt=mark.checked_until, updated_at__lte=until).values_list(
                "closed_at", "promise_due_at", "due_at"
            )[: MAX_CHANGED + 1]
        )
        if len(changed) > MAX_CHANGED:
            _drop(None)
        else:
            _drop({day_of(judgement_moment(closed_at=c, promise_due_at=p, due_at=d)) for c, p, d in changed})
        mark.checked_until = until
        mark.save(update_fields=["checked_until"])


def _drop(days: set[date] | None) -> None:
    """Forget stored days (None: all of them)."""
    ComplianceDay, ComplianceTally, _ = _models()
    if days is None:
        ComplianceTally.objects.all().delete()
        ComplianceDay.objects.all().delete()
    elif days:
        ComplianceTally.objects.filter(day__in=days).delete()
        ComplianceDay.objects.filter(day__in=days).delete()


@transaction.atomic
def tallies_reset() -> None:
    """Forget every stored day; they are aggregated again from the cases when next read."""
    if enabled():
        _drop(None)


def tallies_refresh(now: datetime) -> int:
    """Store every finished day of this year and the last one that is not stored yet (after dropping the
    days changed cases fall in), so that compliance pages and reports read stored figures from their
    first view. Returns the number of days stored now."""
    if not enabled():
        return 0
    ComplianceDay, _, _ = _models()
    first = date(day_of(now).year - 1, 1, 1)
    end = first_unfinished_day(now)
    before = ComplianceDay.objects.count()
    ensure_stored(first, end, now)
    return ComplianceDay.objects.count() - before
