"""Writes to cases: each service is one transaction that appends its event and queues its notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, models, transaction
from django.db.models import F, Min, Q
from django.db.models.signals import post_save, pre_save

from chinjeol.charter import queries as charter_queries
from chinjeol.charter import rules as charter_rules
from chinjeol.charter.calendar import format_dt_ko
from chinjeol.charter.models import StatutoryService
from chinjeol.compensation.services import compensation_record
from chinjeol.core.counters import next_number
from chinjeol.core.errors import DomainError
from chinjeol.core.memo import register_clear, ttl_cached
from chinjeol.core.workflow import locked, transition
from chinjeol.korean.pii import mask_pii, normalize_phone
from chinjeol.notify.models import Message
from chinjeol.notify.services import message_queue
from chinjeol.organization.models import Agency, Department, Staff

from . import rules
from .models import Case, CaseEvent, HappyCallAnswer, ReceiptCounter, RoutingRule

Status = Case.Status


@dataclass
class CaseIntake:
    channel: str
    kind: str
    title: str
    body: str
    customer_name: str
    customer_phone: str = ""
    customer_email: str = ""
    received_at: datetime | None = None
    department_id: int | None = None
    statutory_service_id: int | None = None


def _validate(intake: CaseIntake) -> None:
    if intake.channel not in Case.Channel.values:
        raise DomainError("invalid", f"알 수 없는 접수 경로입니다: {intake.channel}", field="channel")
    if intake.kind not in Case.Kind.values:
        raise DomainError("invalid", f"알 수 없는 민원 종류입니다: {intake.kind}", field="kind")
    if not intake.title.strip():
        raise DomainError("required", "제목을 입력하세요.", field="title")
    if len(intake.title) > 200:
        raise DomainError("too_long", "제목은 200자 이하로 입력하세요.", field="title")
    if not intake.body.strip():
        raise DomainError("required", "내용을 입력하세요.", field="body")
    if len(intake.body) > 20_000:
        raise DomainError("too_long", "내용은 20,000자 이하로 입력하세요.", field="body")
    if not intake.customer_name.strip():
        raise DomainError("required", "민원인 이름을 입력하세요.", field="customer.name")
    if intake.kind == Case.Kind.STATUTORY and not intake.statutory_service_id:
        raise DomainError(
            "required", "법정민원은 민원처리기준표의 사무를 골라야 합니다.", field="statutory_service"
        )


def _next_receipt_no(year: int) -> str:
    return rules.format_receipt_no(year, next_number(ReceiptCounter, year))


@ttl_cached(30)
def _routes() -> tuple[rules.Route, ...]:
    return tuple(
        rules.Route(r.keyword, r.kind, r.channel, r.department_id)
        for r in RoutingRule.objects.filter(is_active=True).order_by("priority", "id")
    )


register_clear(_routes.cache_clear)


def _route(intake: CaseIntake) -> int | None:
    return rules.route(intake.title, intake.body, kind=intake.kind, channel=intake.channel, routes=_routes())


_event = CaseEvent.record  # append one event on the case


_INSERT_SQL: dict[tuple[type[models.Model], str], tuple[str, tuple[models.Field, ...]]] = {}


def _insert_sql(model: type[models.Model]) -> tuple[str, tuple[models.Field, ...]]:
    key = (model, connection.vendor)
    if key not in _INSERT_SQL:
        meta = model._meta
        fields = tuple(f for f in meta.local_concrete_fields if f is not meta.auto_field and not f.generated)
        quote = connection.ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({}) RETURNING {}".format(  # noqa: S608 — names from the model
            quote(meta.db_table),
            ", ".join(quote(f.column) for f in fields),
            ", ".join(["%s"] * len(fields)),
            quote(meta.pk.column),
        )
        _INSERT_SQL[key] = (sql, fields)
    return _INSERT_SQL[key]


def _insert(obj: models.Model) -> None:
    """The INSERT that `obj.save()` runs for a new row — the same fields, `pre_save` (auto_now) and database
    conversions — written without the queryset compiler, which costs more than the insert itself on the intake
    path. Only for models without save() overrides or save signals; otherwise it saves through the ORM."""
    model = type(obj)
    if model.save is not models.Model.save or pre_save.has_listeners(model) or post_save.has_listeners(model):
        obj.save(force_insert=True)
        return
    obj._prepare_related_fields_for_save(operation_name="save")  # type: ignore[attr-defined]
    sql, fields = _insert_sql(model)
    params = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        obj.pk = cursor.fetchone()[0]
    obj._state.adding = False
    obj._state.db = connection.alias


def _agency_name() -> str:
    agency = Agency.current()
    return agency.name if agency else "담당 기관"


def handler_of(case: Case) -> dict:
    """The department, name and contact every notice must carry (시행령 제31조)."""
    agency = Agency.current()
    staff = case.assignee
    department = staff.department if staff else case.department
    contact = rules.handler_contact(
        extension=staff.extension if staff else "",
        department_phone=department.phone if department else "",
        agency_phone=agency.phone if agency else "",
    )
    return {
        "department": department.name if department else "",
        "name": staff.name if staff else "",
        "contact": contact,
    }


def _notify_customer(
    case: Case, kind: str, subject: str, template: str, context: dict, now: datetime
) -> Message | None:
    if case.customer_email:
        channel, recipient = Message.Channel.EMAIL, case.customer_email
    elif case.customer_phone:
        channel, recipient = Message.Channel.SMS, case.customer_phone
    else:
        channel, recipient = Message.Channel.LETTER, case.customer_name
    return message_queue(
        kind=kind,
        channel=channel,
        recipient=recipient,
        subject=subject,
        template=template,
        now=now,
        case=case,
        context={"case": case, "agency": _agency_name(), **context},
    )


@transaction.atomic
def case_register(*, intake: CaseIntake, by=None, now: datetime) -> Case:
    _validate(intake)
    received_at = intake.received_at or now
    if received_at > now + timedelta(minutes=5):
        raise DomainError("future", "접수 시각은 현재보다 늦을 수 없습니다.", field="received_at")
    phone = ""
    if intake.customer_phone.strip():
        try:
            phone = normalize_phone(intake.customer_phone)
        except ValueError:
            raise DomainError(
                "invalid", "전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678).", field="customer.phone"
            ) from None
    statutory_days = None
    if intake.statutory_service_id:
        service = StatutoryService.objects.filter(pk=intake.statutory_service_id, is_active=True).first()
        if service is None:
            raise DomainError("invalid", "민원처리기준표에 없는 사무입니다.", field="statutory_service")
        statutory_days = service.period
    department_id = intake.department_id or _route(intake)
    if (
        intake.department_id
        and not Department.objects.filter(pk=intake.department_id, is_active=True).exists()
    ):
        raise DomainError("invalid", "없는 부서입니다.", field="department")

    calendar = charter_queries.calendar_for()
    promise_version = charter_queries.promises_at(received_at).get(intake.channel)
    legal, promise, binding = charter_rules.binding_deadline(
        received_at,
        kind=intake.kind,
        channel=intake.channel,
        calendar=calendar,
        charter_days=promise_version.days if promise_version else None,
        statutory_days=statutory_days,
    )
    case = Case(
        receipt_no=_next_receipt_no(received_at.astimezone(calendar.tz).year),
        channel=intake.channel,
        kind=intake.kind,
        title=mask_pii(intake.title.strip()).text,
        body=mask_pii(intake.body.strip()).text,
        customer_name=intake.customer_name.strip()[:100],
        customer_phone=phone,
        customer_email=intake.customer_email.strip(),
        department_id=department_id,
        received_at=received_at,
        counted_from=legal.counted_from or received_at,
        legal_due_at=legal.due_at,
        promise_due_at=promise.due_at if promise else None,
        promise_version=promise_version if promise else None,
        due_at=binding.due_at,
        deadline_rule=binding.rule,
        statutory_service_id=intake.statutory_service_id,
        created_by=by,
    )
    _insert(case)
    _insert(
        CaseEvent(
            case=case,
            kind=CaseEvent.Kind.RECEIVED,
            actor=by,
            at=now,
            note=f"{case.get_channel_display()} 접수",
            from_status="",
            to_status=Status.RECEIVED,
        )
    )
    if intake.channel in (
        Case.Channel.WEB,
        Case.Channel.EPEOPLE,
        Case.Channel.DISCLOSURE,
        Case.Channel.EMAIL,
    ):
        _notify_customer(
            case,
            "received",
            f"[{_agency_name()}] 민원 접수 안내 ({case.receipt_no})",
            "notify/received.txt",
            {"due": format_dt_ko(case.due_at)},
            now,
        )
    return case


def _locked(case_id: int) -> Case:
    return locked(
        Case, case_id, related=("assignee__department", "department"), missing="민원을 찾을 수 없습니다."
    )


def _move(case: Case, target: str) -> str:
    return transition(case, target, problem=rules.transition_error)


@transaction.atomic
def case_assign(*, case_id: int, staff_id: int, by, now: datetime) -> Case:
    case = _locked(case_id)
    staff = Staff.objects.select_related("department").filter(pk=staff_id, is_active=True).first()
    if staff is None:
        raise DomainError("invalid", "재직 중인 직원을 골라 주세요.", field="staff")
    before = _move(case, Status.ASSIGNED if case.status == Status.RECEIVED else case.status)
    case.assignee = staff
    case.department = staff.department
    case.save(update_fields=["assignee", "department", "status", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.ASSIGNED,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note=f"{staff.department.name} {staff.name}에게 배정",
    )
    return case


@transaction.atomic
def case_start(*, case_id: int, by, now: datetime) -> Case:
    case = _locked(case_id)
    if case.assignee_id is None:
        raise DomainError("state", "담당자를 먼저 배정하세요.", field="staff")
    before = _move(case, Status.IN_PROGRESS)
    case.save(update_fields=["status", "updated_at"])
    _event(case, CaseEvent.Kind.STARTED, by=by, at=now, before=before, after=case.status)
    return case


@transaction.atomic
def case_transfer(
    *, case_id: int, reason: str, by, now: datetime, department_id: int | None = None, agency: str = ""
) -> Case:
    """이송: to another department of the agency, or to another agency (which ends the case here)."""
    case = _locked(case_id)
    if not reason.strip():
        raise DomainError("required", "이송 사유를 적어 주세요.", field="reason")
    if bool(department_id) == bool(agency.strip()):
        raise DomainError("required", "이송할 부서 또는 기관 중 하나를 정하세요.", field="department")
    if department_id:
        department = Department.objects.filter(pk=department_id, is_active=True).first()
        if department is None:
            raise DomainError("invalid", "없는 부서입니다.", field="department")
        if department.pk == case.department_id:
            raise DomainError("invalid", "지금 담당 부서와 같은 부서입니다.", field="department")
        if not case.is_open:
            raise DomainError("state", rules.transition_error(case.status, Status.TRANSFERRED) or "")
        before, case.status = case.status, Status.RECEIVED
        case.department, case.assignee = department, None
        case.save(update_fields=["department", "assignee", "status", "updated_at"])
        _event(
            case,
            CaseEvent.Kind.TRANSFERRED,
            by=by,
            at=now,
            before=before,
            after=case.status,
            note=f"{department.name}(으)로 이송: {reason.strip()}",
        )
        return case
    before = _move(case, Status.TRANSFERRED)
    case.transferred_to = agency.strip()[:100]
    case.closed_at = now
    case.save(update_fields=["status", "transferred_to", "closed_at", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.TRANSFERRED,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note=f"{case.transferred_to}(으)로 이송: {reason.strip()}",
    )
    _notify_customer(
        case,
        "transfer",
        f"[{_agency_name()}] 민원 이송 안내 ({case.receipt_no})",
        "notify/transfer.txt",
        {"to": case.transferred_to, "reason": reason.strip(), "handler": handler_of(case)},
        now,
    )
    return case


@transaction.atomic
def case_withdraw(*, case_id: int, reason: str, by, now: datetime) -> Case:
    case = _locked(case_id)
    before = _move(case, Status.WITHDRAWN)
    case.closed_at = now
    case.save(update_fields=["status", "closed_at", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.WITHDRAWN,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note=reason.strip() or "민원인 요청으로 취하",
    )
    return case


def _require_handler(case: Case) -> dict:
    handler = handler_of(case)
    if not (handler["department"] and handler["name"] and handler["contact"]):
        raise DomainError(
            "handler",
            "통지에는 담당자의 부서·이름·연락처가 있어야 합니다. 담당자를 배정하고 내선번호를 확인하세요.",
        )
    return handler


@transaction.atomic
def case_interim_notice(*, case_id: int, progress: str, expected_at: datetime, by, now: datetime) -> Case:
    """중간통지 [C7]: progress and the new expected date, before the deadline passes."""
    case = _locked(case_id)
    if not case.is_open:
        raise DomainError("state", "처리 중인 민원에만 중간통지를 보낼 수 있습니다.")
    if not progress.strip():
        raise DomainError("required", "진행 상황을 적어 주세요.", field="progress")
    if expected_at <= now:
        raise DomainError("invalid", "처리 예정일은 지금보다 뒤여야 합니다.", field="expected_at")
    handler = _require_handler(case)
    case.interim_last_at = now
    case.save(update_fields=["interim_last_at", "updated_at"])
    expected = format_dt_ko(expected_at)
    _event(case, CaseEvent.Kind.INTERIM, by=by, at=now, note=f"{progress.strip()} (예정 {expected})")
    _notify_customer(
        case,
        "interim",
        f"[{_agency_name()}] 민원 처리 중간 안내 ({case.receipt_no})",
        "notify/interim.txt",
        {"progress": progress.strip(), "expected": expected, "handler": handler},
        now,
    )
    return case


@transaction.atomic
def case_extend(*, case_id: int, days: int, reason: str, customer_consent: bool, by, now: datetime) -> Case:
    """기한 연장 (시행령 제21조), approved by the department head or the CS officer, with notice."""
    case = _locked(case_id)
    if not case.is_open:
        raise DomainError("state", "처리 중인 민원만 연장할 수 있습니다.")
    if not reason.strip():
        raise DomainError("required", "연장 사유를 적어 주세요.", field="reason")
    service, promise = case.statutory_service, case.promise_version
    statutory_days = service.period if service is not None else None
    original = charter_rules.legal_period(case.kind, statutory_days=statutory_days)
    if promise is not None and promise.days is not None and case.due_at == case.promise_due_at:
        original = charter_rules.Period.of_days(promise.days)
    calendar = charter_queries.calendar_for()
    try:
        extended = charter_rules.extension_due(
            case.due_at,
            original,
            calendar,
            extension_no=case.extensions + 1,
            days=days,
            customer_consent=customer_consent,
            requested_at=now,
            kind=case.kind,
        )
    except charter_rules.ExtensionError as exc:
        raise DomainError("extension", str(exc), field="days") from None
    handler = _require_handler(case)
    case.due_at = extended.due_at
    case.extensions += 1
    case.deadline_rule = f"{case.deadline_rule}\n{extended.rule}"
    case.save(update_fields=["due_at", "extensions", "deadline_rule", "updated_at"])
    _event(case, CaseEvent.Kind.EXTENDED, by=by, at=now, note=f"{extended.rule} · 사유: {reason.strip()}")
    _notify_customer(
        case,
        "extension",
        f"[{_agency_name()}] 민원 처리기간 연장 안내 ({case.receipt_no})",
        "notify/extension.txt",
        {"reason": reason.strip(), "new_due": format_dt_ko(case.due_at), "handler": handler},
        now,
    )
    return case


@transaction.atomic
def case_close(*, case_id: int, answer: str, by, now: datetime, first_contact: bool = False) -> Case:
    """결과통지 [C8]: the answer with the handler's department, name and contact; refused otherwise."""
    case = _locked(case_id)
    if len(answer.strip()) < 10:
        raise DomainError("required", "답변을 10자 이상 구체적으로 적어 주세요.", field="answer")
    handler = _require_handler(case)
    before = _move(case, Status.CLOSED)
    case.answer = mask_pii(answer.strip()).text
    case.closed_at = now
    case.first_contact_resolved = first_contact
    case.save(update_fields=["answer", "closed_at", "status", "first_contact_resolved", "updated_at"])
    _event(
        case,
        CaseEvent.Kind.CLOSED,
        by=by,
        at=now,
        before=before,
        after=case.status,
        note="첫 접촉에서 해결" if first_contact else "결과 통지",
    )
    _notify_customer(
        case,
        "result",
        f"[{_agency_name()}] 민원 처리 결과 ({case.receipt_no})",
        "notify/result.txt",
        {"handler": handler},
        now,
    )
    return case


