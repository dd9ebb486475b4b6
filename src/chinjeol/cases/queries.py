"""Reads of cases shared by pages, the API and reports, with the access checks."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.core.exceptions import EmptyResultSet
from django.db import OperationalError, connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from chinjeol.charter import queries as charter_queries
from chinjeol.core.access import has_role, roles_of, scoped_department_ids
from chinjeol.core.errors import NotFound
from chinjeol.core.roles import Role
from chinjeol.korean.pii import normalize_phone
from chinjeol.notify.models import Message

from . import rules
from .models import OPEN_VALUES, Case

CASE_ROLES = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
HANDLER_ROLES = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)
MANAGER_ROLES = frozenset({Role.DEPT_HEAD, Role.CS_LEADER, Role.CS_OFFICER})


def cases_for_user(user) -> QuerySet[Case]:
    """CS officers and auditors see every case; department heads and CS leaders their departments
    (and those below); staff their own department's cases and the ones assigned to them."""
    qs = Case.objects.select_related("department", "assignee")
    if not has_role(user, *CASE_ROLES):
        return qs.none()
    if has_role(user, Role.CS_OFFICER, Role.AUDITOR):
        return qs
    departments = set(scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER})) or set())
    if user.staff_id:
        departments.add(user.staff.department_id)
    # Assigning a case moves it to the assignee's department, so a person's own cases are in it.
    return qs.filter(department_id__in=departments)


def get_case_for_user(user, case_id: int) -> Case:
    """A case outside the user's reach answers like an absent one: another department's case does not even
    reveal that its number exists."""
    case = cases_for_user(user).filter(pk=case_id).first()
    if case is None:
        raise NotFound("민원을 찾을 수 없습니다.")
    return case


def can_handle(user, case: Case) -> bool:
    """Work on the case: its assignee, managers of its department, the CS officer."""
    if has_role(user, Role.CS_OFFICER):
        return True
    if user.staff_id and case.assignee_id == user.staff_id:
        return True
    scope = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER}))
    if scope and case.department_id in scope:
        return True
    mine = roles_of(user)
    return (
        Role.STAFF in mine
        and user.staff_id
        and case.department_id == user.staff.department_id
        and case.assignee_id is None
    )


def can_approve_extension(user, case: Case) -> bool:
    if has_role(user, Role.CS_OFFICER):
        return True
    scope = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD}))
    return bool(scope) and case.department_id in scope


def can_see_customer_contact(user, case: Case) -> bool:
    if has_role(user, Role.CS_OFFICER):
        return True
    if user.staff_id and case.assignee_id == user.staff_id:
        return True
    scope = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER}))
    return bool(scope) and case.department_id in scope


QUEUES = {
    "mine": "내 민원",
    "department": "부서 민원",
    "due_soon": "기한 임박",
    "overdue": "기한 경과",
    "all": "전체",
}


def queue(user, name: str, now: datetime) -> QuerySet[Case]:
    qs = cases_for_user(user)
    if name == "mine":
        return qs.open().assigned_to(user.staff_id).order_by("due_at", "id")
    if name == "department":
        department_id = user.staff.department_id if user.staff_id else None
        return qs.open().filter(department_id=department_id).order_by("due_at", "id")
    if name == "due_soon":
        horizon = charter_queries.calendar_for().add_working_hours(now, 8)
        return qs.due_between(now, horizon).order_by("due_at", "id")
    if name == "overdue":
        return qs.overdue(now).order_by("due_at", "id")
    return qs.order_by("-received_at", "-id")


