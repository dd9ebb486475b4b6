"""Publishing freezes a period; actions are recorded on what was published."""

from decimal import Decimal

import pytest

from chinjeol.core.errors import DomainError, PermissionDenied
from chinjeol.kindness import queries, services
from chinjeol.kindness.models import PeriodSnapshot, SnapshotAction, SnapshotStaff
from chinjeol.kindness.rules import Period
from tests.factories import at

pytestmark = pytest.mark.django_db
H1 = Period.parse("2026-H1")


def test_publishing_freezes_scores_colours_and_ranks(org, record):
    record(org.clerk.staff, "praise", at(2026, 5, 2), 6)
    snapshot = services.period_publish(period=H1, by=org.officer, now=at(2026, 7, 3), note="상반기 결과")
    assert (snapshot.period, snapshot.version, snapshot.staff_count) == ("2026-H1", 1, 6)
    row = SnapshotStaff.objects.get(snapshot=snapshot, staff=org.clerk.staff)
    assert (row.score, row.signal, row.rank, row.department_rank) == (Decimal("81.00"), "green", 1, 1)
    assert row.contributions["praise"] == "6.00"
    assert snapshot.rules["items"][0]["code"] == "phone" and snapshot.rules["base"] == "75.00"
    # a late entry changes the live result, not the published one
    record(org.clerk.staff, "unkind", at(2026, 6, 20))
    board = queries.organisation_board(H1)
    assert board.snapshot == snapshot and board.top[0].score == Decimal("81.00")
    live = queries.organisation_board(H1, live=True)
    assert live.snapshot is None and live.published == snapshot
    assert {m.staff.pk: m.score for m in live.top + live.bottom}[org.clerk.staff.pk] == Decimal("71.00")
    again = services.period_publish(period=H1, by=org.officer, now=at(2026, 7, 10))
    assert again.version == 2 and PeriodSnapshot.objects.latest_for("2026-H1") == again
    assert SnapshotStaff.objects.get(snapshot=again, staff=org.clerk.staff).score == Decimal("71.00")


def test_only_finished_periods_are_published_and_only_by_the_cs_officer(org):
    with pytest.raises(DomainError, match="끝난 뒤에 공표"):
        services.period_publish(period=Period.parse("2026-H2"), by=org.officer, now=at(2026, 11, 23))
    for user in (org.auditor, org.head, org.leader):
        with pytest.raises(PermissionDenied):
            services.period_publish(period=H1, by=user, now=at(2026, 7, 3))
    assert not PeriodSnapshot.objects.exists()


def test_actions_name_their_target_within_the_published_results(org, record):
    snapshot = services.period_publish(period=H1, by=org.officer, now=at(2026, 7, 3))

    def act(kind, **extra):
        return services.snapshot_action_record(
            snapshot_id=snapshot.pk, kind=kind, by=extra.pop("by", org.officer), now=at(2026, 7, 9),
            note=extra.pop("note", "표창"), **extra,
        )  # fmt: skip

    award = act(SnapshotAction.Kind.AWARD, department_id=org.team.pk)
    cheer = act(SnapshotAction.Kind.ENCOURAGEMENT, staff_id=org.clerk.staff.pk, note="구청장 격려")
    penalty = act(SnapshotAction.Kind.PENALTY, staff_id=org.outsider.staff.pk, note="교육 재이수")
    assert [a.kind for a in snapshot.actions.all()] == ["award", "encouragement", "penalty"]
    assert (award.by, cheer.staff, penalty.note) == (org.officer, org.clerk.staff, "교육 재이수")
    with pytest.raises(DomainError, match="시상할 부서"):
        act(SnapshotAction.Kind.AWARD, staff_id=org.clerk.staff.pk)
    with pytest.raises(DomainError, match="격려할 직원"):
        act(SnapshotAction.Kind.ENCOURAGEMENT, department_id=org.team.pk)
    with pytest.raises(DomainError, match="내용"):
        act(SnapshotAction.Kind.PENALTY, staff_id=org.clerk.staff.pk, note="")
    with pytest.raises(DomainError, match="공표 결과에 없는 부서"):
        act(SnapshotAction.Kind.AWARD, department_id=org.bureau.pk)
    with pytest.raises(PermissionDenied):
        act(SnapshotAction.Kind.AWARD, department_id=org.team.pk, by=org.auditor)
    assert snapshot.actions.count() == 3
