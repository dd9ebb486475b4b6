"""The evaluation items and score settings in force at a moment, read from their version history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from chinjeol.core.memo import register_clear, ttl_cached

from .. import rules
from ..models import EvaluationItem, EvaluationItemVersion, ScoreSettings

DEFAULT_MIN_MEMBERS = 3


@dataclass(frozen=True)
class Config:
    """Everything a score needs at one moment. `items` holds every item (also those not in use),
    `score_rules.items` only those in use, in display order."""

    at: datetime
    score_rules: rules.ScoreRules
    thresholds: rules.Thresholds
    items: dict[str, EvaluationItem]
    versions: dict[str, EvaluationItemVersion]
    settings: ScoreSettings | None
    deduction_per_report: Decimal = rules.UNKIND_DEPARTMENT_DEDUCTION
    deduction_cap: Decimal = rules.MAX_DEPARTMENT_DEDUCTION
    min_members: int = DEFAULT_MIN_MEMBERS
    key: tuple = field(default=(), compare=False)

    def item_rule(self, code: str) -> rules.ItemRule | None:
        return self.score_rules.item(code)

    def describe(self) -> dict:
        """The rules as plain data, frozen into a published snapshot."""
        return {
            "base": str(self.score_rules.base),
            "thresholds": {
                name: str(getattr(self.thresholds, name)) for name in ("blue", "green", "yellow", "orange")
            },
            "items": [
                {
                    "code": i.code,
                    "name": i.name,
                    "sign": i.sign,
                    "points_per_event": str(i.points_per_event),
                    "cap": None if i.cap is None else str(i.cap),
                    "weight": str(i.weight),
                    "version": self.versions[i.code].version,
                }
                for i in self.score_rules.items
            ],
            "deduction_per_report": str(self.deduction_per_report),
            "deduction_cap": str(self.deduction_cap),
            "min_members": self.min_members,
            "settings_version": self.settings.version if self.settings else None,
        }


@ttl_cached(30)
def _history() -> tuple[list[EvaluationItem], list[EvaluationItemVersion], list[ScoreSettings]]:
    items = list(EvaluationItem.objects.order_by("sort_order", "code"))
    versions = list(EvaluationItemVersion.objects.order_by("item_id", "valid_from", "version"))
    settings = list(ScoreSettings.objects.order_by("valid_from", "version"))
    return items, versions, settings


def clear_cache() -> None:
    _history.cache_clear()


register_clear(clear_cache)


def item_codes(item_ids=()) -> dict[int, str]:
    """item id → code, from the cached history (reloaded when an id is not known yet)."""
    codes = {item.pk: item.code for item in _history()[0]}
    if any(i not in codes for i in item_ids):
        clear_cache()
        codes = {item.pk: item.code for item in _history()[0]}
    return codes


def _in_force(rows, at: datetime):
    """The last row whose valid_from is not after `at`; the first row when all start later."""
    chosen = None
    for row in rows:
        if row.valid_from <= at:
            chosen = row
        else:
            break
    return chosen if chosen is not None else (rows[0] if rows else None)


def config_at(at: datetime | None = None) -> Config:
    at = at or timezone.now()
    items, versions, settings_rows = _history()
    by_item: dict[int, list[EvaluationItemVersion]] = {}
    for version in versions:
        by_item.setdefault(version.item_id, []).append(version)
    in_force: dict[str, EvaluationItemVersion] = {}
    item_rules = []
    for item in items:
        version = _in_force(by_item.get(item.pk, []), at)
        if version is None:
            continue
        in_force[item.code] = version
        if version.is_active:
            item_rules.append(
                rules.ItemRule(
                    item.code, item.name, item.sign, version.points_per_event, version.cap, version.weight
                )
            )
    setting = _in_force(settings_rows, at)
    if setting is None:
        score_rules, thresholds = rules.ScoreRules(items=tuple(item_rules)), rules.DEFAULT_THRESHOLDS
        extra = {}
    else:
        score_rules = rules.ScoreRules(base=setting.base, items=tuple(item_rules))
        thresholds = rules.Thresholds(setting.blue, setting.green, setting.yellow, setting.orange)
        extra = {
            "deduction_per_report": setting.deduction_per_report,
            "deduction_cap": setting.deduction_cap,
            "min_members": setting.min_members,
        }
    key = (
        tuple(sorted((code, v.pk) for code, v in in_force.items())),
        setting.pk if setting else None,
        tuple((i.pk, i.name, i.sign) for i in items),
    )
    return Config(
        at=at,
        score_rules=score_rules,
        thresholds=thresholds,
        items={i.code: i for i in items},
        versions=in_force,
        settings=setting,
        key=key,
        **extra,
    )


def period_bounds(period: rules.Period) -> tuple[datetime, datetime]:
    """The aware Asia/Seoul start and (exclusive) end of a period."""
    return (
        timezone.make_aware(datetime.combine(period.start, time.min)),
        timezone.make_aware(datetime.combine(period.end, time.min)),
    )


def config_for_period(period: rules.Period, now: datetime | None = None) -> Config:
    """The rules a period is scored by: those in force at its end, or now while it is still running,
    so a later change never rewrites how a finished period was judged."""
    now = now or timezone.now()
    _start, end = period_bounds(period)
    return config_at(min(now, end - timedelta(microseconds=1)))


def item_history() -> list[tuple[EvaluationItem, list[EvaluationItemVersion]]]:
    items, versions, _settings = _history()
    return [(item, [v for v in reversed(versions) if v.item_id == item.pk]) for item in items]


def settings_history() -> list[ScoreSettings]:
    return list(reversed(_history()[2]))