@transaction.atomic
def happy_call_answer(*, case_id: int, score: int, comment: str, now: datetime) -> HappyCallAnswer:
    case = _locked(case_id)
    if case.status != Status.CLOSED:
        raise DomainError("state", "처리가 끝난 민원에만 만족도를 남길 수 있습니다.")
    if not 1 <= int(score) <= 5:
        raise DomainError("invalid", "만족도는 1점부터 5점까지입니다.", field="score")
    if HappyCallAnswer.objects.filter(case=case).exists():
        raise DomainError("duplicate", "이미 만족도를 남기셨습니다. 고맙습니다.")
    answer = HappyCallAnswer.objects.create(
        case=case, score=int(score), comment=mask_pii(comment.strip()).text[:2000], answered_at=now
    )
    _event(case, CaseEvent.Kind.HAPPY_CALL, by=None, at=now, note=f"만족도 {answer.score}점")
    if case.assignee_id:
        from chinjeol.kindness import rules as kindness_rules
        from chinjeol.kindness.services import mileage_record

        mileage_record(
            staff=case.assignee,
            item_code="survey",
            occurred_at=now,
            source_type="happy_call",
            source_id=answer.pk,
            points=kindness_rules.happy_call_points(answer.score),
            source_label=f"해피콜 만족도 {answer.score}점 ({case.receipt_no})",
        )
    return answer


