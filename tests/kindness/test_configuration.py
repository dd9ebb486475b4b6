"""Items and score settings are data with history: a change is a new version."""

from decimal import Decimal

import pytest

from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.kindness import queries, rules, services
from chinjeol.kindness.models import EvaluationItem, EvaluationItemVersion, ScoreSettings
from tests.factories import at

pytestmark = pytest.mark.django_db
NOW = at(2026, 11, 2)


def change(by, **overrides):
    values = {
        "item_code": "phone",
        "points_per_event": Decimal(3),
        "cap": Decimal(9),
        "weight": Decimal(1),
        "is_active": True,
        "valid_from": at(2026, 11, 2),
        "note": "점검 강화",
        "by": by,
        "now": NOW,
    }
    values.update(overrides)
    return services.item_rule_change(**values)


def test_the_default_items_match_the_rules(db):
    config = queries.config_at(at(2026, 1, 1))
    assert config.score_rules.items == rules.DEFAULT_ITEMS
    assert config.score_rules.base == Decimal(75) and config.thresholds == rules.DEFAULT_THRESHOLDS
    assert (config.deduction_per_report, config.deduction_cap, config.min_members) == (
        rules.UNKIND_DEPARTMENT_DEDUCTION,
        rules.MAX_DEPARTMENT_DEDUCTION,
        3,
    )
    assert all(i.advice for i in EvaluationItem.objects.all())


def test_a_rule_change_is_a_new_version_and_new_points_follow_it(org, record):
    before = record(org.clerk.staff, "phone", at(2026, 11, 1))
    version = change(org.officer)
    assert version.version == 2 and version.created_by == org.officer
    assert EvaluationItemVersion.objects.filter(item__code="phone").count() == 2
    after = record(org.clerk.staff, "phone", at(2026, 11, 3))
    assert (before.points, after.points) == (Decimal("2.00"), Decimal("3.00"))
    assert queries.config_at(at(2026, 11, 1)).item_rule("phone").cap == Decimal(8)
    assert queries.config_at(at(2026, 11, 3)).item_rule("phone").cap == Decimal(9)


def test_a_rule_change_needs_a_reason_a_real_change_and_cannot_reach_into_a_finished_half(org):
    with pytest.raises(DomainError, match="까닭"):
        change(org.officer, note=" ")
    with pytest.raises(DomainError, match="바뀐 내용이 없습니다"):
        change(org.officer, points_per_event=Decimal(2), cap=Decimal(8))
    with pytest.raises(DomainError, match="이번 반기 첫날\\(2026. 7. 1.\\) 이후") as refused:
        change(org.officer, valid_from=at(2026, 6, 30))
    assert refused.value.field == "valid_from"
    with pytest.raises(DomainError, match="0 이상"):
        change(org.officer, points_per_event=Decimal(-1))
    for user in (org.auditor, org.leader, org.head):
        with pytest.raises(PermissionDenied):
            change(user)
    assert EvaluationItemVersion.objects.filter(item__code="phone").count() == 1


def test_a_new_item_and_renaming(org, record):
    item = services.item_create(
        code="visit",
        name="방문 민원 친절도",
        sign=1,
        advice="창구 응대 과정을 들어 보세요.",
        points_per_event=Decimal(2),
        cap=Decimal(6),
        weight=Decimal(1),
        valid_from=at(2026, 11, 2),
        note="방문 친절도 조사 도입",
        by=org.officer,
        now=NOW,
    )
    assert item.sort_order == 7
    assert record(org.clerk.staff, "visit", at(2026, 11, 5)).points == Decimal("2.00")
    with pytest.raises(DomainError, match="이미 있는 항목 코드"):
        services.item_create(
            code="phone", name="x", sign=1, advice="", points_per_event=Decimal(1), cap=None,
            weight=Decimal(1), valid_from=at(2026, 11, 2), note="중복", by=org.officer, now=NOW,
        )  # fmt: skip
    services.item_describe(item_code="visit", name="방문 친절도", advice="", by=org.officer)
    assert queries.config_at().items["visit"].name == "방문 친절도"


def test_score_settings_change_moves_the_lights(org, record):
    record(org.clerk.staff, "phone", at(2026, 11, 1), 5)  # 80: green by default
    period = rules.Period.parse("2026-H2")
    assert queries.compute_period(period, now=NOW).staff[org.clerk.staff.pk].signal == rules.Signal.GREEN
    row = services.score_settings_change(
        base=Decimal(75), blue=Decimal(92), green=Decimal(85), yellow=Decimal(72), orange=Decimal(66),
        deduction_per_report=Decimal(3), deduction_cap=Decimal(12), min_members=4,
        valid_from=at(2026, 11, 2), note="기준 상향", by=org.officer, now=NOW,
    )  # fmt: skip
    assert row.version == 2 and ScoreSettings.objects.count() == 2
    assert queries.compute_period(period, now=NOW).staff[org.clerk.staff.pk].signal == rules.Signal.YELLOW
    with pytest.raises(DomainError, match="파랑 > 초록"):
        services.score_settings_change(
            base=Decimal(75), blue=Decimal(80), green=Decimal(85), yellow=Decimal(72), orange=Decimal(66),
            deduction_per_report=Decimal(3), deduction_cap=Decimal(12), min_members=4,
            valid_from=at(2026, 11, 2), note="잘못", by=org.officer, now=NOW,
        )  # fmt: skip
