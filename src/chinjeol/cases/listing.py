"""The case queue as a list: its filters (department, channel, kind, status, period), its sortable columns,
the count on each tab, the elapsed days and the Excel/CSV download with the same filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.exports import PersonalData
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_name, mask_phone
from chinjeol.organization.models import Department

from . import queries, rules
from .models import Case

ALL = [("", "전체")]


class CaseFilterForm(forms.Form):
    """The queue's filters; every choice list starts with 전체 (no "---------")."""

    department = forms.TypedChoiceField(label="부서", required=False, coerce=int, empty_value=None)
    channel = forms.ChoiceField(label="접수 경로", required=False, choices=ALL + list(Case.Channel.choices))
    kind = forms.ChoiceField(label="종류", required=False, choices=ALL + list(Case.Kind.choices))
    status = forms.ChoiceField(label="상태", required=False, choices=ALL + list(Case.Status.choices))
    date_from = forms.DateField(
        label="접수일(부터)", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="접수일(까지)", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data=None, *, user):
        super().__init__(data)
        scope = None
        if not has_role(user, Role.CS_OFFICER, Role.AUDITOR):  # the departments cases_for_user reaches
            scope = set(scoped_department_ids(user, roles=queries.MANAGER_ROLES - {Role.CS_OFFICER}) or set())
            if user.staff_id:
                scope.add(user.staff.department_id)
        departments = Department.objects.filter(is_active=True).order_by("name")
        if scope is not None:
            departments = departments.filter(pk__in=scope)
        self.fields["department"].choices = ALL + [(d.pk, d.name) for d in departments]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "끝 날짜가 시작 날짜보다 앞섭니다.")
        return data


filtered = queries.filtered  # the filter form's cleaned data narrows the list as the API's filters do


# Column → ordering; "-" in front of the key sorts the other way. 경과일 is the receipt order reversed.
SORTS = {
    "receipt": ("received_at", "id"),
    "elapsed": ("-received_at", "-id"),
    "due": ("due_at", "id"),
    "status": ("status", "due_at", "id"),
    "department": ("department__name", "due_at", "id"),
}


def sort_key(value: str) -> str | None:
    """The requested sort if it is one of the columns (with or without "-"), else None (the tab's own order)."""
    return value if value.lstrip("-") in SORTS else None


def sorted_cases(cases: QuerySet[Case], key: str) -> QuerySet[Case]:
    fields = SORTS[key.lstrip("-")]
    if key.startswith("-"):
        fields = tuple(f[1:] if f.startswith("-") else f"-{f}" for f in fields)
    return cases.order_by(*fields)


def tab_counts(user, now: datetime, current: str, current_count: int) -> dict[str, int | None]:
    """The number of cases on each tab; 전체 only when it is the tab shown (counting every case of a large
    agency for a tab nobody opened is not worth it)."""
    counts: dict[str, int | None] = {}
    for name in queries.QUEUES:
        if name == current:
            counts[name] = current_count
        elif name == "all":
            counts[name] = None
        elif name == "mine" and not user.staff_id:
            counts[name] = 0
        else:
            counts[name] = queries.queue(user, name, now).order_by().count()
    return counts


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def elapsed(case: Case, today: date) -> int:
    until = local_date(case.closed_at) if case.closed_at else today
    return rules.elapsed_days(local_date(case.received_at), until)


HEADERS = [
    "접수번호",
    "접수 시각",
    "접수 경로",
    "종류",
    "제목",
    "민원인",
    "민원인 전화",
    "담당 부서",
    "담당자",
    "상태",
    "처리기한",
    "완료 시각",
    "경과일",
]


@dataclass
class ExportRows:
    """The download's rows; `full` counts the rows whose contact is shown in full (for the access log)."""

    user: object
    cases: QuerySet[Case]
    today: date
    full: int = 0

    def __call__(self) -> list[list]:
        out = []
        for case in self.cases.select_related("department", "assignee"):
            if queries.can_see_customer_contact(self.user, case):
                name, phone = case.customer_name, case.customer_phone
                self.full += 1
            else:
                name, phone = mask_name(case.customer_name), mask_phone(case.customer_phone)
            out.append(
                [
                    case.receipt_no,
                    case.received_at,
                    case.get_channel_display(),
                    case.get_kind_display(),
                    case.title,
                    name,
                    phone,
                    case.department.name if case.department else "미배정",
                    case.assignee.name if case.assignee else "",
                    case.get_status_display(),
                    case.due_at,
                    case.closed_at,
                    elapsed(case, self.today),
                ]
            )
        return out

    def personal(self) -> PersonalData:
        return PersonalData("case_customer", "민원 목록 내려받기", "민원인 이름, 전화", self.full)