class DeadlineQueue:
    """An open-case queue in deadline order that `Paginator` pages.

    SQLite's planner sorts every matching row through the status index instead of walking the partial
    index of open deadlines (`case_open_due`), which takes a third of a second with 200,000 open cases.
    On SQLite the page's ids are read through that index (its condition written out literally, since
    SQLite matches a partial index only against literal terms), then the cases are fetched by id.
    Elsewhere, or if SQLite cannot use the index for this query, it is the plain query."""

    INDEX = "case_open_due"

    def __init__(self, cases: QuerySet[Case]):
        self.cases = cases

    def count(self) -> int:
        return self.cases.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        if connection.vendor != "sqlite":
            return list(self.cases[key])
        ids = self._ids_through_index(key)
        if ids is None:
            return list(self.cases[key])
        found = self.cases.order_by().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def _ids_through_index(self, key: slice) -> list[int] | None:
        """The page's ids through the partial index; None when SQLite cannot use it. An empty page (a
        slice past the end, a filter that can match nothing) has no SQL at all: Django raises
        EmptyResultSet instead of compiling it, and that page is simply empty."""
        statuses = ", ".join(f"'{value}'" for value in OPEN_VALUES)
        table = connection.ops.quote_name(Case._meta.db_table)
        condition = f"{table}.{connection.ops.quote_name('status')} IN ({statuses})"
        literal_open = RawSQL(condition, [], BooleanField())  # noqa: S611 - constants only
        ids_query = self.cases.filter(literal_open).values_list("id", flat=True).order_by("due_at", "id")[key]
        try:
            sql, params = ids_query.query.sql_with_params()
        except EmptyResultSet:
            return []
        hinted = sql.replace(f"FROM {table}", f"FROM {table} INDEXED BY {self.INDEX}", 1)
        try:
            with connection.cursor() as cursor:
                cursor.execute(hinted, params)
                return [row[0] for row in cursor.fetchall()]
        except OperationalError:
            return None


def search(cases: QuerySet[Case], query: str) -> QuerySet[Case]:
    """Cases matching every word of `query`: a receipt number or its last digits, the customer's name, a phone
    number in full or its last 4 digits, or words of the title or body (민원 찾기, as on the phone)."""
    for term in rules.search_terms(query, phone_of=normalize_phone):
        if term.receipt:
            cases = cases.filter(receipt_no=term.receipt)
            continue
        match = Q(customer_name=term.text) | Q(title__contains=term.text) | Q(body__contains=term.text)
        if term.digits:
            match |= Q(receipt_no__endswith=term.digits)
            if len(term.digits) == 4:
                match |= Q(customer_phone__endswith=term.digits)
        if term.phone:
            match |= Q(customer_phone=term.phone)
        cases = cases.filter(match)
    return cases


def filtered(cases: QuerySet[Case], data: dict) -> QuerySet[Case]:
    """`cases` narrowed by filters (the list page's form, the API's query): department, channel, kind,
    status and the receipt dates, each when given."""
    if data.get("department"):
        cases = cases.filter(department_id=data["department"])
    for name in ("channel", "kind", "status"):
        if data.get(name):
            cases = cases.filter(**{name: data[name]})
    tz = timezone.get_current_timezone()
    if data.get("date_from"):
        cases = cases.filter(received_at__gte=datetime.combine(data["date_from"], time.min, tz))
    if data.get("date_to"):
        cases = cases.filter(
            received_at__lt=datetime.combine(data["date_to"] + timedelta(days=1), time.min, tz)
        )
    return cases


def case_list(
    cases: QuerySet[Case],
    *,
    status: str | None = None,
    channel: str | None = None,
    kind: str | None = None,
    department: int | None = None,
    overdue_at: datetime | None = None,
    q: str | None = None,
) -> QuerySet[Case]:
    """The API's case list: `cases` narrowed by the given filters (overdue: still open past the binding
    deadline at `overdue_at`), newest received first."""
    cases = filtered(cases, {"status": status, "channel": channel, "kind": kind, "department": department})
    if overdue_at is not None:
        cases = cases.overdue(overdue_at)
    if q:
        cases = search(cases, q)
    return cases.order_by("-received_at", "-id")


def case_events(case: Case):
    """The case's history (received, assigned, … closed), oldest first."""
    return case.events.order_by("at", "id")


def case_notices(case):
    """Every notice about the case (received, interim, … result, happy-call), oldest first."""
    return Message.objects.about(case)
