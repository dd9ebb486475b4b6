"""Services of the smile relay, the boards and 1부서 1친절시책."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from chinjeol.community import services
from chinjeol.community.models import BestCase, BroadcastRequest, Initiative, PraisePost, Recommendation
from chinjeol.core.errors import DomainError
from chinjeol.kindness.models import MileageEntry
from tests.factories import make_member

from .conftest import NOW, prevention_for

pytestmark = pytest.mark.django_db


# --- smile relay ------------------------------------------------------------------------------
@pytest.fixture
def crew(org):
    """Four colleagues: a, b, c and d."""
    return [make_member(f"crew{i}", department=org.team, name=name) for i, name in enumerate("가나다라")]


def _rec(giver, taker, minutes=0, reason="늘 웃으며 민원인을 맞이합니다"):
    return services.relay_recommend(
        recommender=giver.staff,
        recommended_id=taker.staff.pk,
        reason=reason,
        now=NOW + timedelta(minutes=minutes),
    )


def test_each_recommendation_passes_the_baton(crew):
    a, b, c, d = crew
    first = _rec(a, b)
    second = _rec(b, c, 1)
    third = _rec(c, d, 2)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.passed_at is not None and second.passed_at is not None and third.passed_at is None
    assert second.baton_from == first and third.baton_from == second
    assert {second.chain_root_id, third.chain_root_id} == {first.pk} and first.chain_root_id is None
    assert list(Recommendation.objects.open_batons().values_list("recommended__name", flat=True)) == ["라"]


def test_relay_refusals(crew):
    a, b, c, d = crew
    with pytest.raises(DomainError, match="자기 자신"):
        _rec(a, a)
    _rec(a, b)
    with pytest.raises(DomainError, match="이미 바통을 들고 있는"):
        _rec(c, b)
    with pytest.raises(DomainError, match="되돌려"):
        _rec(b, a)
    with pytest.raises(DomainError, match="추천 사유"):
        _rec(b, c, reason="  ")
    assert Recommendation.objects.count() == 1


def test_someone_without_a_baton_starts_a_new_relay(crew):
    a, b, c, d = crew
    first = _rec(a, b)
    other = _rec(c, d, 1)
    assert other.baton_from is None and other.chain_root_id is None and other.pk != first.pk


def test_the_database_also_holds_one_open_baton_per_person(crew):
    a, b, c, d = crew
    _rec(a, b)
    with pytest.raises(IntegrityError):
        Recommendation.objects.create(recommender=c.staff, recommended=b.staff, reason="x", created_at=NOW)


def test_smile_selection_earns_smile_mileage(org, crew):
    a, b, c, d = crew
    rec = _rec(a, b)
    selection = services.smile_select(
        year=2026, month=11, staff_id=b.staff.pk, reason="", recommendation_id=rec.pk, by=org.officer, now=NOW
    )
    assert selection.reason == rec.reason
    entry = MileageEntry.objects.get(source_type="smile_selection", source_id=str(selection.pk))
    assert entry.item.code == "smile" and entry.staff == b.staff and entry.points > 0
    with pytest.raises(DomainError, match="이미 2026년 11월 스마일 직원"):
        services.smile_select(year=2026, month=11, staff_id=b.staff.pk, reason="또", by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="아직 오지 않은 달"):
        services.smile_select(
            year=2026, month=12, staff_id=c.staff.pk, reason="미리", by=org.officer, now=NOW
        )
    with pytest.raises(DomainError, match="이 직원을 추천한"):
        services.smile_select(
            year=2026,
            month=10,
            staff_id=c.staff.pk,
            reason="",
            recommendation_id=rec.pk,
            by=org.officer,
            now=NOW,
        )


# --- boards -----------------------------------------------------------------------------------
def _praise_post(**overrides):
    values = {
        "title": "친절한 김민원 주무관님",
        "body": "서류 발급을 친절하게 도와주셨어요. 제 번호 010-5555-6666",
        "official_name": "김민원",
        "writer_name": "이시민",
        "writer_phone": "010 5555 6666",
        "consent": True,
    }
    values.update(overrides)
    return services.praise_post_submit(intake=services.PraiseIntake(**values), now=NOW)


def test_praise_post_is_moderated_and_reaches_mileage(org):
    post = _praise_post()
    assert post.status == PraisePost.Status.SUBMITTED and "010-5555-6666" not in post.body
    assert post.writer_phone == "010-5555-6666"
    services.praise_post_approve(post_id=post.pk, official_id=org.clerk.staff.pk, by=org.officer, now=NOW)
    post.refresh_from_db()
    assert post.status == PraisePost.Status.PUBLISHED and post.official == org.clerk.staff
    entry = MileageEntry.objects.get(source_type="praise_post", source_id=str(post.pk))
    assert entry.item.code == "praise" and entry.staff == org.clerk.staff
    with pytest.raises(DomainError, match="숨길 수 없습니다"):
        services.praise_post_hide(post_id=post.pk, by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="이미 '게시'"):
        services.praise_post_approve(post_id=post.pk, official_id=org.clerk.staff.pk, by=org.officer, now=NOW)
    assert MileageEntry.objects.count() == 1


def test_hidden_praise_gives_nothing(org):
    post = _praise_post()
    services.praise_post_hide(post_id=post.pk, by=org.officer, now=NOW, note="직원 특정 불가")
    assert not MileageEntry.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"consent": False}, "동의"),
        ({"official_name": " "}, "직원의 이름"),
        ({"writer_phone": "123"}, "전화번호"),
        ({"title": ""}, "제목"),
    ],
)
def test_praise_post_refusals(overrides, words):
    with pytest.raises(DomainError, match=words):
        _praise_post(**overrides)
    assert not PraisePost.objects.exists()


def test_best_case_moderation(org):
    post = services.best_case_submit(
        author=org.clerk,
        title="화난 민원인을 웃게 한 방법",
        body="끝까지 들어 드렸습니다.",
        department_id=None,
        now=NOW,
    )
    assert post.status == BestCase.Status.SUBMITTED
    services.best_case_moderate(post_id=post.pk, status="published", by=org.officer, now=NOW)
    post.refresh_from_db()
    assert post.status == "published" and post.published_at == NOW
    services.best_case_moderate(post_id=post.pk, status="hidden", by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="이미 '숨김'"):
        services.best_case_moderate(post_id=post.pk, status="hidden", by=org.officer, now=NOW)


def test_only_a_substantiated_praise_report_is_published_as_a_best_case(org, investigated):
    report = investigated("praise", org.clerk)
    with pytest.raises(DomainError, match="인정된 칭찬 신고만"):
        services.best_case_from_report(report_id=report.pk, title="t", body="b", by=org.officer, now=NOW)
    services.report_substantiate(report_id=report.pk, finding="확인", by=org.officer, now=NOW)
    post = services.best_case_from_report(
        report_id=report.pk, title="시민이 칭찬한 이야기", body=report.body, by=org.officer, now=NOW
    )
    assert post.status == "published" and post.department == org.civil
    assert report.events.filter(kind="published").exists()
    with pytest.raises(DomainError, match="이미 고객만족방"):
        services.best_case_from_report(report_id=report.pk, title="t", body="b", by=org.officer, now=NOW)
    unkind = investigated("unkind", org.clerk)
    services.report_substantiate(
        report_id=unkind.pk, finding="확인", by=org.officer, now=NOW, prevention=prevention_for(org)
    )
    with pytest.raises(DomainError, match="인정된 칭찬 신고만"):
        services.best_case_from_report(report_id=unkind.pk, title="t", body="b", by=org.officer, now=NOW)


def test_broadcast_flow(org):
    row = services.broadcast_request(
        requester=org.clerk,
        title="생일 축하",
        content="민원팀 김민원 주무관 생일을 축하합니다",
        requested_on=date(2026, 11, 27),
        now=NOW,
    )
    with pytest.raises(DomainError, match="승인된 신청만"):
        services.broadcast_decide(request_id=row.pk, status="aired", by=org.officer, now=NOW)
    with pytest.raises(DomainError, match="반려 사유"):
        services.broadcast_decide(request_id=row.pk, status="declined", by=org.officer, now=NOW)
    services.broadcast_decide(request_id=row.pk, status="approved", by=org.officer, now=NOW)
    services.broadcast_decide(request_id=row.pk, status="aired", by=org.officer, now=NOW, aired_on=NOW.date())
    row.refresh_from_db()
    assert row.status == BroadcastRequest.Status.AIRED and row.aired_on == NOW.date()
    with pytest.raises(DomainError, match="이미 '방송 완료'"):
        services.broadcast_decide(request_id=row.pk, status="declined", by=org.officer, now=NOW, note="x")
    with pytest.raises(DomainError, match="오늘 이후"):
        services.broadcast_request(
            requester=org.clerk, title="t", content="c", requested_on=date(2026, 11, 1), now=NOW
        )


# --- 1부서 1친절시책 --------------------------------------------------------------------------
def test_initiative_plan_progress_and_result(org):
    plan = {
        "title": "민원 대기 0분 만들기",
        "goal": "대기 시간 5분 이내",
        "planned_actions": "번호표 안내 도우미 배치",
    }
    initiative = services.initiative_save(department_id=org.civil.pk, year=2026, by=org.head, now=NOW, **plan)
    again = services.initiative_save(
        department_id=org.civil.pk, year=2026, by=org.leader, now=NOW, **{**plan, "title": "민원 대기 줄이기"}
    )
    assert again.pk == initiative.pk and again.title == "민원 대기 줄이기" and again.updated_by == org.leader
    services.initiative_progress_add(
        initiative_id=initiative.pk, note="3월 도우미 2명 배치", by=org.leader, now=NOW
    )
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.IN_PROGRESS
    with pytest.raises(DomainError, match="0부터 100"):
        services.initiative_report(
            initiative_id=initiative.pk, achievement="a", achievement_rate=120, by=org.head, now=NOW
        )
    with pytest.raises(DomainError, match="형식은"):
        services.initiative_report(
            initiative_id=initiative.pk,
            achievement="a",
            achievement_rate=90,
            by=org.head,
            now=NOW,
            upload=SimpleUploadedFile("결과.txt", b"hello"),
        )
    services.initiative_report(
        initiative_id=initiative.pk,
        achievement="평균 대기 4분",
        achievement_rate=95,
        by=org.head,
        now=NOW,
        upload=SimpleUploadedFile("결과.png", b"\x89PNG\r\n\x1a\n...."),
    )
    initiative.refresh_from_db()
    assert initiative.status == "reported" and initiative.evidence_name == "결과.png"
    with pytest.raises(DomainError, match="결과를 보고한 시책"):
        services.initiative_save(department_id=org.civil.pk, year=2026, by=org.head, now=NOW, **plan)
    with pytest.raises(DomainError, match="결과를 보고한 시책"):
        services.initiative_progress_add(initiative_id=initiative.pk, note="더", by=org.head, now=NOW)


def test_initiative_year_is_bounded(org):
    with pytest.raises(DomainError, match="연도"):
        services.initiative_save(
            department_id=org.civil.pk,
            year=2020,
            title="t",
            goal="g",
            planned_actions="p",
            by=org.head,
            now=NOW,
        )
