"""Changes to call records after import: extensions mapped later, first-contact marks."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from chinjeol.core.errors import DomainError

from ..models import CallbackObligation, CallRecord
from ..tallies import tallies_refresh_days
from .context import ImportContext


@transaction.atomic
def extensions_remap() -> int:
    """Give calls to extensions that now belong to someone (the staff extension field) their person
    and department; call-backs of those calls follow. Returns the number of calls changed."""
    ctx = ImportContext()
    changed = 0
    days = set(
        CallRecord.objects.filter(staff__isnull=True)
        .filter(Q(answered_extension__in=list(ctx.people)) | Q(extension__in=list(ctx.people)))
        .values_list("local_date", flat=True)
        .distinct()
        .order_by()
    )
    for extension, person in ctx.people.items():
        changed += CallRecord.objects.filter(
            staff__isnull=True, answered_extension="", extension=extension
        ).update(
            staff_id=person.staff_id, intended_staff_id=person.staff_id, department_id=person.department_id
        )
        changed += CallRecord.objects.filter(staff__isnull=True, answered_extension=extension).update(
            staff_id=person.staff_id, department_id=person.department_id
        )
        CallbackObligation.objects.filter(
            staff__isnull=True, call__extension=extension, call__answered_extension=""
        ).update(staff_id=person.staff_id, department_id=person.department_id)
    if changed:
        tallies_refresh_days(days)
    return changed


@transaction.atomic
def call_mark_resolved(*, call_id: int, staff, resolved: bool = True) -> CallRecord:
    """The counsellor marks an answered inbound call resolved at first contact (or takes it back)."""
    call = CallRecord.objects.select_for_update().filter(pk=call_id).first()
    if call is None:
        raise DomainError("not_found", "통화를 찾을 수 없습니다.", status=404)
    if call.direction != CallRecord.Direction.INBOUND or call.answered_at is None:
        raise DomainError("invalid", "응답한 수신 통화만 첫 통화 해결로 표시할 수 있습니다.", field="call")
    if staff is not None and call.staff_id not in (None, staff.pk):
        raise DomainError("forbidden", "본인이 받은 통화만 표시할 수 있습니다.", status=403)
    call.resolved_first_contact = resolved
    call.save(update_fields=["resolved_first_contact"])
    tallies_refresh_days([call.local_date])
    return call


@transaction.atomic
def call_link_case(*, call_id: int, receipt_no: str, staff) -> CallRecord:
    """Link a call to the case registered from it (the case counts against first-contact resolution
    unless the counsellor marks the call resolved at first contact)."""
    from chinjeol.cases.models import Case

    call = CallRecord.objects.select_for_update().filter(pk=call_id).first()
    if call is None:
        raise DomainError("not_found", "통화를 찾을 수 없습니다.", status=404)
    if staff is not None and call.staff_id not in (None, staff.pk):
        raise DomainError("forbidden", "본인이 받은 통화만 연결할 수 있습니다.", status=403)
    case = Case.objects.filter(receipt_no=(receipt_no or "").strip()).first()
    if case is None:
        raise DomainError("not_found", "그 접수번호의 민원이 없습니다.", field="receipt_no")
    call.case = case
    call.save(update_fields=["case"])
    tallies_refresh_days([call.local_date])
    return call
