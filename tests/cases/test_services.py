import pytest

from chinjeol.cases import services
from chinjeol.cases.models import Case, CaseEvent, ReceiptCounter, RoutingRule
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.errors import DomainError
from chinjeol.notify.models import Message
from tests.factories import at


@pytest.mark.django_db
def test_register_masks_and_computes_deadlines(make_case):
    case = make_case(body="주민번호 900101-1234567, 전화 010-1234-5678로 연락 주세요")
    assert "1234567" not in case.body and "900101-1******" in case.body and "010-1234-****" in case.body
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
    result = Message.objects.about(case).get(kind="result")
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
    assert Message.objects.about(case).filter(kind="extension").count() == 1


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
    assert Message.objects.about(case).filter(kind="transfer").exists()


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


def _row(model, pk, *skip):
    row = model.objects.filter(pk=pk).values().get()
    for name in ("id", *skip):
        row.pop(name)
    return row


@pytest.mark.django_db
def test_intake_writes_the_same_rows_as_the_orm(org, monkeypatch):
    """case_register inserts the case and its event without the ORM's compiler; the rows are the ORM's."""
    from django.db.models.query import QuerySet
    from django.db.models.signals import pre_save

    def intake():
        return services.CaseIntake(
            channel="phone",  # no notice: the raw path is the only insert
            kind="suggestion",
            title="공원 벤치 설치 제안 010-2222-3333",
            body="산책로에 벤치를 더 놓아 주세요. 메일 hong@example.com",
            customer_name=" 홍길동 ",
            customer_phone="01012345678",
            customer_email="hong@example.com",
            department_id=org.civil.pk,
        )

    def no_orm_insert(*args, **kwargs):
        raise AssertionError("ORM insert on the intake path")

    ReceiptCounter.objects.create(year=2026)  # the year's first receipt creates it through the ORM
    with monkeypatch.context() as m:
        m.setattr(QuerySet, "_insert", no_orm_insert)
        raw = services.case_register(intake=intake(), by=org.officer, now=at(2026, 11, 23, 10))

    def listener(**kwargs):
        pass

    pre_save.connect(listener, sender=Case)  # a save signal sends _insert through Model.save()
    pre_save.connect(listener, sender=CaseEvent)
    try:
        orm = services.case_register(intake=intake(), by=org.officer, now=at(2026, 11, 23, 10))
    finally:
        pre_save.disconnect(listener, sender=Case)
        pre_save.disconnect(listener, sender=CaseEvent)

    assert (raw.receipt_no, orm.receipt_no) == ("2026-0000001", "2026-0000002")
    skip = ("receipt_no", "created_at", "updated_at")
    assert _row(Case, raw.pk, *skip) == _row(Case, orm.pk, *skip)
    assert _row(CaseEvent, raw.events.get().pk, "case_id") == _row(CaseEvent, orm.events.get().pk, "case_id")
    stored = Case.objects.get(pk=raw.pk)
    assert stored.created_by == org.officer and stored.promise_version is None
    assert stored.created_at == raw.created_at and stored.updated_at == raw.updated_at
    assert raw.created_at.tzinfo is not None and raw.created_at <= raw.updated_at
    # the returned case is a saved instance, as Case.objects.create() returns it
    assert not raw._state.adding and raw._state.db == "default"
    assert [(f.name, getattr(raw, f.attname)) for f in Case._meta.concrete_fields] == [
        (f.name, getattr(stored, f.attname)) for f in Case._meta.concrete_fields
    ]


@pytest.mark.django_db
def test_intake_with_notice_and_promise_rows(make_case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case()
    stored = Case.objects.get(pk=case.pk)
    assert stored.promise_version_id == case.promise_version_id is not None
    assert stored.due_at == case.due_at and stored.deadline_rule == case.deadline_rule
    assert stored.title == case.title and stored.body == case.body and "010-1234-****" in stored.body
    event = stored.events.get()
    assert (event.kind, event.from_status, event.to_status, event.note) == (
        "received",
        "",
        "received",
        "홈페이지 접수",
    )
    notice = Message.objects.about(case).get(kind="received")
    assert case.receipt_no in notice.subject and notice.status == Message.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_receipt_numbers_unique_under_concurrent_intake(org):
    """Eight threads register at once: every receipt number is issued once, without gaps."""
    import threading

    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip(
            "메모리 위 SQLite 시험 DB는 연결이 하나뿐입니다 (쓰기 대기열은 tests/core/test_sqlite_queue.py)"
        )
    from django.db import connections

    errors: list[BaseException] = []
    numbers: list[str] = []
    lock = threading.Lock()

    def register(n: int) -> None:
        try:
            for i in range(5):
                case = services.case_register(
                    intake=services.CaseIntake(
                        channel="phone",
                        kind="inquiry",
                        title=f"문의 {n}-{i}",
                        body="문의합니다.",
                        customer_name="홍길동",
                    ),
                    now=at(2026, 11, 23, 10),
                )
                with lock:
                    numbers.append(case.receipt_no)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(numbers) == [f"2026-{n:07d}" for n in range(1, 41)]
    assert Case.objects.count() == 40 == CaseEvent.objects.count()
