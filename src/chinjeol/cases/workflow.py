"""One door for every workflow step on a case, used by the case page and the API alike: who may take the
step is decided here, the step itself is the service's."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.roles import Role

from . import queries, rules, services
from .models import Case

Step = Callable[[int, Mapping[str, Any], Any, datetime], Case]

STEPS: dict[str, Step] = {
    "assign": lambda pk, d, by, now: services.case_assign(case_id=pk, staff_id=d["staff_id"], by=by, now=now),
    "start": lambda pk, d, by, now: services.case_start(case_id=pk, by=by, now=now),
    "transfer": lambda pk, d, by, now: services.case_transfer(
        case_id=pk,
        reason=d["reason"],
        by=by,
        now=now,
        department_id=d.get("department_id"),
        agency=d.get("agency", ""),
    ),
    "interim": lambda pk, d, by, now: services.case_interim_notice(
        case_id=pk, progress=d["progress"], expected_at=d["expected_at"], by=by, now=now
    ),
    "extend": lambda pk, d, by, now: services.case_extend(
        case_id=pk,
        days=d["days"],
        reason=d["reason"],
        customer_consent=d.get("customer_consent", False),
        by=by,
        now=now,
    ),
    "close": lambda pk, d, by, now: services.case_close(case_id=pk, answer=d["answer"], by=by, now=now),
    "withdraw": lambda pk, d, by, now: services.case_withdraw(
        case_id=pk, reason=d.get("reason", ""), by=by, now=now
    ),
}

DONE = {
    "assign": "담당자를 배정했습니다.",
    "start": "처리를 시작했습니다.",
    "transfer": "이송했습니다.",
    "interim": "중간통지를 보냈습니다.",
    "extend": "처리기한을 연장하고 안내를 보냈습니다.",
    "close": "답변을 보내고 완료했습니다.",
    "withdraw": "취하로 처리했습니다.",
}


def steps_of(user, case: Case) -> frozenset[str]:
    """Every step `user` may take on `case` (cases.rules.steps_for over the user's relation to the case)."""
    if not has_role(user, *queries.HANDLER_ROLES):
        return frozenset()
    officer = has_role(user, Role.CS_OFFICER)
    scope = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER}))
    manager = officer or bool(scope) and case.department_id in scope
    assignee = bool(user.staff_id) and case.assignee_id == user.staff_id
    colleague = (
        bool(user.staff_id) and case.assignee_id is None and case.department_id == user.staff.department_id
    )
    return rules.steps_for(
        manager=manager,
        head=queries.can_approve_extension(user, case),
        assignee=assignee,
        colleague=colleague,
    )


def may_take(user, case: Case, step: str) -> bool:
    """Whether `user` may take `step` on `case` (the page shows only these; the API refuses the rest)."""
    return step in steps_of(user, case)


def case_step(*, user, case_id: int, step: str, data: Mapping[str, Any], now: datetime) -> Case:
    """Take one workflow step on a case the user can see, if their role allows it."""
    if step not in STEPS:
        raise NotFound("알 수 없는 처리입니다.")
    if not has_role(user, *queries.HANDLER_ROLES):
        raise PermissionDenied("민원을 처리할 권한이 없습니다.")
    case = queries.get_case_for_user(user, case_id)
    if not may_take(user, case, step):
        raise PermissionDenied("이 민원을 처리할 권한이 없습니다.")
    return STEPS[step](case.pk, data, user, now)