def compensation_check(*, now: datetime, limit: int = 5000) -> int:
    """Record a compensation entry for each case whose promised deadline passed with no interim
    contact before it [C11]. Idempotent: a case is never compensated twice."""
    candidates = (
        Case.objects.filter(promise_due_at__lt=now)
        .exclude(status__in=[Status.TRANSFERRED, Status.WITHDRAWN])
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gt=F("promise_due_at")))
        .annotate(first_interim=Min("events__at", filter=Q(events__kind=CaseEvent.Kind.INTERIM)))
        .filter(Q(first_interim__isnull=True) | Q(first_interim__gt=F("promise_due_at")))
        .select_related("assignee", "department")
        .order_by("promise_due_at")[:limit]
    )
    amount = None
    created = 0
    for case in candidates:
        if not rules.compensation_owed(
            status=case.status,
            promise_due_at=case.promise_due_at,
            interim_last_at=case.interim_last_at,
            first_interim_at=case.first_interim,
            closed_at=case.closed_at,
            now=now,
        ):
            continue
        if amount is None:
            amount = charter_queries.compensation_amount(now)
        with transaction.atomic():
            _entry, was_created = compensation_record(
                reason="deadline_missed",
                occurred_at=case.promise_due_at,
                recipient_name=case.customer_name,
                source_type="case",
                source_id=case.pk,
                source_label=f"{case.receipt_no} {case.title}"[:200],
                staff=case.assignee,
                department=case.department,
                amount=amount,
                note="헌장 약속 기한까지 처리·중간연락 없음",
            )
            if was_created:
                _event(
                    case,
                    CaseEvent.Kind.COMPENSATION,
                    by=None,
                    at=now,
                    note=f"보상 {amount:,}원 발생(기한 경과)",
                )
                created += 1
    return created


def reminders_check(*, now: datetime) -> int:
    """Remind handlers of open cases due within 8 working hours (once per case and deadline)."""
    calendar = charter_queries.calendar_for()
    horizon = calendar.add_working_hours(now, 8)
    sent = 0
    cases = Case.objects.due_between(now, horizon).filter(assignee__isnull=False).select_related("assignee")
    for case in cases:
        if not case.assignee.email:
            continue
        subject = f"[처리기한 임박] {case.receipt_no} {case.title}"[:200]
        with transaction.atomic():
            message = message_queue(
                kind="reminder",
                channel=Message.Channel.EMAIL,
                recipient=case.assignee.email,
                subject=subject,
                template="notify/reminder.txt",
                now=now,
                case=case,
                context={"case": case, "handler": case.assignee, "due": format_dt_ko(case.due_at)},
                key=f"reminder:{case.pk}:{case.due_at.timestamp():.0f}",  # once per case and deadline
            )
        sent += not message.was_queued_before
    return sent
