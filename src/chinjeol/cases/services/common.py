"""What the case services share: receipt numbers, routing, the event row, the plain INSERT, notices."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import connection, models
from django.db.models.signals import post_save, pre_save

from chinjeol.core.counters import next_number
from chinjeol.core.memo import register_clear, ttl_cached
from chinjeol.notify.models import Message
from chinjeol.notify.services import message_queue
from chinjeol.organization.models import Agency

from .. import rules
from ..models import Case, CaseEvent, ReceiptCounter, RoutingRule

if TYPE_CHECKING:
    from .intake import CaseIntake

Status = Case.Status


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
        about=case,
        context={"case": case, "agency": _agency_name(), **context},
    )
