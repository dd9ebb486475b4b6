import pytest

from chinjeol.cases import services
from chinjeol.cases.models import Case, CaseEvent, RoutingRule
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.errors import DomainError
from chinjeol.notify.models import Message
from tests.factories import at


@pytest.mark.django_db
def test_register_masks_and_computes_deadlines(make_case):
    case = make_case(body="주민번호 900101-1234567, 전화 010-1234-5678로 연락 주세요")
    assert "1234567" not in case.body and "900101-1******" in case.body and "010-****-5678" in case.body
    assert case.receipt_no == "2026-0000001"
    assert case.customer_phone == "010-1234-5678"
    assert case.promise_version.standard.code == "WEB_REPLY"
    assert case.due_at == at(2026, 12, 1, 18) == case.promise_due_at
    assert case.events.get().kind == CaseEvent.Kind.RECEIVED
    assert make_case().receipt_no == "2026-0000002"


@pytest.mark.django_db
def test_charter_promise_binds_suggestion_from_homepage(make_case):
    case = make_case(kind="suggestion")
    assert case.due_at == case.promise_due_at < case.legal_due_at
    assert "우선 적용" in case.deadline_rule


@pytest.mark.django_db
def test_bad_input_names_the_field_and_writes_nothing(make_case):
    for overrides, field in [
        ({"title": " "}, "title"),
        ({"customer_phone": "12"}, "customer.phone"),
        ({"kind": "nope"}, "kind"),
        ({"kind": "statutory"}, "statutory_service"),
    ]:
        with pytest.raises(DomainError) as error:
            make_case(**overrides)
        assert error.value.field == field
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_routing_rule_assigns_department(make_case, org):
    RoutingRule.objects.create(keyword="세금", department=org.tax, priority=1)
    assert make_case(title="세금 고지서 문의", department_id=None).department == org.tax


@pytest.mark.django_db
def test_full_workflow_with_notices(make_case, org, django_capture_on_commit_callbacks):
    case = make_case()
    clerk = org.clerk.staff
    services.case_assign(case_id=case.pk, staff_id=clerk.pk, by=org.head, now=at(2026, 11, 23, 11))
    services.case_start(case_id=case.pk, by=org.clerk, now=at(2026, 11, 23, 12))
    services.case_interim_notice(
        case_id=case.pk,
        progress="현장 확인 중입니다",
        expected_at=at(2026, 11, 27, 18),
        by=org.clerk,
        now=at(2026, 11, 24),
    )
    with django_capture_on_commit_callbacks(execute=True):
        closed = services.case_close(
            case_id=case.pk,
            answer="현장을 확인하고 단속했습니다. 앞으로도 순찰하겠습니다.",
            by=org.clerk,
            now=at(2026, 11, 25),
        )
    assert closed.status == Case.Status.CLOSED
    kinds = list(closed.events.values_list("kind", flat=True))
    assert kinds == ["received", "assigned", "started", "interim", "closed"]
    result = Message.objects.get(case=case, kind="result")
    assert f"담당: 민원팀 {clerk.name} (연락처 내선 {clerk.extension})" in result.body
    assert result.status == Message.Status.SENT  # immediate task backend in tests
    with pytest.raises(DomainError, match="이미 '완료'"):
        services.case_start(case_id=case.pk, by=org.clerk, now=at(2026, 11, 26))


@pytest.mark.django_db
def test_result_notice_refused_without_handler_contact(make_case, org):
    case = make_case()
    clerk = org.clerk.staff
    clerk.extension = ""
    clerk.save()
    services.case_assign(case_id=case.pk, staff_id=clerk.pk, by=org.head, now=at(2026, 11, 23, 11))
    with pytest.raises(DomainError, match="연락처"):
        services.case_close(
            case_id=case.pk, answer="답변 내용을 충분히 적었습니다.", by=org.clerk, now=at(2026, 11, 24)
        )
    case.refresh_from_db()
    assert case.status == Case.Status.ASSIGNED and not case.answer


@pytest.mark.django_db
def test_extension_rules_through_service(make_case, org):
    case = make_case(kind="grievance", channel="phone")
    services.case_assign(case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 23, 11))
    before = case.due_at
    extended = services.case_extend(
        case_id=case.pk,
        days=7,
        reason="현장 조사 필요",
        customer_consent=False,
        by=org.head,
        now=at(2026, 11, 24),
    )
    assert extended.due_at > before and extended.extensions == 1
    with pytest.raises(DomainError, match="동의"):
        services.case_extend(
            case_id=case.pk,
            days=3,
            reason="추가 조사",
            customer_consent=False,
            by=org.head,
            now=at(2026, 11, 25),
        )
    assert Message.objects.filter(case=case, kind="extension").count() == 1


@pytest.mark.django_db
def test_transfer_inside_and_outside(make_case, org):
    case = make_case()
    moved = services.case_transfer(
        case_id=case.pk,
        reason="세무 소관",
        department_id=org.tax.pk,
        by=org.officer,
        now=at(2026, 11, 23, 11),
    )
    assert moved.department == org.tax and moved.status == Case.Status.RECEIVED
    out = services.case_transfer(
        case_id=case.pk, reason="시청 소관", agency="한빛시청", by=org.officer, now=at(2026, 11, 23, 12)
    )
    assert out.status == Case.Status.TRANSFERRED and out.transferred_to == "한빛시청"
    assert Message.objects.filter(case=case, kind="transfer").exists()


@pytest.mark.django_db
def test_compensation_check_is_idempotent(make_case, org):
    late = make_case()  # promise 2026-12-01 18:00
    contacted = make_case()
    services.case_assign(
        case_id=contacted.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 23, 11)
    )
    services.case_interim_notice(
        case_id=contacted.pk,
        progress="확인 중",
        expected_at=at(2026, 12, 10),
        by=org.clerk,
        now=at(2026, 11, 30),
    )
    assert services.compensation_check(now=at(2026, 12, 1, 17)) == 0
    assert services.compensation_check(now=at(2026, 12, 2)) == 1
    assert services.compensation_check(now=at(2026, 12, 3)) == 0
    entry = CompensationEntry.objects.get()
    assert entry.source_id == str(late.pk) and entry.amount == 10_000 and entry.recipient_name == "홍길동"


@pytest.mark.django_db
def test_happy_call_only_after_close(make_case, org):
    case = make_case()
    with pytest.raises(DomainError, match="처리가 끝난"):
        services.happy_call_answer(case_id=case.pk, score=5, comment="", now=at(2026, 11, 24))
    services.case_assign(case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 23, 11))
    services.case_close(
        case_id=case.pk, answer="처리했습니다. 고맙습니다.", by=org.clerk, now=at(2026, 11, 24)
    )
    assert (
        services.happy_call_answer(case_id=case.pk, score=4, comment="좋아요", now=at(2026, 11, 25)).score
        == 4
    )
    with pytest.raises(DomainError, match="이미"):
        services.happy_call_answer(case_id=case.pk, score=5, comment="", now=at(2026, 11, 25))


@pytest.mark.django_db
def test_reminders_once_per_deadline(make_case, org):
    case = make_case(kind="other", channel="phone")  # 3 working hours
    services.case_assign(case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 23, 11))
    assert services.reminders_check(now=at(2026, 11, 23, 11)) == 1
    assert services.reminders_check(now=at(2026, 11, 23, 11, 30)) == 0
